using System.Net;
using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jianfu.Tests.Modules;

/// <summary>
/// Two people acting on the same record at the same moment: exactly one wins, the other gets 409 in Chinese, and what
/// is stored is what the winner did, nothing doubled and nothing half-written. Each race is run many times, on SQLite
/// and on PostgreSQL, with the competing requests released together.
/// </summary>
public abstract class ConcurrencyTests(JianfuFactory factory)
{
    private const int Trials = 15;
    private const string Township = "330602108";
    private const string District = "330602";
    private static readonly string[] Villages = ["330602108200", "330602108202", "330602108210"];

    /// <summary>Sends the requests together: each waits on one gate, on its own thread, and the gate opens once.</summary>
    private static async Task<Reply[]> AtOnceAsync(params Func<Task<Reply>>[] requests)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = requests.Select(r => Task.Run(async () =>
        {
            await gate.Task;
            return await r();
        })).ToList();
        gate.SetResult();
        return await Task.WhenAll(running);
    }

    /// <summary>One 200 and, for every other request, a 409 with a Chinese explanation.</summary>
    private static void OneWinner(Reply[] replies, HttpStatusCode won = HttpStatusCode.OK)
    {
        Assert.True(replies.Count(r => r.Status == won) == 1, "exactly one should win: " + string.Join(" | ", replies.Select(r => r.ToString())));
        foreach (var lost in replies.Where(r => r.Status != won))
        {
            lost.Expect(HttpStatusCode.Conflict);
            Assert.Equal("application/problem+json", lost.ContentType);
            var title = lost.Json.Str("title");
            // The loser is told in Chinese: either that someone else changed the record first, or (when the winner had
            // already committed before the loser read it) why the record's state no longer allows the action.
            Assert.True(title.Contains("该记录已被他人处理", StringComparison.Ordinal) || title.Contains("当前状态为", StringComparison.Ordinal) || title.Contains("已分拨", StringComparison.Ordinal) || title.Contains("已处理", StringComparison.Ordinal) || title.Contains("只有草稿版本", StringComparison.Ordinal), title);
        }
    }

    private async Task<int> SubmitAsync(ApiClient dispatcher, string title)
    {
        var reply = await dispatcher.PostAsync("/api/v1/dispatches", new
        {
            title, content = $"{title}:请入户宣传燃气安全,办理结果在系统中填写,不另报材料。", screeningCode = "XZ-13", targets = Villages,
            dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(14).ToString("yyyy-MM-dd"), justification = (string?)null,
        });
        return reply.Expect(HttpStatusCode.Created).Json.Int("id");
    }

    private Task<List<CommunityTask>> TasksOfAsync(int dispatchId) => factory.WithDbAsync(db => db.CommunityTasks.Where(t => t.DispatchId == dispatchId).ToListAsync());

    [Fact]
    public async Task TwoReviewersApprovingOneDispatch_OneWins_AndEveryCommunityGetsOneTask()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        using var first = await factory.LoginAsync("reviewer");
        using var second = await factory.LoginAsync(await factory.CreateUserAsync(Role.Reviewer, Township));
        for (var trial = 0; trial < Trials; trial++)
        {
            var id = await SubmitAsync(dispatcher, $"并发批准{trial}");
            var approve = new { decision = "approve", reason = "同意", rerouteTo = (string?)null };
            OneWinner(await AtOnceAsync(() => first.PostAsync($"/api/v1/dispatches/{id}/decision", approve), () => second.PostAsync($"/api/v1/dispatches/{id}/decision", approve)));

            var tasks = await TasksOfAsync(id);
            Assert.Equal(Villages.Length, tasks.Count);
            Assert.Equal(Villages.Length, tasks.Select(t => t.CommunityId).Distinct().Count());
            var view = (await first.GetAsync($"/api/v1/dispatches/{id}")).Expect(HttpStatusCode.OK).Json;
            Assert.Equal("Approved", view.Str("status"));
            Assert.Single(view.Items("history"), h => h.Str("action") == "审核通过");
            (await dispatcher.GetAsync($"/api/v1/dispatches/{id}")).Expect(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task ApproveRacingReject_LeavesEitherAnApprovedDispatchWithItsTasks_OrARejectedOneWithNone()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        using var first = await factory.LoginAsync("reviewer");
        using var second = await factory.LoginAsync(await factory.CreateUserAsync(Role.Reviewer, Township));
        using var secretary = await factory.LoginAsync("secretary");
        for (var trial = 0; trial < Trials; trial++)
        {
            var id = await SubmitAsync(dispatcher, $"批准与驳回同时{trial}");
            OneWinner(await AtOnceAsync(
                () => first.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "同意", rerouteTo = (string?)null }),
                () => second.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "reject", reason = "不属于村社职责", rerouteTo = (string?)null })));

            var status = (await first.GetAsync($"/api/v1/dispatches/{id}")).Expect(HttpStatusCode.OK).Json.Str("status");
            var tasks = await TasksOfAsync(id);
            Assert.Equal(status == "Approved" ? Villages.Length : 0, tasks.Count);
            var inbox = (await secretary.GetAsync("/api/v1/inbox")).Expect(HttpStatusCode.OK);
            Assert.Equal(status == "Approved", inbox.Json.Items().Any(t => t.Int("dispatchId") == id));
        }
    }

    [Fact]
    public async Task TwoSecretariesActingOnOneTask_OneWinsEachStep_AndTheHistoryHasEachStepOnce()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        using var reviewer = await factory.LoginAsync("reviewer");
        using var first = await factory.LoginAsync("secretary");
        using var second = await factory.LoginAsync(await factory.CreateUserAsync(Role.Secretary, Villages[0]));
        using var cadre = await factory.LoginAsync("cadre");
        for (var trial = 0; trial < Trials; trial++)
        {
            var id = await SubmitAsync(dispatcher, $"并发签收{trial}");
            (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "", rerouteTo = (string?)null })).Expect(HttpStatusCode.OK);
            var task = (await TasksOfAsync(id)).Single(t => t.CommunityCode == Villages[0]).Id;

            OneWinner(await AtOnceAsync(() => first.PostAsync($"/api/v1/tasks/{task}/receive"), () => second.PostAsync($"/api/v1/tasks/{task}/receive")));
            // Assigning again is allowed (改派): one after the other both stand, at the same moment one may lose.
            var assigned = await AtOnceAsync(
                () => first.PostAsync($"/api/v1/tasks/{task}/assign", new { assignee = "cadre" }),
                () => second.PostAsync($"/api/v1/tasks/{task}/assign", new { assignee = "gridworker" }));
            Assert.All(assigned, r => Assert.True(r.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, r.ToString()));
            var assignments = assigned.Count(r => r.Status == HttpStatusCode.OK);
            Assert.True(assignments >= 1);
            var assignee = await factory.WithDbAsync(db => db.CommunityTasks.Where(t => t.Id == task).Join(db.Users, t => t.AssigneeId, u => u.Id, (t, u) => u.UserName).SingleAsync());
            using var worker = await factory.LoginAsync(assignee!);
            (await worker.PostAsync($"/api/v1/tasks/{task}/complete", new { result = "已入户宣传" })).Expect(HttpStatusCode.OK);
            OneWinner(await AtOnceAsync(() => first.PostAsync($"/api/v1/tasks/{task}/confirm"), () => second.PostAsync($"/api/v1/tasks/{task}/confirm")));

            var history = (await first.GetAsync($"/api/v1/dispatches/{id}")).Expect(HttpStatusCode.OK).Json.Items("history")
                .Where(h => h["taskId"]?.GetValue<int>() == task).Select(h => h.Str("action")).ToList();
            Assert.Equal(assignments == 1 ? ["下发至村(社区)", "签收", "交办", "办结", "书记确认办结"] : ["下发至村(社区)", "签收", "交办", "改派", "办结", "书记确认办结"], history);
        }
    }

    [Fact]
    public async Task SubstantiateRacingUnsubstantiate_OneWins_AndTheReportHasOneVerdict()
    {
        using var keeper = await factory.LoginAsync("catalogue");
        using var second = await factory.LoginAsync(await factory.CreateUserAsync(Role.CatalogueAdmin, District));
        var token = (await keeper.GetAsync($"/api/v1/report-locations/{Villages[1]}")).Expect(HttpStatusCode.OK).Json.Str("token");
        var office = await factory.WithDbAsync(db => db.Departments.Where(d => d.Unit!.Code == Township && d.Name == "党政办公室").Select(d => d.Id).SingleAsync());
        using var anonymous = factory.Anonymous();
        for (var trial = 0; trial < Trials; trial++)
        {
            var receipt = (await anonymous.PostAsync("/api/v1/reports", new { token, category = "duplicate-demand", description = $"镇里每周要求填报三张重复的统计表{trial}", contact = (string?)null, taskId = (int?)null }))
                .Expect(HttpStatusCode.Created).Json.Str("receipt");
            OneWinner(await AtOnceAsync(
                () => keeper.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "substantiate", summary = "党政办要求重复填表", responsibleDepartmentId = office }),
                () => second.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "unsubstantiate", reason = "经核实不属实" })));

            var detail = (await keeper.GetAsync($"/api/v1/reports/{receipt}/handling")).Expect(HttpStatusCode.OK).Json;
            var verdicts = detail.Items("history").Count(h => h.Str("action") is "核实属实" or "核实不属实");
            Assert.Equal(1, verdicts);
            Assert.Equal(detail.Str("status") == "Substantiated", detail["responsibleBody"] is not null);
        }
    }

    [Fact]
    public async Task TwoManualRoutingsOfOneHotlineOrder_OneWins()
    {
        using var centre = await factory.LoginAsync("district-reviewer");
        using var second = await factory.LoginAsync("catalogue");
        for (var trial = 0; trial < Trials; trial++)
        {
            var order = (await centre.PostAsync("/api/v1/hotline/orders", new { externalId = $"RACE-{Guid.NewGuid():N}", text = "我想给父亲办理老年人优待证", communityCode = Villages[0], receivedAt = (DateTime?)null }))
                .Expect(HttpStatusCode.Created).Json["orders"]![0]!;
            Assert.Equal("Triage", order.Str("status"));
            var id = order.Int("id");
            OneWinner(await AtOnceAsync(
                () => centre.PostAsync($"/api/v1/hotline/orders/{id}/route", new { label = "XZ-01-01", communityCode = Villages[0] }),
                () => second.PostAsync($"/api/v1/hotline/orders/{id}/route", new { label = "区民政局" })));
            var stored = await factory.WithDbAsync(db => db.HotlineOrders.Include(o => o.History).SingleAsync(o => o.Id == id));
            Assert.Single(stored.History, h => h.Action == "人工分拨");
            Assert.Equal(stored.ScreeningCode is null ? "区民政局" : "XZ-01-01", stored.ManualLabel);
        }
    }

    [Fact]
    public async Task FirstRequestsForAPoster_MakeOneToken_AndARevokedTokenNeverTakesReports()
    {
        using var keeper = await factory.LoginAsync("catalogue");
        using var second = await factory.LoginAsync(await factory.CreateUserAsync(Role.CatalogueAdmin, District));
        var offices = await factory.WithDbAsync(db => db.Units.Where(u => u.Code.StartsWith("3306021082") && u.Code.Length == 12).OrderByDescending(u => u.Code).Select(u => u.Code).Take(Trials).ToListAsync());
        using var anonymous = factory.Anonymous();
        foreach (var office in offices)
        {
            var replies = await AtOnceAsync([.. Enumerable.Range(0, 4).Select(i => (Func<Task<Reply>>)(() => (i % 2 == 0 ? keeper : second).GetAsync($"/api/v1/report-locations/{office}")))]);
            Assert.All(replies, r => r.Expect(HttpStatusCode.OK));
            Assert.Single(replies.Select(r => r.Json.Str("token")).Distinct());
            var token = replies[0].Json.Str("token");
            Assert.Equal(1, await factory.WithDbAsync(db => db.ReportLocations.CountAsync(l => l.UnitCode == office && l.IsActive)));

            // Both keepers saw the same poster and mean to revoke that token: one does, the other is told.
            OneWinner(await AtOnceAsync(
                () => keeper.PostAsync($"/api/v1/report-locations/{office}/revoke", new { token }),
                () => second.PostAsync($"/api/v1/report-locations/{office}/revoke", new { token })));
            Assert.Equal(1, await factory.WithDbAsync(db => db.ReportLocations.CountAsync(l => l.UnitCode == office && l.IsActive)));
            (await anonymous.PostAsync("/api/v1/reports", new { token, category = "plaque", description = "旧二维码还能不能用", contact = (string?)null, taskId = (int?)null }))
                .Expect(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task PublishingOneDraftTwice_OneWins_AndOneVersionIsInForce()
    {
        using var keeper = await factory.LoginAsync("catalogue");
        using var second = await factory.LoginAsync(await factory.CreateUserAsync(Role.CatalogueAdmin, District));
        for (var trial = 0; trial < 5; trial++)
        {
            var draft = (await keeper.PostAsync("/api/v1/catalogue/versions", new { district = District, year = 2040 + trial })).Expect(HttpStatusCode.Created).Json.Int("id");
            OneWinner(await AtOnceAsync(() => keeper.PostAsync($"/api/v1/catalogue/versions/{draft}/publish"), () => second.PostAsync($"/api/v1/catalogue/versions/{draft}/publish")));
            var published = await factory.WithDbAsync(db => db.CatalogueVersions.Where(v => v.DistrictId == db.Units.Single(u => u.Code == District).Id && v.Status == Jianfu.Modules.Catalogue.Domain.VersionStatus.Published).ToListAsync());
            Assert.Equal(draft, Assert.Single(published).Id);
        }
    }

    [Fact]
    public async Task DecidingOneAdmissionRequestTwice_OneWins()
    {
        using var dispatcher = await factory.LoginAsync("district-dispatcher");
        using var keeper = await factory.LoginAsync("catalogue");
        using var second = await factory.LoginAsync(await factory.CreateUserAsync(Role.CatalogueAdmin, District));
        for (var trial = 0; trial < 5; trial++)
        {
            var id = (await dispatcher.PostAsync("/api/v1/catalogue/admission-requests", new
            {
                name = $"协助开展冬季走访{trial}", kind = "Assistance", parentCode = "XZ-01", basisDocument = "《社会救助暂行办法》", basisArticle = "第四十八条", reason = "历年均协助走访。",
            })).Expect(HttpStatusCode.Created).Json.Int("id");
            OneWinner(await AtOnceAsync(
                () => keeper.PostAsync($"/api/v1/catalogue/admission-requests/{id}/decision", new { decision = "admit", requiredByLaw = true, customaryAssistance = true, withinCapacity = true, reason = "符合" }),
                () => second.PostAsync($"/api/v1/catalogue/admission-requests/{id}/decision", new { decision = "decline", reason = "无法定依据" })));
            var request = await factory.WithDbAsync(db => db.AdmissionRequests.SingleAsync(a => a.Id == id));
            var items = await factory.WithDbAsync(db => db.DutyItems.CountAsync(i => i.Name == request.ProposedName));
            Assert.Equal(request.Status == Jianfu.Modules.Catalogue.Domain.AdmissionStatus.Admitted ? 1 : 0, items);
        }
    }

    [Fact]
    public async Task ResetRacingDeactivate_EachChangeThatIsSaved_IsRecordedOnce()
    {
        using var admin = await factory.LoginAsync("admin");
        using var second = await factory.LoginAsync(await factory.CreateUserAsync(Role.Admin, District));
        for (var trial = 0; trial < 5; trial++)
        {
            // Both changes are allowed one after the other; at the same moment one may lose. Either way what is
            // stored matches what was answered.
            var name = await factory.CreateUserAsync(Role.Cadre, Villages[2]);
            var replies = await AtOnceAsync(
                () => admin.PostAsync($"/api/v1/admin/users/{name}/account", new { action = "deactivate" }),
                () => second.PostAsync($"/api/v1/admin/users/{name}/account", new { action = "reset-password", password = "New-pass-2026" }));
            Assert.All(replies, r => Assert.True(r.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, r.ToString()));
            var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.UserName == name));
            Assert.Equal(replies[0].Status != HttpStatusCode.OK, user.IsActive);
            var entries = await factory.WithDbAsync(db => db.OrganisationHistory.CountAsync(h => h.Action.EndsWith(" " + name)));
            Assert.Equal(replies.Count(r => r.Status == HttpStatusCode.OK), entries);
        }
    }

    [Fact]
    public async Task EveryAggregate_RefusesASaveOverAChangeItDidNotRead()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        using var reviewer = await factory.LoginAsync("reviewer");
        using var keeper = await factory.LoginAsync("catalogue");
        using var centre = await factory.LoginAsync("district-reviewer");
        var dispatch = await SubmitAsync(dispatcher, "版本号检查");
        (await reviewer.PostAsync($"/api/v1/dispatches/{dispatch}/decision", new { decision = "approve", reason = "", rerouteTo = (string?)null })).Expect(HttpStatusCode.OK);
        var token = (await keeper.GetAsync($"/api/v1/report-locations/{Villages[2]}")).Expect(HttpStatusCode.OK).Json.Str("token");
        using var anonymous = factory.Anonymous();
        var receipt = (await anonymous.PostAsync("/api/v1/reports", new { token, category = "plaque", description = "要求村里挂八块牌子", contact = (string?)null, taskId = (int?)null }))
            .Expect(HttpStatusCode.Created).Json.Str("receipt");
        var order = (await centre.PostAsync("/api/v1/hotline/orders", new { externalId = $"RV-{Guid.NewGuid():N}", text = "路灯坏了", communityCode = (string?)null, receivedAt = (DateTime?)null }))
            .Expect(HttpStatusCode.Created).Json["orders"]![0]!.Int("id");
        using var districtDispatcher = await factory.LoginAsync("district-dispatcher");
        var admission = (await districtDispatcher.PostAsync("/api/v1/catalogue/admission-requests", new { name = "版本号检查事项", kind = "Assistance", basisDocument = "无", reason = "测试" }))
            .Expect(HttpStatusCode.Created).Json.Int("id");
        var point = (await keeper.PostAsync("/api/v1/monitoring-points", new { unitCode = Villages[2] })).Expect(HttpStatusCode.Created).Json.Int("id");
        var user = await factory.CreateUserAsync(Role.Cadre, Villages[2]);
        var model = await factory.WithDbAsync(async db =>
        {
            var m = new Jianfu.Modules.Hotline.Domain.RoutingModel
            {
                DistrictId = db.Units.Single(u => u.Code == District).Id, Version = "rv-test", Labels = "a", File = [1], IsActive = false, UploadedBy = "test",
            };
            db.RoutingModels.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });

        var rows = await factory.WithDbAsync(async db => new (Type Type, object Key)[]
        {
            (typeof(Jianfu.Modules.Dispatch.Domain.Dispatch), dispatch),
            (typeof(CommunityTask), await db.CommunityTasks.Where(t => t.DispatchId == dispatch).Select(t => t.Id).FirstAsync()),
            (typeof(Jianfu.Modules.Reports.Domain.BurdenReport), await db.BurdenReports.Where(r => r.Receipt == receipt).Select(r => r.Id).SingleAsync()),
            (typeof(Jianfu.Modules.Reports.Domain.ReportLocation), await db.ReportLocations.Where(l => l.Token == token).Select(l => l.Id).SingleAsync()),
            (typeof(Jianfu.Modules.Hotline.Domain.HotlineOrder), order),
            (typeof(Jianfu.Modules.Catalogue.Domain.CatalogueVersion), await db.CatalogueVersions.Select(v => v.Id).FirstAsync()),
            (typeof(Jianfu.Modules.Catalogue.Domain.AdmissionRequest), admission),
            (typeof(Jianfu.Modules.Reports.Domain.MonitoringPoint), point),
            (typeof(Jianfu.Modules.Hotline.Domain.RoutingModel), model),
            (typeof(Jianfu.Modules.Organisation.Domain.AppUser), await db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync()),
        });
        foreach (var (type, key) in rows)
        {
            using var first = factory.Services.CreateScope();
            using var later = factory.Services.CreateScope();
            var a = first.ServiceProvider.GetRequiredService<JianfuDbContext>();
            var b = later.ServiceProvider.GetRequiredService<JianfuDbContext>();
            var mine = (await a.FindAsync(type, key))!;
            var theirs = (await b.FindAsync(type, key))!;
            b.Entry(theirs).State = EntityState.Modified;
            Assert.Null(await b.TrySaveAsync(default));
            a.Entry(mine).State = EntityState.Modified;
            var refused = await a.TrySaveAsync(default);
            Assert.True(refused?.Code == "stale", $"{type.Name}: {refused?.Code ?? "saved over a change it did not read"}");
            Assert.Equal(409, refused!.Status);
        }
    }

    [Fact]
    public async Task AReviewerWhoseDecisionLost_SeesItInPlace_OnTheDispatchPage()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var id = await SubmitAsync(dispatcher, "页面上的并发提示");
        using var page = await PageClient.SignInAsync(factory, "reviewer");
        var open = await page.GetAsync($"/dispatches/{id}");
        var form = open.Form("decision")!;

        using var other = await factory.LoginAsync(await factory.CreateUserAsync(Role.Reviewer, Township));
        (await other.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "reject", reason = "应由执法队办理", rerouteTo = (string?)null })).Expect(HttpStatusCode.OK);

        form["decision"] = "approve";
        form["reason"] = "同意";
        var after = await page.PostAsync($"/dispatches/{id}", form);
        Assert.True(after.Status == HttpStatusCode.OK, after.Html);
        Assert.Contains("该记录已被他人处理", after.Html);
        Assert.Contains("已驳回", after.Html);
        Assert.DoesNotContain("id=\"decision-form\"", after.Html);
        Assert.Empty(await TasksOfAsync(id));
    }
}

[Trait("Database", "Sqlite")]
public sealed class ConcurrencyTests_Sqlite(SqliteFactory factory) : ConcurrencyTests(factory), IClassFixture<SqliteFactory>;

[Trait("Database", "Postgres")]
public sealed class ConcurrencyTests_Postgres(PostgresFactory factory) : ConcurrencyTests(factory), IClassFixture<PostgresFactory>;
