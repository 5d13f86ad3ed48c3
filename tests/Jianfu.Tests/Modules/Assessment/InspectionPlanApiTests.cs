using System.Net;
using Jianfu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Tests.Modules.Assessment;

/// <summary>The annual inspection plan, its visits and democratic ballots, on SQLite and PostgreSQL.</summary>
public abstract class InspectionPlanApiTests(JianfuFactory factory)
{
    private static object Item(string name, int year, string targets = "community", string method = "实地", string content = "") => new
    {
        name, content, organiser = "区应急管理局", from = new DateOnly(year, 1, 1), to = new DateOnly(year, 12, 31), targets, method, team = "陈敏、刘洋、周婷",
    };

    private static int ThisYear => DateTime.UtcNow.AddHours(8).Year;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task APlan_IsKeptByTheOffice_ComparedWithLastYear_AndSimilarItemsAreSuggestedForMerging()
    {
        using var assessor = await factory.LoginAsync("assessor");
        var year = TestData.FreshYear();
        var last = (await assessor.PostAsync("/api/v1/inspection-plans", new { district = TestData.DemoDistrict, year = year - 1 })).Expect(HttpStatusCode.Created).Json.Int("id");
        foreach (var name in new[] { "安全生产检查", "消防检查", "食品安全督查", "垃圾分类考核" })
        {
            (await assessor.PostAsync($"/api/v1/inspection-plans/{last}/items", Item(name, year - 1))).Expect(HttpStatusCode.Created);
        }

        (await assessor.PostAsync($"/api/v1/inspection-plans/{last}/publish")).Expect(HttpStatusCode.OK);
        (await assessor.PostAsync($"/api/v1/inspection-plans/{last}/items", Item("又一项检查", year - 1))).Expect(HttpStatusCode.Conflict);
        (await assessor.PostAsync("/api/v1/inspection-plans", new { district = TestData.DemoDistrict, year = year - 1 })).Expect(HttpStatusCode.Conflict);

        var plan = (await assessor.PostAsync("/api/v1/inspection-plans", new { district = TestData.DemoDistrict, year })).Expect(HttpStatusCode.Created).Json.Int("id");
        (await assessor.PostAsync($"/api/v1/inspection-plans/{plan}/items", Item("安全生产和消防安全综合检查", year, content: "安全生产、消防设施"))).Expect(HttpStatusCode.Created);
        var second = (await assessor.PostAsync($"/api/v1/inspection-plans/{plan}/items", Item("安全生产和消防安全专项检查", year, content: "消防设施、安全生产"))).Expect(HttpStatusCode.Created).Json;
        Assert.Contains("建议合并", second.Items("suggestions").Single().Str("message"));
        (await assessor.PostAsync($"/api/v1/inspection-plans/{plan}/items", Item("食品安全督查", year, "township", "暗访"))).Expect(HttpStatusCode.Created);
        (await assessor.PostAsync($"/api/v1/inspection-plans/{plan}/items", Item("", year, "nowhere", "听汇报"))).Expect(HttpStatusCode.BadRequest);
        (await assessor.PostAsync($"/api/v1/inspection-plans/{plan}/items", Item("跨年的检查", year + 1))).Expect(HttpStatusCode.BadRequest);

        using var reviewer = await factory.LoginAsync("reviewer");
        (await reviewer.GetAsync($"/api/v1/inspection-plans/{plan}")).Expect(HttpStatusCode.NotFound);
        (await reviewer.PostAsync($"/api/v1/inspection-plans/{plan}/items", Item("镇里加的检查", year))).Expect(HttpStatusCode.NotFound);
        (await assessor.PostAsync($"/api/v1/inspection-plans/{plan}/publish")).Expect(HttpStatusCode.OK);
        var view = (await reviewer.GetAsync($"/api/v1/inspection-plans/{plan}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(3, view.Items("items").Count());
        Assert.Equal(4, view.Int("previousCount"));
        Assert.Equal(-0.25m, view["reduction"]!.GetValue<decimal>());
        Assert.Single(view.Items("mergeSuggestions"));
        // No field for materials, reports heard or accompaniment exists to be filled in.
        Assert.DoesNotContain("material", view.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AVisitOutsideThePlan_NeedsARecordedApproval_AndTheVisitedUnitIsNotToldInAdvance()
    {
        using var assessor = await factory.LoginAsync("assessor");
        var plan = await factory.WithDbAsync(db => db.InspectionPlans.Where(p => p.Year == ThisYear).Select(p => (int?)p.Id).FirstOrDefaultAsync());
        plan ??= (await assessor.PostAsync("/api/v1/inspection-plans", new { district = TestData.DemoDistrict, year = ThisYear })).Expect(HttpStatusCode.Created).Json.Int("id");
        var item = (await assessor.PostAsync($"/api/v1/inspection-plans/{plan}/items", Item(TestData.Unique("燃气安全检查"), ThisYear, TestData.OtherVillage)))
            .Expect(HttpStatusCode.Created).Json.Int("id");
        var visit = new { planItemId = (int?)item, unitCode = TestData.OtherVillage, date = Today, findings = "燃气管道完好", approval = (string?)null };
        // Not yet published: the item is not yet the plan.
        Assert.Equal("outside-plan", (await assessor.PostAsync("/api/v1/inspection-visits", visit)).Expect(HttpStatusCode.UnprocessableEntity).Json.Str("code"));
        (await assessor.PostAsync($"/api/v1/inspection-plans/{plan}/publish")).Expect(HttpStatusCode.OK);
        var unreadBefore = await UnreadAsync("secretary");
        var planned = (await assessor.PostAsync("/api/v1/inspection-visits", visit)).Expect(HttpStatusCode.Created).Json;
        Assert.True(planned["planned"]!.GetValue<bool>());

        // Another village is not among the item's targets; a day in the future did not happen.
        (await assessor.PostAsync("/api/v1/inspection-visits", visit with { unitCode = TestData.Village })).Expect(HttpStatusCode.UnprocessableEntity);
        (await assessor.PostAsync("/api/v1/inspection-visits", visit with { date = Today.AddDays(3) })).Expect(HttpStatusCode.BadRequest);
        var unplanned = new { planItemId = (int?)null, unitCode = TestData.Village, date = Today, findings = "台风后隐患排查", approval = (object?)null };
        (await assessor.PostAsync("/api/v1/inspection-visits", unplanned)).Expect(HttpStatusCode.UnprocessableEntity);
        (await assessor.PostAsync("/api/v1/inspection-visits", unplanned with { approval = 999999 })).Expect(HttpStatusCode.BadRequest);
        var approval = (await assessor.PostAsync("/api/v1/inspection-approvals", new { district = TestData.DemoDistrict, reference = "台风后隐患排查,经分管领导和主要领导批准" }))
            .Expect(HttpStatusCode.Created).Json.Int("id");
        var recorded = (await assessor.PostAsync("/api/v1/inspection-visits", unplanned with { approval = approval })).Expect(HttpStatusCode.Created).Json;
        Assert.False(recorded["planned"]!.GetValue<bool>());
        (await assessor.PostAsync("/api/v1/inspection-visits", unplanned with { approval = "区委办一事一报〔2026〕3号" })).Expect(HttpStatusCode.Created);
        Assert.Equal(unreadBefore, await UnreadAsync("secretary"));

        using var secretary = await factory.LoginAsync("secretary");
        (await secretary.PostAsync("/api/v1/inspection-visits", unplanned with { approval = approval })).Expect(HttpStatusCode.Forbidden);
        using var catalogue = await factory.LoginAsync("catalogue");
        (await catalogue.PostAsync("/api/v1/inspection-visits", unplanned with { approval = approval })).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AboveTheThreshold_TheDistrictIsWarned()
    {
        using var assessor = await factory.LoginAsync("assessor");
        const string community = "330602108231";
        var before = await UnreadAsync("assessor");
        string? warning = null;
        // The default threshold is six visits a unit a year.
        for (var k = 0; k < 7; k++)
        {
            warning = (await assessor.PostAsync("/api/v1/inspection-visits", new
            {
                planItemId = (int?)null, unitCode = community, date = Today, findings = $"第{k + 1}次检查", approval = "经主要领导批准的专项检查",
            })).Expect(HttpStatusCode.Created).Json["warning"]?.GetValue<string>();
        }

        Assert.Contains("超过6次", warning);
        Assert.Equal(before + 1, await UnreadAsync("assessor"));
        var plan = await factory.WithDbAsync(db => db.InspectionPlans.Where(p => p.Year == ThisYear && p.IsPublished).Select(p => (int?)p.Id).FirstOrDefaultAsync());
        if (plan is not null)
        {
            var view = (await assessor.GetAsync($"/api/v1/inspection-plans/{plan}")).Expect(HttpStatusCode.OK).Json;
            Assert.True(view.Items("visits").Single(v => v.Str("unitCode") == community)["overThreshold"]!.GetValue<bool>());
        }
    }

    [Fact]
    public async Task ABallot_IsOneVoteEach_AndShowsOnlyAggregates_OnceClosed()
    {
        var year = TestData.FreshYear();
        var set = await factory.IndicatorSetAsync(year, "township", publish: true, "4321", ("民主测评", 20m, "democratic", null), ("安全生产", 80m, "evaluator", null));
        using var assessor = await factory.LoginAsync("assessor");
        (await assessor.PostAsync($"/api/v1/assessment/sets/{set}/ballots", new { title = "测评", voters = new[] { "reviewer" } })).Expect(HttpStatusCode.BadRequest);
        var ballot = (await assessor.PostAsync($"/api/v1/assessment/sets/{set}/ballots", new { title = "年度民主测评", voters = new[] { "reviewer", "secretary", "cadre" } }))
            .Expect(HttpStatusCode.Created).Json.Int("id");
        var townships = new Dictionary<string, int> { ["330602001"] = 1, ["330602002"] = 2, ["330602016"] = 3, ["330602108"] = 1 };
        using (var reviewer = await factory.LoginAsync("reviewer"))
        {
            Assert.True((await reviewer.GetAsync($"/api/v1/assessment/ballots/{ballot}")).Expect(HttpStatusCode.OK).Json["canVote"]!.GetValue<bool>());
            (await reviewer.PostAsync($"/api/v1/assessment/ballots/{ballot}/votes", new { grades = new Dictionary<string, int> { ["330602001"] = 1 } })).Expect(HttpStatusCode.BadRequest);
            (await reviewer.PostAsync($"/api/v1/assessment/ballots/{ballot}/votes", new { grades = townships })).Expect(HttpStatusCode.NoContent);
            (await reviewer.PostAsync($"/api/v1/assessment/ballots/{ballot}/votes", new { grades = townships })).Expect(HttpStatusCode.Conflict);
        }

        using (var secretary = await factory.LoginAsync("secretary"))
        {
            (await secretary.PostAsync($"/api/v1/assessment/ballots/{ballot}/votes", new { grades = townships.ToDictionary(t => t.Key, _ => 2) })).Expect(HttpStatusCode.NoContent);
        }

        using (var dispatcher = await factory.LoginAsync("dispatcher"))
        {
            (await dispatcher.GetAsync($"/api/v1/assessment/ballots/{ballot}")).Expect(HttpStatusCode.NotFound);
            (await dispatcher.PostAsync($"/api/v1/assessment/ballots/{ballot}/votes", new { grades = townships })).Expect(HttpStatusCode.NotFound);
        }

        var open = (await assessor.GetAsync($"/api/v1/assessment/ballots/{ballot}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((3, 2), (open.Int("voters"), open.Int("voted")));
        Assert.Null(open["results"]);
        (await assessor.PostAsync($"/api/v1/assessment/ballots/{ballot}/close")).Expect(HttpStatusCode.NoContent);
        var closed = (await assessor.GetAsync($"/api/v1/assessment/ballots/{ballot}")).Expect(HttpStatusCode.OK).Json;
        var tashan = closed.Items("results").Single(r => r.Str("unitCode") == "330602001");
        Assert.Equal((1, 1, 90m), (tashan.Int("excellent"), tashan.Int("good"), tashan["rate"]!.GetValue<decimal>()));
        // No mark can be traced to its voter: marks carry no user.
        Assert.DoesNotContain("reviewer", closed.ToJsonString());

        var result = (await assessor.GetAsync($"/api/v1/assessment/sets/{set}/units/330602001")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(18m, result.Items("lines").Single(l => l.Str("name") == "民主测评")["score"]!.GetValue<decimal>());
        using var cadre = await factory.LoginAsync("cadre");
        (await cadre.PostAsync($"/api/v1/assessment/ballots/{ballot}/votes", new { grades = townships })).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task TheVisitedVillage_SeesOnlyItsVisits_AndReportsOne_WithTheVisitLinked()
    {
        using var assessor = await factory.LoginAsync("assessor");
        var findings = TestData.Unique("自建房安全抽查");
        var unplanned = new { planItemId = (int?)null, unitCode = TestData.Village, date = Today, findings, approval = "区委办一事一报(测试)", team = "区住建局检查组" };
        var ours = (await assessor.PostAsync("/api/v1/inspection-visits", unplanned)).Expect(HttpStatusCode.Created).Json.Int("id");
        var theirs = (await assessor.PostAsync("/api/v1/inspection-visits", unplanned with { unitCode = TestData.OtherVillage })).Expect(HttpStatusCode.Created).Json.Int("id");

        using var secretary = await factory.LoginAsync("secretary");
        var seen = (await secretary.GetAsync($"/api/v1/inspection-visits?year={ThisYear}")).Expect(HttpStatusCode.OK).Json;
        Assert.False(seen["office"]!.GetValue<bool>());
        var mine = seen.Items("visits").Single(v => v.Int("id") == ours);
        Assert.True(mine["canReport"]!.GetValue<bool>());
        Assert.Null(mine["reports"]);
        Assert.DoesNotContain(seen.Items("visits"), v => v.Int("id") == theirs);
        Assert.All(seen.Items("units"), u => Assert.Equal(TestData.Village, u.Str("unitCode")));
        using (var reviewer = await factory.LoginAsync("reviewer"))
        {
            var township = (await reviewer.GetAsync("/api/v1/inspection-visits")).Expect(HttpStatusCode.OK).Json.Items("visits").Select(v => v.Int("id")).ToList();
            Assert.Contains(ours, township);
            Assert.Contains(theirs, township);
        }

        foreach (var outsider in new[] { "dispatcher", "district-reviewer" })
        {
            using var other = await factory.LoginAsync(outsider);
            (await other.GetAsync("/api/v1/inspection-visits")).Expect(HttpStatusCode.Forbidden);
        }

        (await secretary.GetAsync("/api/v1/inspection-visits?year=1900")).Expect(HttpStatusCode.BadRequest);

        using var catalogue = await factory.LoginAsync("catalogue");
        var token = (await catalogue.GetAsync($"/api/v1/report-locations/{TestData.Village}")).Expect(HttpStatusCode.OK).Json.Str("token");
        var report = new { token, category = "inspection-overload", description = "同一周内两个部门先后来检查自建房安全,内容重复。", contact = (string?)null, taskId = (int?)null, visitId = (int?)ours };
        var before = await factory.WithDbAsync(db => db.BurdenReports.CountAsync());
        using var anonymous = factory.Anonymous();
        (await anonymous.PostAsync("/api/v1/reports", report with { category = "trace-demand" })).Expect(HttpStatusCode.BadRequest);
        (await anonymous.PostAsync("/api/v1/reports", report with { visitId = theirs })).Expect(HttpStatusCode.BadRequest);
        (await anonymous.PostAsync("/api/v1/reports", report with { visitId = 99999999 })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(before, await factory.WithDbAsync(db => db.BurdenReports.CountAsync()));
        var receipt = (await anonymous.PostAsync("/api/v1/reports", report)).Expect(HttpStatusCode.Created).Json.Str("receipt");

        var detail = (await catalogue.GetAsync($"/api/v1/reports/{receipt}/handling")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(ours, detail.Int("visitId"));
        Assert.Contains("计划外(审批:区委办一事一报(测试))", detail.Str("visitTitle"));
        Assert.Contains("区住建局检查组", detail.Str("visitTitle"));
        // The body found responsible reads the handler's summary, never which visit or office the report came from.
        var body = (await catalogue.GetAsync("/api/v1/units/330602108/departments")).Json.Items().Single(d => d.Str("name") == "村镇建设和管理办公室").Int("id");
        (await catalogue.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "verify" })).Expect(HttpStatusCode.OK);
        (await catalogue.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "substantiate", summary = "重复检查自建房安全", responsibleDepartmentId = body, reason = "核实属实" }))
            .Expect(HttpStatusCode.OK);
        (await catalogue.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "request-rectification" })).Expect(HttpStatusCode.OK);
        using (var dispatcher = await factory.LoginAsync("dispatcher"))
        {
            var seenByBody = (await dispatcher.GetAsync($"/api/v1/reports/{receipt}/handling")).Expect(HttpStatusCode.OK);
            Assert.Null(seenByBody.Json["visitId"]);
            Assert.DoesNotContain("区住建局检查组", seenByBody.Body);
            Assert.DoesNotContain(findings, seenByBody.Body);
        }

        var office = (await catalogue.GetAsync($"/api/v1/inspection-visits?year={ThisYear}")).Expect(HttpStatusCode.OK).Json;
        Assert.True(office["office"]!.GetValue<bool>());
        Assert.Equal(1, office.Items("visits").Single(v => v.Int("id") == ours).Int("reports"));
        Assert.Equal(0, office.Items("visits").Single(v => v.Int("id") == theirs).Int("reports"));
        Assert.False(office.Items("visits").Single(v => v.Int("id") == ours)["canReport"]!.GetValue<bool>());
        var oneUnit = (await catalogue.GetAsync($"/api/v1/inspection-visits?year={ThisYear}&unit={TestData.OtherVillage}")).Expect(HttpStatusCode.OK).Json;
        Assert.All(oneUnit.Items("visits"), v => Assert.Equal(TestData.OtherVillage, v.Str("unitCode")));
        Assert.Contains(oneUnit.Items("visits"), v => v.Int("id") == theirs);
    }

    private async Task<int> UnreadAsync(string userName)
    {
        using var user = await factory.LoginAsync(userName);
        return (await user.GetAsync("/api/v1/notifications")).Expect(HttpStatusCode.OK).Json.Items().Count(n => !n["read"]!.GetValue<bool>());
    }
}

public sealed class InspectionPlanApiTests_Sqlite(SqliteFactory factory) : InspectionPlanApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class InspectionPlanApiTests_Postgres(PostgresFactory factory) : InspectionPlanApiTests(factory), IClassFixture<PostgresFactory>;
