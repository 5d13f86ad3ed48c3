using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Time;
using static Jianfu.Modules.Organisation.Contracts.DemoOrganisation;
using DispatchEntity = Jianfu.Modules.Dispatch.Domain.Dispatch;

namespace Jianfu.Modules.Dispatch;

/// <summary>
/// The demo district's dispatches in every state: approved with village tasks at every step, overdue, waiting for the
/// reviewer (one with a formalism warning, one outside the catalogue with a justification), returned, rejected and
/// rerouted, withdrawn, a draft, and two of a district agency. Past days are written as they happened, through the
/// dispatch's own transitions and the gate.
/// </summary>
internal sealed class DispatchDemo(JianfuDbContext db, IOrganisationDirectory directory, ICatalogueLookup catalogue, WorkCalendar calendar, TimeProvider time)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var district = (await directory.FindUnitAsync(DistrictCode, ct))!;
        var township = (await directory.FindUnitAsync(TownshipCode, ct))!;
        var version = (await catalogue.PublishedVersionAsync(district.Id, ct))!.Value;
        var items = new Dictionary<string, DutyItemInfo>();
        foreach (var code in new[] { "XZ-12", "XZ-06-02", "XZ-05-02", "XZ-13", "XZ-07", "XZ-01-01", "XZ-03-02" })
        {
            items[code] = (await catalogue.FindPublishedAsync(district.Id, code, ct))!;
        }

        var people = new Dictionary<string, UserRef>();
        foreach (var account in Accounts)
        {
            people[account.UserName] = (await directory.FindUserAsync(account.UserName, ct))!;
        }

        var departments = (await directory.DepartmentsOfAsync(township.Id, ct)).Concat(await directory.DepartmentsOfAsync(district.Id, ct)).ToList();
        var today = time.Today();
        var now = time.UtcNow();
        var villages = (await directory.CommunitiesWithinAsync(township.Path, ct)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var tashan = (await directory.CommunitiesWithinAsync((await directory.FindUnitAsync("330602001", ct))!.Path, ct)).ToList();
        Actor As(string userName) => new(people[userName].Id, people[userName].DisplayName);
        DepartmentInfo Dept(UnitInfo unit, string name) => departments.Single(d => d.UnitId == unit.Id && d.Name == name);

        DispatchEntity Draft(string by, UnitInfo issuer, DepartmentInfo dept, string title, string content, string? code, IEnumerable<UnitInfo> targets, int dueInDays, int daysAgo, string? justification = null)
        {
            var at = now.AddDays(-daysAgo);
            var d = new DispatchEntity
            {
                Title = title, Content = content, ScreeningCode = code, DutyItemName = code is null ? null : items[code].Name,
                CatalogueVersionId = code is null ? null : version.VersionId, DueDate = today.AddDays(dueInDays), Justification = justification,
                DistrictId = district.Id, IssuerUnitId = issuer.Id, IssuerUnitName = issuer.Name, DepartmentId = dept.Id, DepartmentName = dept.Name,
                DispatcherId = people[by].Id, DispatcherName = people[by].DisplayName, ReviewUnitId = issuer.Id,
                Status = DispatchStatus.Draft, CreatedAt = at,
            };
            d.Targets.AddRange(targets.Select(t => new DispatchTarget { CommunityId = t.Id, CommunityCode = t.Code, CommunityName = t.Name }));
            d.Record(As(by), at, "起草派单", $"{d.Targets.Count}个村(社区)");
            return d;
        }

        void Submit(DispatchEntity d, string by, int daysAgo)
        {
            var at = now.AddDays(-daysAgo);
            var input = new GateInput(d.Title, d.Content, d.ScreeningCode, d.ScreeningCode is null ? null : items[d.ScreeningCode],
                d.Justification, d.DueDate, null, DateOnly.FromDateTime(at), [], new Dictionary<string, int>(), 10);
            var error = d.Submit(AccessGate.Run(input, calendar), As(by), at);
            if (error is not null)
            {
                throw new InvalidOperationException($"Demo dispatch '{d.Title}' blocked: {error.Message}");
            }
        }

        var villageOffice = Dept(township, "村镇建设和管理办公室");

        // Approved, with its five village tasks at every step of the way.
        var housing = Draft("dispatcher", township, villageOffice, "开展汛后农村房屋安全隐患排查",
            "请各村对辖区内农村自建房开展一次安全隐患排查:重点查看台风后墙体开裂、屋面渗漏的房屋,发现隐患的当日报镇村建办,由镇里组织技术人员复核。排查结果在系统内直接填写,不另报纸质材料。",
            "XZ-12", villages.OrderBy(v => v.Code != VillageCode).ThenBy(v => v.Code, StringComparer.Ordinal).Take(5), 10, 6);
        Submit(housing, "dispatcher", 6);
        housing.Approve(As("reviewer"), now.AddDays(-5), null, null, "符合清单,同意下发");
        // The first task is the demo village's own (富盛村): the demo accounts act on it; the others stand for other villages.
        var t = housing.Tasks;
        t[0].Receive(housing, As("secretary"), now.AddDays(-5));
        t[0].Assign(housing, As("secretary"), As("cadre"), now.AddDays(-4));
        t[0].Complete(housing, As("cadre"), "已排查全村128户,发现2户墙体开裂,已报镇村建办复核。", null, now.AddDays(-2));
        t[0].Confirm(housing, As("secretary"), now.AddDays(-1));
        foreach (var (task, step) in t.Skip(1).Select((task, i) => (task, i)))
        {
            var actor = new Actor("demo-" + task.CommunityCode, task.CommunityName + "书记");
            if (step <= 2)
            {
                task.Receive(housing, actor, now.AddDays(-4));
            }

            if (step <= 1)
            {
                task.Assign(housing, actor, new Actor("demo-cadre-" + task.CommunityCode, task.CommunityName + "网格员"), now.AddDays(-3));
            }

            if (step == 0)
            {
                task.Complete(housing, new Actor("demo-cadre-" + task.CommunityCode, task.CommunityName + "网格员"), "已排查完毕,未发现重大隐患。", null, now.AddDays(-1));
            }
        }

        // Approved to the whole town, already past its due date in most villages.
        var waste = Draft("dispatcher", township, villageOffice, "协助开展农村生活垃圾分类督导",
            "请各村安排网格员每周对垃圾分类投放点督导一次,发现混投的当场劝导;月底在系统内填写督导次数和主要问题。",
            "XZ-06-02", villages, 12, 20);
        Submit(waste, "dispatcher", 20);
        waste.Approve(As("reviewer"), now.AddDays(-19), null, null, null);
        waste.DueDate = today.AddDays(-2);
        waste.Tasks.ForEach(task => task.DueDate = waste.DueDate);
        var wasteHere = waste.Tasks.Single(task => task.CommunityCode == VillageCode);
        wasteHere.Receive(waste, As("secretary"), now.AddDays(-18));
        wasteHere.Assign(waste, As("secretary"), As("cadre"), now.AddDays(-18));

        // Waiting for the reviewer, one with a formalism warning.
        var fire = Draft("dispatcher", township, villageOffice, "冬季森林防火宣传和巡查",
            "进入森林防火期,请各村在山林出入口张贴防火公告,组织护林员每日巡查。每次巡查须拍照留痕,并建立巡查台账报镇里备查。",
            "XZ-05-02", villages.Skip(3).Take(6), 14, 1);
        Submit(fire, "dispatcher", 1);
        var gas = Draft("dispatcher", township, villageOffice, "入户开展城镇燃气安全宣传",
            "请各村结合网格走访,向使用瓶装液化气的农户发放燃气安全告知书,提醒定期检查软管和减压阀。走访情况在系统中勾选即可。",
            "XZ-13", villages.Take(8), 21, 0);
        Submit(gas, "dispatcher", 0);

        // Out of the list, justified: the reviewer needs a collective decision record before approving.
        var land = Draft("dispatcher", township, villageOffice, "配合开展集体经营性建设用地入市前期摸底",
            "根据省里试点安排,请富盛村、倪家溇村配合镇里核对两处集体经营性建设用地的四至和现状用途,镇自然资源所派员带队。",
            null, villages.Take(2), 15, 2,
            "集体经营性建设用地入市为省级试点任务,尚未列入本年度清单;年内清单修订时将申请准入。");
        Submit(land, "dispatcher", 2);

        // Returned for revision.
        var ledger = Draft("dispatcher", township, villageOffice, "报送村级人居环境整治台账",
            "请各村整理本年度人居环境整治工作台账,重新填报整治点位清单,于本周五前报送纸质台账一式两份。",
            "XZ-06-02", villages.Take(4), 6, 4);
        Submit(ledger, "dispatcher", 4);
        ledger.Return(As("reviewer"), now.AddDays(-3), "整治点位数据系统中已有,请删除重新填报和纸质台账的要求,改为在系统中核对。");

        // Rejected and rerouted to the body that should do it.
        var illegal = Draft("dispatcher", township, villageOffice, "清查并拆除辖区违法搭建",
            "请各村对辖区内违法搭建的彩钢棚进行清查,并于两周内组织拆除,拆除情况报镇村建办。",
            "XZ-12", villages.Take(6), 14, 8);
        Submit(illegal, "dispatcher", 8);
        var enforcement = Dept(township, "综合行政执法队");
        illegal.Reject(As("reviewer"), now.AddDays(-7), "违法建筑拆除属行政执法事项(负面清单 FM-24),不得交由村承担;由镇综合行政执法队依法处置,村可提供线索。",
            enforcement.Id, enforcement.Name);

        // Withdrawn by the department itself, and one still a draft.
        var survey = Draft("dispatcher", township, villageOffice, "农村厕所改造需求摸底",
            "请各村摸底统计有改厕需求的农户。", "XZ-12", villages.Take(3), 10, 12);
        Submit(survey, "dispatcher", 12);
        survey.Withdraw(As("dispatcher"), now.AddDays(-11), "与区农业农村局的摸底重复,撤回。");
        var draft = Draft("dispatcher", township, villageOffice, "汛期前排水沟渠清淤(草稿)",
            "请各村组织对村内主要排水沟渠进行清淤。", "XZ-07", villages.Take(2), 20, 0);

        // A district agency's dispatch waiting for the district reviewer, and one approved across a subdistrict.
        var civil = Dept(district, "区民政局");
        var elderly = Draft("district-dispatcher", district, civil, "集中受理老年优待证申请",
            "请各村(社区)在12月第一周集中受理辖区内年满60周岁老年人的优待证申请,材料经便民服务中心统一转报区民政局。",
            "XZ-01-01", villages.Take(3).Concat(tashan.Take(3)), 25, 1);
        Submit(elderly, "district-dispatcher", 1);
        var insurance = Draft("district-dispatcher", district, civil, "城乡居民医保参保缴费宣传",
            "请各社区利用居民群和宣传栏,宣传下一年度城乡居民医保缴费时间和标准,对未参保的困难群众逐户提醒。",
            "XZ-03-02", tashan, 30, 9);
        Submit(insurance, "district-dispatcher", 9);
        insurance.Approve(As("district-reviewer"), now.AddDays(-8), null, null, null);

        db.Dispatches.AddRange(housing, waste, fire, gas, land, ledger, illegal, survey, draft, elderly, insurance);
        await db.SaveChangesAsync(ct);
    }
}
