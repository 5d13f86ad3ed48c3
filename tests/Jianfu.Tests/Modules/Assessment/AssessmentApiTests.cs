using System.Net;
using Jianfu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Tests.Modules.Assessment;

/// <summary>Indicator sets, scoring and boards through the API, on SQLite and PostgreSQL.</summary>
public abstract class AssessmentApiTests(JianfuFactory factory)
{
    private const string District = TestData.DemoDistrict;

    private async Task<(ApiClient Assessor, int Id, int Evaluator)> DraftAsync(int year, string level = "township", string scheme = "hundred")
    {
        var assessor = await factory.LoginAsync("assessor");
        var created = (await assessor.PostAsync("/api/v1/assessment/sets", new { district = District, year, level, title = TestData.Unique("考核"), scheme }))
            .Expect(HttpStatusCode.Created).Json;
        Assert.Equal("Draft", created.Str("status"));
        return (assessor, created.Int("id"), await factory.DepartmentIdAsync("区民政局"));
    }

    private static object Indicator(string name, decimal points, object evaluator, string source = "evaluator", string? metric = null, bool veto = false,
        string category = "高质量发展", string? description = null) =>
        new { category, name, description = description ?? "", points, evaluator, source, metric, veto };

    [Fact]
    public async Task AnIndicator_BreakingARule_IsRefusedWithItsRule_AndNothingIsStored()
    {
        var (assessor, id, evaluator) = await DraftAsync(TestData.FreshYear());
        using var _ = assessor;
        (string Rule, object Body)[] refused =
        [
            ("veto-refused", Indicator("安全生产责任落实", 10, evaluator, veto: true)),
            ("ledger-evidence", Indicator("党建工作台账规范", 10, evaluator)),
            ("ledger-evidence", Indicator("防汛演练", 10, evaluator, description: "以演练照片留痕为准")),
            ("app-usage", Indicator("网格员巡查App在线时长", 10, evaluator)),
            ("app-usage", Indicator("学习平台积分", 10, evaluator)),
            ("evaluator-missing", Indicator("社会救助兜底保障", 10, "")),
            ("evaluator-missing", Indicator("社会救助兜底保障", 10, "999999999999")),
            ("metric-mismatch", Indicator("任务按时完成率", 10, evaluator, source: "system")),
            ("category-unknown", Indicator("养老服务", 10, evaluator, category: "其他工作")),
        ];
        foreach (var (rule, body) in refused)
        {
            var reply = (await assessor.PostAsync($"/api/v1/assessment/sets/{id}/indicators", body)).Expect(HttpStatusCode.UnprocessableEntity).Json;
            Assert.Contains(reply.Items("checks"), c => c.Str("rule") == rule && c.Str("severity") == "Block" && c.Str("message").Length > 5);
        }

        Assert.Empty((await assessor.GetAsync($"/api/v1/assessment/sets/{id}")).Expect(HttpStatusCode.OK).Json.Items("indicators"));

        var first = (await assessor.PostAsync($"/api/v1/assessment/sets/{id}/indicators", Indicator("养老服务体系建设", 60, evaluator))).Expect(HttpStatusCode.Created).Json;
        Assert.Empty(first.Items("checks"));
        // The same content for a second body: caught by similarity, both named.
        var twin = (await assessor.PostAsync($"/api/v1/assessment/sets/{id}/indicators", Indicator("养老服务体系建设情况", 10, await factory.DepartmentIdAsync("区卫生健康局"))))
            .Expect(HttpStatusCode.UnprocessableEntity).Json;
        var duplicate = twin.Items("checks").Single(c => c.Str("rule") == "duplicate-indicator");
        Assert.Contains("养老服务体系建设", duplicate.Str("message"));
        // Past 100 is a warning: stored, and publication will say so.
        var over = (await assessor.PostAsync($"/api/v1/assessment/sets/{id}/indicators", Indicator("就业创业", 50, "330602108"))).Expect(HttpStatusCode.Created).Json;
        Assert.Contains(over.Items("checks"), c => c.Str("rule") == "points-over-total" && c.Str("severity") == "Warn");
        var view = (await assessor.GetAsync($"/api/v1/assessment/sets/{id}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(["养老服务体系建设", "就业创业"], view.Items("indicators").Select(i => i.Str("name")).ToArray());
        Assert.Equal("富盛镇", view.Items("indicators").Last().Str("evaluatorName"));
        Assert.Contains(view.Items("history"), h => h.Str("action") == "添加指标");
    }

    [Fact]
    public async Task Publishing_At99Points_IsRefused_At100ItIsPublished_AndSupersedesTheEarlierSetOfTheYear()
    {
        var year = TestData.FreshYear();
        var earlier = await factory.IndicatorSetAsync(year, "township", publish: true, "hundred", ("早先的指标", 100m, "evaluator", null));
        var (assessor, id, evaluator) = await DraftAsync(year);
        using var _ = assessor;
        (await assessor.PostAsync($"/api/v1/assessment/sets/{id}/indicators", Indicator("社会救助兜底保障", 59, evaluator))).Expect(HttpStatusCode.Created);
        (await assessor.PostAsync($"/api/v1/assessment/sets/{id}/indicators", Indicator("交办任务按时完成率", 40, evaluator, "system", "tasks-on-time"))).Expect(HttpStatusCode.Created);
        var refused = (await assessor.PostAsync($"/api/v1/assessment/sets/{id}/publish")).Expect(HttpStatusCode.UnprocessableEntity).Json;
        var rule = refused.Items("checks").Single();
        Assert.Equal("points-not-100", rule.Str("rule"));
        Assert.Contains("99", rule.Str("message"));
        Assert.Equal("Draft", (await assessor.GetAsync($"/api/v1/assessment/sets/{id}")).Json.Str("status"));

        (await assessor.PostAsync($"/api/v1/assessment/sets/{id}/indicators", Indicator("12345工单按时办结率", 1, evaluator, "system", "hotline-in-time"))).Expect(HttpStatusCode.Created);
        var published = (await assessor.PostAsync($"/api/v1/assessment/sets/{id}/publish")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("Published", published.Str("status"));
        (await assessor.PostAsync($"/api/v1/assessment/sets/{id}/publish")).Expect(HttpStatusCode.Conflict);
        (await assessor.PostAsync($"/api/v1/assessment/sets/{id}/indicators", Indicator("另一项", 1, evaluator))).Expect(HttpStatusCode.Conflict);

        var list = (await assessor.GetAsync($"/api/v1/assessment/sets?district={District}")).Expect(HttpStatusCode.OK).Json.Items().ToList();
        Assert.Equal("Superseded", list.Single(s => s.Int("id") == earlier).Str("status"));
        var mine = list.Single(s => s.Int("id") == id);
        Assert.Equal((year, "township", "Published", 3), (mine.Int("year"), mine.Str("level"), mine.Str("status"), mine.Int("count")));
    }

    [Fact]
    public async Task Drafts_AreTheOfficesOwn_AndOnlyTheOfficeKeepsSets()
    {
        var (assessor, id, _) = await DraftAsync(TestData.FreshYear());
        using var __ = assessor;
        using var reviewer = await factory.LoginAsync("reviewer");
        (await reviewer.GetAsync($"/api/v1/assessment/sets/{id}")).Expect(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await reviewer.GetAsync($"/api/v1/assessment/sets?district={District}")).Expect(HttpStatusCode.OK).Json.Items(), s => s.Int("id") == id);
        (await reviewer.PostAsync("/api/v1/assessment/sets", new { district = District, year = 2030, level = "township", title = "镇街考核" })).Expect(HttpStatusCode.Forbidden);
        using var catalogue = await factory.LoginAsync("catalogue");
        (await catalogue.PostAsync($"/api/v1/assessment/sets/{id}/publish")).Expect(HttpStatusCode.NotFound);
        (await assessor.PostAsync("/api/v1/assessment/sets", new { district = District, year = 1999, level = "city", title = "" })).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Comparison_CountsPerCategory_TheReduction_AndWhatWasRemovedMergedAndAdded()
    {
        var year = TestData.FreshYear();
        // Departments: no other test makes sets of that level, so "the previous set" is this test's own.
        var (assessor, before, evaluator) = await DraftAsync(year - 10, "department");
        using var _ = assessor;
        string[] old = ["安全生产", "安全生产专项整治", "垃圾分类宣传入户率", "信访工作", "统计报表按时报送"];
        foreach (var name in old)
        {
            (await assessor.PostAsync($"/api/v1/assessment/sets/{before}/indicators", Indicator(name, 20, evaluator))).Expect(HttpStatusCode.Created);
        }

        (await assessor.PostAsync($"/api/v1/assessment/sets/{before}/publish")).Expect(HttpStatusCode.OK);
        var (_, after, _) = await DraftAsync(year - 9, "department");
        (await assessor.PostAsync($"/api/v1/assessment/sets/{after}/indicators", Indicator("安全生产", 50, evaluator))).Expect(HttpStatusCode.Created);
        (await assessor.PostAsync($"/api/v1/assessment/sets/{after}/indicators", Indicator("信访工作", 30, evaluator))).Expect(HttpStatusCode.Created);
        (await assessor.PostAsync($"/api/v1/assessment/sets/{after}/indicators", Indicator("12345工单按时办结率", 20, evaluator, "system", "hotline-in-time", category: "党的建设"))).Expect(HttpStatusCode.Created);

        var c = (await assessor.GetAsync($"/api/v1/assessment/sets/{after}/comparison")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((before, 5), (c["previous"].Int("id"), c["previous"].Int("count")));
        Assert.Equal((after, 3), (c["current"].Int("id"), c["current"].Int("count")));
        Assert.Equal(-0.4m, c["reduction"]!.GetValue<decimal>());
        var development = c.Items("byCategory").Single(b => b.Str("category") == "高质量发展");
        Assert.Equal((5, 2), (development.Int("previous"), development.Int("current")));
        Assert.Equal(["垃圾分类宣传入户率", "统计报表按时报送"], c.Items("removed").Select(r => r.Str("name")).Order().ToArray());
        var merged = c.Items("merged").Single();
        Assert.Equal("安全生产", merged["into"].Str("name"));
        Assert.Equal(2, merged.Items("from").Count());
        Assert.Equal("12345工单按时办结率", c.Items("added").Single().Str("name"));

        var workbook = await assessor.GetBytesAsync($"/api/v1/assessment/sets/{after}/comparison.xlsx");
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(workbook, 0, 2));
        using var reader = new MemoryStream(workbook);
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(reader);
        Assert.Equal(["指标数量对比", "取消的指标", "合并的指标", "新增的指标"], sheets.ToArray());
    }

    [Fact]
    public async Task TheBoard_CountsSystemIndicatorsOnly_ExplainsEachScore_AndShowsEachReaderTheirScope()
    {
        var year = DateTime.UtcNow.AddHours(8).Year;
        var set = await factory.IndicatorSetAsync(year, "community", publish: true, "7+3",
            ("交办任务按时完成率", 30m, "system", "tasks-on-time"), ("交办任务确认办结率", 20m, "system", "tasks-confirmed"),
            ("居民满意度", 40m, "residents", null), ("平安建设", 10m, "evaluator", null));
        await factory.TaskAsync(TaskStep.Confirmed, "考核用的任务");

        using var assessor = await factory.LoginAsync("assessor");
        var board = (await assessor.GetAsync($"/api/v1/assessment/rankings?set={set}")).Expect(HttpStatusCode.OK).Json.Items().ToList();
        Assert.Equal(await factory.WithDbAsync(db => db.Units.CountAsync(u => u.Level == Jianfu.Modules.Organisation.Contracts.UnitLevel.Community)), board.Count);
        var village = board.Single(r => r.Str("unitCode") == TestData.Village);
        Assert.Equal(1, village.Int("rank"));
        var parts = village.Items("components").ToList();
        Assert.Equal(["任务按时完成率", "任务确认办结率"], parts.Select(p => p.Str("name")).ToArray());
        Assert.Equal(village["score"]!.GetValue<decimal>(), parts.Sum(p => p["score"]!.GetValue<decimal>()));
        Assert.True(village["score"]!.GetValue<decimal>() > 0);
        // A community with no task has no board score, and no rank.
        Assert.Contains(board, r => r["score"] is null && r["rank"] is null);

        using var reviewer = await factory.LoginAsync("reviewer");
        var township = (await reviewer.GetAsync($"/api/v1/assessment/rankings?set={set}")).Expect(HttpStatusCode.OK).Json.Items().ToList();
        Assert.NotEmpty(township);
        Assert.All(township, r => Assert.StartsWith(TestData.DemoTownship, r.Str("unitCode")));
        using var secretary = await factory.LoginAsync("secretary");
        Assert.Equal(township.Count, (await secretary.GetAsync($"/api/v1/assessment/rankings?set={set}")).Expect(HttpStatusCode.OK).Json.Items().Count());

        var detail = (await secretary.GetAsync($"/api/v1/assessment/sets/{set}/units/{TestData.Village}")).Expect(HttpStatusCode.OK).Json;
        var onTime = detail.Items("lines").Single(l => l.Str("name") == "交办任务按时完成率");
        Assert.Contains("按时完成", onTime.Str("basis"));
        Assert.Equal("评价单位尚未打分", detail.Items("lines").Single(l => l.Str("name") == "平安建设").Str("basis"));
        (await secretary.GetAsync($"/api/v1/assessment/sets/{set}/units/330602001004")).Expect(HttpStatusCode.Forbidden);
        (await assessor.GetAsync($"/api/v1/assessment/rankings?set={set}&month=2026-13")).Expect(HttpStatusCode.BadRequest);
        (await assessor.GetAsync("/api/v1/assessment/rankings")).Expect(HttpStatusCode.BadRequest);

        var cadres = (await reviewer.GetAsync($"/api/v1/assessment/rankings/cadres?set={set}")).Expect(HttpStatusCode.OK).Json.Items().ToList();
        Assert.Contains(cadres, c => c.Str("name") == "赵网格(富盛村)" && c.Int("tasks") >= 1);
    }

    [Fact]
    public async Task AMonthsBoard_IsPublishedOnce_AndThenKeptAsItWas()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var set = await factory.IndicatorSetAsync(today.Year, "community", publish: true, "hundred", ("交办任务按时完成率", 100m, "system", "tasks-on-time"));
        using var assessor = await factory.LoginAsync("assessor");
        var thisMonth = $"{today:yyyy-MM}";
        (await assessor.PostAsync($"/api/v1/assessment/sets/{set}/rankings/publish", new { month = thisMonth })).Expect(HttpStatusCode.BadRequest);
        if (today.Month == 1)
        {
            return;
        }

        var lastMonth = $"{today.AddMonths(-1):yyyy-MM}";
        (await assessor.GetAsync($"/api/v1/assessment/rankings?set={set}&month={lastMonth}&published=true")).Expect(HttpStatusCode.NotFound);
        var published = (await assessor.PostAsync($"/api/v1/assessment/sets/{set}/rankings/publish", new { month = lastMonth })).Expect(HttpStatusCode.Created).Json;
        Assert.Equal(48, published.Int("units"));
        (await assessor.PostAsync($"/api/v1/assessment/sets/{set}/rankings/publish", new { month = lastMonth })).Expect(HttpStatusCode.Conflict);
        var board = (await assessor.GetAsync($"/api/v1/assessment/rankings?set={set}&month={lastMonth}&published=true")).Expect(HttpStatusCode.OK).Json.Items().Count();
        Assert.Equal(48, board);
        using var reviewer = await factory.LoginAsync("reviewer");
        (await reviewer.PostAsync($"/api/v1/assessment/sets/{set}/rankings/publish", new { month = lastMonth })).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OnlyTheEvaluatingBody_ScoresItsIndicator_WithAOneLineBasis_AndTheUnitSeesIt()
    {
        var year = TestData.FreshYear();
        var set = await factory.IndicatorSetAsync(year, "community", publish: true, "7+3", ("平安建设和矛盾纠纷化解", 60m, "evaluator", null), ("居民满意度", 40m, "residents", null));
        using var assessor = await factory.LoginAsync("assessor");
        var indicator = (await assessor.GetAsync($"/api/v1/assessment/sets/{set}")).Json.Items("indicators").First().Int("id");
        using var reviewer = await factory.LoginAsync("reviewer");
        (await reviewer.PostAsync($"/api/v1/assessment/sets/{set}/scores", new { indicatorId = indicator, unitCode = TestData.Village, score = 61, basis = "好" })).Expect(HttpStatusCode.BadRequest);
        (await reviewer.PostAsync($"/api/v1/assessment/sets/{set}/scores", new { indicatorId = indicator, unitCode = TestData.Village, score = 50, basis = "" })).Expect(HttpStatusCode.BadRequest);
        (await assessor.PostAsync($"/api/v1/assessment/sets/{set}/scores", new { indicatorId = indicator, unitCode = TestData.Village, score = 50, basis = "矛盾纠纷化解及时" })).Expect(HttpStatusCode.Forbidden);
        // Another township's community is not the reviewer's to score.
        (await reviewer.PostAsync($"/api/v1/assessment/sets/{set}/scores", new { indicatorId = indicator, unitCode = "330602001004", score = 50, basis = "矛盾纠纷化解及时" })).Expect(HttpStatusCode.Forbidden);
        (await reviewer.PostAsync($"/api/v1/assessment/sets/{set}/scores", new { indicatorId = indicator, unitCode = TestData.Village, score = 50, basis = "矛盾纠纷化解及时" })).Expect(HttpStatusCode.OK);
        (await reviewer.PostAsync($"/api/v1/assessment/sets/{set}/scores", new { indicatorId = indicator, unitCode = TestData.Village, score = 54.5, basis = "全年无越级上访" })).Expect(HttpStatusCode.OK);

        using var secretary = await factory.LoginAsync("secretary");
        var result = (await secretary.GetAsync($"/api/v1/assessment/sets/{set}/units/{TestData.Village}")).Expect(HttpStatusCode.OK).Json;
        var line = result.Items("lines").First();
        Assert.Equal(54.5m, line["score"]!.GetValue<decimal>());
        Assert.StartsWith("全年无越级上访", line.Str("basis"));
        // Only the township's part is scored yet: it stands for the whole.
        Assert.Equal(90.83m, result["total"]!.GetValue<decimal>());
        var history = (await assessor.GetAsync($"/api/v1/assessment/sets/{set}")).Json.Items("history").Select(h => h.Str("action")).ToList();
        Assert.Contains("修改打分", history);
    }

    [Fact]
    public async Task ADepartment_LosesPoints_ForSubstantiatedReportsAndDispatchesRejectedAtTheGate()
    {
        var year = DateTime.UtcNow.AddHours(8).Year;
        var set = await factory.IndicatorSetAsync(year, "department", publish: true, "hundred", ("为基层减负落实情况", 100m, "system", "substantiated-reports"));
        var bureau = await factory.DepartmentIdAsync("区民政局");

        // A burden report against the bureau, found true by the burden-reduction office.
        using var keeper = await factory.LoginAsync("catalogue");
        var token = (await keeper.GetAsync("/api/v1/report-locations/330602108233")).Expect(HttpStatusCode.OK).Json.Str("token");
        using var anonymous = factory.Anonymous();
        var receipt = (await anonymous.PostAsync("/api/v1/reports", new { token, category = "trace-demand", description = "区民政局要求每周拍照上报入户走访", contact = (string?)null, taskId = (int?)null }))
            .Expect(HttpStatusCode.Created).Json.Str("receipt");
        (await keeper.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "verify" })).Expect(HttpStatusCode.OK);
        (await keeper.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "substantiate", summary = "要求拍照留痕", responsibleDepartmentId = (int?)bureau, reason = (string?)null }))
            .Expect(HttpStatusCode.OK);
        // A dispatch of the bureau's that the district's gate rejected.
        using var bureauStaff = await factory.LoginAsync("district-dispatcher");
        var dispatch = (await bureauStaff.PostAsync("/api/v1/dispatches", Dispatch.DispatchApiTests.InList(TestData.Unique("民政统计")))).Expect(HttpStatusCode.Created).Json.Int("id");
        using var districtReviewer = await factory.LoginAsync("district-reviewer");
        (await districtReviewer.PostAsync($"/api/v1/dispatches/{dispatch}/decision", new { decision = "reject", reason = "不属于村社事项", rerouteTo = (string?)null })).Expect(HttpStatusCode.OK);

        using var assessor = await factory.LoginAsync("assessor");
        var result = (await assessor.GetAsync($"/api/v1/assessment/sets/{set}/units/{bureau}")).Expect(HttpStatusCode.OK).Json;
        // The indicator: 100 less one point for the report; then the deductions: one for the report, one for the rejected dispatch.
        Assert.Equal(99m, result.Items("lines").Single()["score"]!.GetValue<decimal>());
        Assert.Equal(2m, result["deduction"]!.GetValue<decimal>());
        Assert.Equal(97m, result["total"]!.GetValue<decimal>());
        var row = (await assessor.GetAsync($"/api/v1/assessment/rankings?set={set}")).Expect(HttpStatusCode.OK).Json.Items().Single(r => r.Str("unitCode") == bureau.ToString());
        Assert.Equal(2m, row["deduction"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task TheScheme_TakesPresetsAndWeightsThatTotal100_OnlyOnADraft()
    {
        var (assessor, id, _) = await DraftAsync(TestData.FreshYear(), "community");
        using var _ = assessor;
        var scheme = (await assessor.PutAsync($"/api/v1/assessment/sets/{id}/scheme", new { scheme = "4321", weights = (object?)null })).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(["平时工作", "年度考核", "民主测评", "综合评价"], scheme.Items("components").Select(c => c.Str("name")).ToArray());
        (await assessor.PutAsync($"/api/v1/assessment/sets/{id}/scheme", new { scheme = "7+3", weights = new Dictionary<string, decimal> { ["residents"] = 60, ["township"] = 30 } }))
            .Expect(HttpStatusCode.BadRequest);
        (await assessor.PutAsync($"/api/v1/assessment/sets/{id}/scheme", new { scheme = "7+3", weights = new Dictionary<string, decimal> { ["nobody"] = 100 } })).Expect(HttpStatusCode.BadRequest);
        var edited = (await assessor.PutAsync($"/api/v1/assessment/sets/{id}/scheme", new { scheme = "7+3", weights = new Dictionary<string, decimal> { ["residents"] = 60, ["township"] = 40 } }))
            .Expect(HttpStatusCode.OK).Json;
        Assert.Equal([60m, 40m], edited.Items("components").Select(c => c["weight"]!.GetValue<decimal>()).ToArray());
        (await assessor.PutAsync($"/api/v1/assessment/sets/{id}/scheme", new { scheme = "1000分", weights = (object?)null })).Expect(HttpStatusCode.BadRequest);
    }
}

public sealed class AssessmentApiTests_Sqlite(SqliteFactory factory) : AssessmentApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class AssessmentApiTests_Postgres(PostgresFactory factory) : AssessmentApiTests(factory), IClassFixture<PostgresFactory>;
