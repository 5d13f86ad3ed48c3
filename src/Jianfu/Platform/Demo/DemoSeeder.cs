using System.Globalization;
using CsvHelper;
using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Organisation;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Organisation.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using DispatchEntity = Jianfu.Modules.Dispatch.Domain.Dispatch;

namespace Jianfu.Platform.Demo;

/// <summary>
/// Demo data for an empty database: 越城区 of Shaoxing with four real townships and their 48 communities
/// (NBS 2023 codes), departments, the demo accounts, a published catalogue and dispatches in every state.
/// </summary>
internal sealed class DemoSeeder(JianfuDbContext db, ImportDivisions divisions, UserManager<AppUser> users, WorkCalendar calendar, TimeProvider time)
{
    public const string Password = "Demo-2026";
    public const string DistrictCode = "330602";
    public const string TownshipCode = "330602108";
    public const string VillageCode = "330602108200";

    public static readonly (string UserName, string DisplayName, Role Role, string Unit, string? Department, string Purpose)[] Accounts =
    [
        ("admin", "系统管理员", Role.Admin, DistrictCode, null, "用户、授权和单位管理"),
        ("catalogue", "陈清单(区减负办)", Role.CatalogueAdmin, DistrictCode, null, "区减负办:事项清单、准入申请、问题线索、通报;12345 工单人工分拨"),
        ("dispatcher", "张建设(富盛镇村建办)", Role.Dispatcher, TownshipCode, "村镇建设和管理办公室", "镇职能部门起草派单"),
        ("reviewer", "李书记(富盛镇党委副书记)", Role.Reviewer, TownshipCode, null, "富盛镇准入审核"),
        ("secretary", "王书记(富盛村)", Role.Secretary, VillageCode, null, "富盛村收件箱、交办、确认;12345 工单办结;社区百事能案例"),
        ("cadre", "赵网格(富盛村)", Role.Cadre, VillageCode, null, "办理交办的任务"),
        ("district-dispatcher", "周民政(区民政局)", Role.Dispatcher, DistrictCode, "区民政局", "区级部门向全区村社派单"),
        ("district-reviewer", "孙主任(区级准入审核)", Role.Reviewer, DistrictCode, null, "区级派单的准入审核;12345 工单人工分拨"),
        ("enforcement", "吴队长(富盛镇综合行政执法队)", Role.Dispatcher, TownshipCode, "综合行政执法队", "接收转派给执法队的事项"),
        ("gridworker", "钱网格(富盛村)", Role.Cadre, VillageCode, null, "网格员"),
    ];

    private static readonly Dictionary<string, string[]> Departments = new()
    {
        [DistrictCode] = ["区委社会工作部", "区民政局", "区卫生健康局", "区农业农村局", "区住房和城乡建设局", "区应急管理局", "区综合行政执法局", "区人力社保局",
            "区生态环境分局", "区交通运输局", "区教育体育局", "区商务局"],
        [TownshipCode] = ["党政办公室", "村镇建设和管理办公室", "社会事务办公室", "综合行政执法队", "便民服务中心", "平安建设办公室", "农业农村办公室"],
        ["330602001"] = ["党政办公室", "城市管理办公室", "社区事务受理服务中心", "综合行政执法队", "平安建设办公室"],
        ["330602002"] = ["党政办公室", "城市管理办公室", "社区事务受理服务中心", "综合行政执法队", "平安建设办公室"],
        ["330602016"] = ["党政办公室", "村镇建设和管理办公室", "社会事务办公室", "综合行政执法队", "农业农村办公室"],
    };

    private const string Marker = "初始化演示数据";

    public static Task<bool> IsPresentAsync(JianfuDbContext db, CancellationToken ct) =>
        db.OrganisationHistory.AnyAsync(h => h.Action == Marker, ct);

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Units.AnyAsync(ct))
        {
            return false;
        }

        using (var reader = new StreamReader(Resource("divisions-yuecheng.csv")))
        {
            var report = await divisions.ImportAsync(reader, null, "演示数据", ct);
            if (!report.Succeeded)
            {
                throw new InvalidOperationException("Demo divisions failed to import: " + string.Join("; ", report.Errors));
            }
        }

        var units = await db.Units.ToDictionaryAsync(u => u.Code, ct);
        var now = time.UtcNow();
        foreach (var (unit, names) in Departments)
        {
            db.Departments.AddRange(names.Select(n => new Department { UnitId = units[unit].Id, Name = n, UpdatedAt = now }));
        }

        await db.SaveChangesAsync(ct);
        var departments = await db.Departments.ToListAsync(ct);
        var people = new Dictionary<string, AppUser>();
        foreach (var account in Accounts)
        {
            var user = new AppUser { UserName = account.UserName, DisplayName = account.DisplayName, LockoutEnabled = true };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            var unit = units[account.Unit];
            db.RoleGrants.Add(new RoleGrant
            {
                UserId = user.Id,
                Role = account.Role,
                UnitId = unit.Id,
                DepartmentId = account.Department is null ? null : departments.Single(d => d.UnitId == unit.Id && d.Name == account.Department).Id,
                GrantedAt = now,
                GrantedBy = "演示数据",
            });
            people[account.UserName] = user;
        }

        var district = units[DistrictCode];
        SeedCatalogue(district.Id, now);
        await db.SaveChangesAsync(ct);
        await SeedDispatchesAsync(units, departments, people, ct);
        SeedHotlineOrders(units, now);
        SeedCases(units, now);
        db.OrganisationHistory.Add(new OrganisationHistory { At = now, Actor = "演示数据", Action = Marker });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>12345 orders waiting for the demo routing model, which DemoRoutingModel trains in the background.</summary>
    private void SeedHotlineOrders(Dictionary<string, Unit> units, DateTime now)
    {
        (string Id, string Text, string? Community)[] orders =
        [
            ("12345-202611-0001", "我父亲今年满60岁了,想办老年人优待证,请问去哪里办理,需要带什么材料", VillageCode),
            ("12345-202611-0002", "楼道里好几辆电动车在充电,电线从窗户拉出来,很危险,希望社区管一管", "330602001004"),
            ("12345-202611-0003", "越城区解放路公交站台的顶棚破损,下雨天乘客没有地方避雨", null),
            ("12345-202611-0004", "小区旁边的工厂夜里排放刺鼻气体,居民晚上不敢开窗", null),
            ("12345-202611-0005", "孩子就读的小学午餐质量差,家长多次反映没有改善", null),
            ("12345-202611-0006", "希望社区帮忙联系一下", VillageCode),
        ];
        var district = units[DistrictCode];
        foreach (var (id, text, community) in orders)
        {
            var unit = community is null ? null : units.GetValueOrDefault(community);
            var order = new Modules.Hotline.Domain.HotlineOrder
            {
                DistrictId = district.Id, ExternalId = id, Text = text, CommunityId = unit?.Id, CommunityName = unit?.Name, ReceivedAt = now.AddHours(-2),
            };
            order.History.Add(new Modules.Hotline.Domain.HotlineOrderHistory { At = now.AddHours(-2), Actor = "演示数据", Action = "受理工单" });
            order.SendToTriage(Modules.Hotline.Routing.HotlineRouter.NoModelReason, Modules.Hotline.Routing.HotlineRouter.System, now.AddHours(-2));
            db.HotlineOrders.Add(order);
        }
    }

    /// <summary>Cases of the case library (社区百事能), written for the demo in the way communities tell them.</summary>
    private void SeedCases(Dictionary<string, Unit> units, DateTime now)
    {
        var communities = units.Values.Where(u => u.Level == UnitLevel.Community).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        (string Title, string Problem, string Actions, string Helpers, string Outcome, string Tags)[] cases =
        [
            ("老旧小区加装电梯,低层住户反对", "小区6层无电梯,高层老人出行难,想加装电梯,但一二楼住户担心采光和噪音,意见不统一。",
                "社区召集居民会议,请设计单位现场讲解方案,对一二楼住户给予补偿,协商出资比例,签订协议后报住建部门审批。", "区住房和城乡建设局、电梯公司、设计院", "3个月后电梯开工,半年投入使用。", "加装电梯、居民协商、老旧小区"),
            ("电动自行车楼道充电屡禁不止", "楼道里电动车停放充电,飞线充电多,存在火灾隐患,劝导效果差。",
                "在小区空地建集中充电棚,安装智能充电桩,按次收费;网格员夜间巡查,对飞线充电上门劝导。", "区消防救援大队、物业公司", "楼道充电基本杜绝,一年内未发生电动车火情。", "消防安全、电动自行车、充电"),
            ("独居老人突发疾病无人知晓", "辖区独居老人多,曾有老人在家摔倒两天后才被发现。",
                "建立独居老人结对关爱名单,志愿者每天电话问候,安装智能水表异常提醒,邻里互助小组轮流上门。", "区民政局、志愿者协会、自来水公司", "一年内及时发现3起老人突发情况。", "独居老人、养老服务、邻里互助"),
            ("小区垃圾分类投放点臭味大", "投放点夏季异味重,周边住户投诉多,要求搬走投放点。",
                "调整定时定点投放时间,增加清运频次,投放点加装喷淋除臭和洗手池,居民议事会商定新位置。", "区综合行政执法局、环卫公司", "投诉明显减少,分类准确率提升到85%。", "垃圾分类、环境卫生、居民议事"),
            ("低保申请家庭收入核实难", "申请低保的家庭有人在外打零工,收入难以核实,村里担心认定不公。",
                "协助镇社会救助站入户调查,经家庭经济状况核对系统比对,召开村民代表评议会并张榜公示。", "镇社会救助站、区民政局", "认定结果公示无异议,群众认可。", "低保、社会救助、入户调查"),
            ("台风前山塘下游人员转移不配合", "台风来临前,部分老人不愿离开家,转移工作推进难。",
                "按预案提前一天逐户上门,请亲属电话劝说,安置点准备好饭菜和药品,党员干部包户转移。", "镇应急办、卫生院", "危险区域128人全部安全转移,无人员伤亡。", "防汛防台、人员转移、应急管理"),
            ("邻里因漏水纠纷闹到派出所", "楼上卫生间漏水,楼下多次协商无果,双方争吵升级。",
                "村调委会组织双方现场查看,请物业检测漏点,约定维修费用分担,签订人民调解协议。", "物业公司、派出所", "维修完成,双方和解。", "矛盾纠纷、人民调解、邻里关系"),
            ("群租房人员复杂,居民担忧安全", "一处民房隔成十多间出租,人员流动大,消防通道堵塞。",
                "协助派出所开展出租房屋信息登记,督促房东整改隔断和消防设施,建立房东责任书制度。", "派出所、区消防救援大队", "群租房整改到位,租户信息登记率100%。", "出租房屋、流动人口、消防安全"),
            ("老年人优待证集中办理排长队", "每月办理老年优待证的老人多,便民服务中心排队时间长。",
                "社区提前收集材料统一代办,预约分时段办理,行动不便的老人上门拍照采集。", "区民政局、便民服务中心", "老人办证平均等待时间从半天缩短到15分钟。", "老年优待证、养老服务、代办"),
            ("反诈宣传老人听不进去", "辖区老人接连遭遇保健品诈骗,发传单效果差。",
                "请民警用身边案例开讲座,组织老人排演反诈小品,子女群发提醒,银行网点设劝阻点。", "派出所、银行", "半年内拦截诈骗转账2起。", "反诈宣传、老年人、电信网络诈骗"),
        ];
        for (var i = 0; i < cases.Length; i++)
        {
            var c = cases[i];
            var community = communities[i * 4 % communities.Count];
            db.Cases.Add(new Modules.Cases.Domain.CommunityCase
            {
                DistrictId = units[DistrictCode].Id, CommunityId = community.Id, CommunityName = community.Name, Title = c.Title, Problem = c.Problem,
                Actions = c.Actions, Helpers = c.Helpers, Outcome = c.Outcome, Tags = Modules.Cases.Domain.CommunityCase.NormaliseTags(c.Tags),
                CreatedAt = now.AddDays(-60 + i * 5), CreatedBy = "演示数据",
            });
        }
    }

    private void SeedCatalogue(int districtId, DateTime now)
    {
        var today = time.Today();
        var (items, errors) = ReadCatalogue(today);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Demo catalogue is invalid: " + string.Join("; ", errors));
        }

        // Last year's version lacked two items admitted this year, and still had the toilet survey active.
        var year = today.Year;
        var previous = new CatalogueVersion
        {
            DistrictId = districtId, Year = year - 1, Title = $"越城区涉村(社区)工作事项清单({year - 1}年版)",
            Status = VersionStatus.Superseded, CreatedAt = now.AddYears(-1), PublishedAt = now.AddYears(-1), SupersededAt = now.AddDays(-300),
        };
        foreach (var item in items.Where(i => i.ScreeningCode is not ("XZ-13" or "XZ-14")))
        {
            var copy = item.CopyInto(0);
            if (copy.ScreeningCode == "XZ-06-03")
            {
                copy.Status = Modules.Catalogue.Contracts.DutyItemStatus.Active;
                copy.RetiredReason = null;
                copy.RetiredOn = null;
            }

            if (copy.ScreeningCode == "XZ-09")
            {
                copy.Name = "协助开展统计调查";
            }

            previous.Items.Add(copy);
        }

        var current = new CatalogueVersion
        {
            DistrictId = districtId, Year = year, Title = $"越城区涉村(社区)工作事项清单({year}年版)",
            Status = VersionStatus.Published, CreatedAt = now.AddDays(-320), PublishedAt = now.AddDays(-300), Items = items,
        };
        db.CatalogueVersions.AddRange(previous, current);
        db.CatalogueHistory.AddRange(
            new CatalogueHistory { DistrictId = districtId, At = now.AddDays(-300), Actor = "演示数据", Action = $"发布{year}年版清单", Note = $"{items.Count}项,{year - 1}年版同时废止" });
    }

    public static (List<DutyItem> Items, List<SheetError> Errors) ReadCatalogue(DateOnly today)
    {
        using var reader = new StreamReader(Resource("catalogue-2026.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var headers = csv.HeaderRecord!;
        var rows = new List<IReadOnlyDictionary<string, string?>>();
        while (csv.Read())
        {
            rows.Add(headers.ToDictionary(h => h, h => csv.GetField(h)));
        }

        return CatalogueSheet.Parse(rows, headers, today);
    }

    private async Task SeedDispatchesAsync(Dictionary<string, Unit> units, List<Department> departments, Dictionary<string, AppUser> people, CancellationToken ct)
    {
        var version = await db.CatalogueVersions.Include(v => v.Items).SingleAsync(v => v.Status == VersionStatus.Published, ct);
        var items = version.Items.ToDictionary(i => i.ScreeningCode);
        var today = time.Today();
        var now = time.UtcNow();
        var township = units[TownshipCode];
        var district = units[DistrictCode];
        var villages = units.Values.Where(u => u.Path.StartsWith(township.Path, StringComparison.Ordinal) && u.Level == UnitLevel.Community)
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var tashan = units.Values.Where(u => u.Path.StartsWith("330602/330602001/", StringComparison.Ordinal) && u.Level == UnitLevel.Community).ToList();
        Actor As(string userName) => new(people[userName].Id, people[userName].DisplayName);
        Department Dept(Unit unit, string name) => departments.Single(d => d.UnitId == unit.Id && d.Name == name);

        DispatchEntity Draft(string by, Unit issuer, Department dept, string title, string content, string? code, IEnumerable<Unit> targets, int dueInDays, int daysAgo, string? justification = null)
        {
            var at = now.AddDays(-daysAgo);
            var d = new DispatchEntity
            {
                Title = title, Content = content, ScreeningCode = code, DutyItemName = code is null ? null : items[code].Name,
                CatalogueVersionId = code is null ? null : version.Id, DueDate = today.AddDays(dueInDays), Justification = justification,
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
            var input = new GateInput(d.Title, d.Content, d.ScreeningCode, d.ScreeningCode is null ? null : items[d.ScreeningCode].ToInfo(version.Year),
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

    internal static Stream Resource(string name) =>
        typeof(DemoSeeder).Assembly.GetManifestResourceStream($"Jianfu.Platform.Demo.{name}")
        ?? throw new InvalidOperationException($"Embedded resource {name} is missing");
}
