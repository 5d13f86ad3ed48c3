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

    private async Task<int> UnreadAsync(string userName)
    {
        using var user = await factory.LoginAsync(userName);
        return (await user.GetAsync("/api/v1/notifications")).Expect(HttpStatusCode.OK).Json.Items().Count(n => !n["read"]!.GetValue<bool>());
    }
}

public sealed class InspectionPlanApiTests_Sqlite(SqliteFactory factory) : InspectionPlanApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class InspectionPlanApiTests_Postgres(PostgresFactory factory) : InspectionPlanApiTests(factory), IClassFixture<PostgresFactory>;
