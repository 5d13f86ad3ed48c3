using System.Net;
using Jianfu.Tests.Infrastructure;
using MiniExcelLibs;

namespace Jianfu.Tests.Modules.Reports;

/// <summary>
/// The reporter is never exposed: the public (bulletin page, Excel and API, Open311 without an api_key), the body reported
/// on (its API, its list, its pages) and anyone holding a poster's link learn neither the reporting office nor the
/// receipt nor the reporter's own words, and personal data typed into free text is masked for all but the handlers.
/// </summary>
public abstract class AnonymityTests(JianfuFactory factory)
{
    private const string Village = "330602108220";
    private const string VillageName = "上旺村委会";
    private const string ReporterWords = "镇党政办王某某每周要求我们村报三张重复的表,我的电话13812345678,身份证330602198001011234";

    private sealed record Reported(string Receipt, int Office, string Token);

    /// <summary>A report from the village, found against the township's party office, with rectification requested.</summary>
    private async Task<Reported> ReportedAsync(ApiClient keeper, string? forwarded = null)
    {
        var token = (await keeper.GetAsync($"/api/v1/report-locations/{Village}")).Expect(HttpStatusCode.OK).Json.Str("token");
        using var anonymous = factory.Anonymous();
        var receipt = (await anonymous.PostAsync("/api/v1/reports", new { token, category = "duplicate-demand", description = ReporterWords, contact = "13812345678", taskId = (int?)null }))
            .Expect(HttpStatusCode.Created).Json.Str("receipt");
        var office = (await keeper.GetAsync("/api/v1/units/330602108/departments")).Json.Items().Single(d => d.Str("name") == "党政办公室").Int("id");
        (await keeper.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "verify" })).Expect(HttpStatusCode.OK);
        (await keeper.PostAsync($"/api/v1/reports/{receipt}/handling", new
        {
            action = "substantiate", summary = "党政办要求村社每周重复报送统计表,联系人 13900001111", responsibleDepartmentId = office, reason = "电话核实属实", forwardedText = forwarded,
        })).Expect(HttpStatusCode.OK);
        (await keeper.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "request-rectification" })).Expect(HttpStatusCode.OK);
        return new Reported(receipt, office, token);
    }

    /// <param name="receipt">False where the reader addresses the matter by its receipt (the body's own pages and API).</param>
    private static void RevealsNothing(string text, Reported report, bool receipt = true)
    {
        if (receipt)
        {
            Assert.DoesNotContain(report.Receipt, text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(VillageName, text);
        Assert.DoesNotContain("上旺村", text);
        Assert.DoesNotContain("王某某", text);
        Assert.DoesNotContain("13812345678", text);
        Assert.DoesNotContain("330602198001011234", text);
        Assert.DoesNotContain("13900001111", text);
    }

    [Fact]
    public async Task TheBulletin_PageExcelAndApi_NameTheBodyAndTheMatter_NeverTheReporter()
    {
        using var keeper = await factory.LoginAsync("catalogue");
        var report = await ReportedAsync(keeper);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        var id = (await keeper.PostAsync("/api/v1/bulletins", new { district = "330602", from = today, to = today, title = "匿名性测试通报" })).Expect(HttpStatusCode.Created).Json.Int("id");

        using var anonymous = factory.Anonymous();
        var api = (await anonymous.GetAsync($"/api/v1/bulletins/{id}")).Expect(HttpStatusCode.OK);
        var body = api.Json["content"]!.Items("bodies").Single(b => b.Str("body") == "富盛镇 党政办公室");
        var entry = body.Items("entries").First(e => e.Str("summary").StartsWith("党政办要求村社每周重复报送统计表", StringComparison.Ordinal));
        Assert.Equal("党政办要求村社每周重复报送统计表,联系人 139****1111", entry.Str("summary"));
        Assert.Equal("重复派单或重复填报", entry.Str("category"));
        Assert.Equal("整改中", entry.Str("status"));
        Assert.True(body["deductionPoints"]!.GetValue<decimal>() >= 1m);
        RevealsNothing(api.Body, report);

        var page = await anonymous.Http.GetStringAsync($"/bulletins/{id}");
        Assert.Contains("党政办要求村社每周重复报送统计表", page);
        Assert.DoesNotContain("反映单位", page);
        RevealsNothing(page, report);

        foreach (var url in new[] { $"/api/v1/bulletins/{id}/export", $"/bulletins/{id}/export" })
        {
            using var xlsx = new MemoryStream(await anonymous.GetBytesAsync(url));
            var rows = xlsx.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
            Assert.DoesNotContain("反映单位", rows[0].Keys);
            Assert.DoesNotContain("回执号", rows[0].Keys);
            Assert.Contains(rows, r => r["责任单位"]?.ToString() == "富盛镇 党政办公室");
            RevealsNothing(string.Join("\n", rows.SelectMany(r => r.Values.Select(v => v?.ToString()))), report);
        }
    }

    [Fact]
    public async Task TheBodyReportedOn_ReadsTheMatterAsTheHandlerPutIt_NeverTheReportersWords()
    {
        using var keeper = await factory.LoginAsync("catalogue");
        var plain = await ReportedAsync(keeper);
        var forwarded = await ReportedAsync(keeper, forwarded: "有村反映党政办每周要求报送三张内容重复的统计表(联系电话 13700002222)。");

        // The township's party office, where the report was found.
        var bodyUser = await factory.CreateUserAsync(Jianfu.Modules.Organisation.Contracts.Role.Dispatcher, "330602108", "党政办公室");
        using var body = await factory.LoginAsync(bodyUser);
        var list = (await body.GetAsync("/api/v1/rectifications")).Expect(HttpStatusCode.OK);
        var item = Assert.Single(list.Json.Items(), r => r.Str("receipt") == plain.Receipt);
        Assert.Equal("", item.Str("unit"));
        Assert.Null(item["relatedTitle"]);
        Assert.Equal("党政办要求村社每周重复报送统计表,联系人 139****1111", item.Str("description"));

        var detail = (await body.GetAsync($"/api/v1/reports/{plain.Receipt}/handling")).Expect(HttpStatusCode.OK);
        Assert.Equal("党政办要求村社每周重复报送统计表,联系人 139****1111", detail.Json.Str("description"));
        Assert.Equal("", detail.Json.Str("unit"));
        Assert.Null(detail.Json["contact"]);
        Assert.Null(detail.Json["reporter"]);
        Assert.Null(detail.Json["forwardedText"]);
        RevealsNothing(detail.Body, plain, receipt: false);

        var redacted = (await body.GetAsync($"/api/v1/reports/{forwarded.Receipt}/handling")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("有村反映党政办每周要求报送三张内容重复的统计表(联系电话 137****2222)。", redacted.Str("description"));

        var deductions = (await body.GetAsync($"/api/v1/departments/{plain.Office}/deductions")).Expect(HttpStatusCode.OK);
        RevealsNothing(deductions.Body, plain);

        using var pages = await PageClient.SignInAsync(factory, bodyUser);
        var html = (await pages.GetAsync($"/reports/{plain.Receipt}")).Html;
        Assert.Contains("党政办要求村社每周重复报送统计表", html);
        RevealsNothing(html, plain, receipt: false);
        RevealsNothing((await pages.GetAsync("/rectifications")).Html, plain, receipt: false);
        RevealsNothing((await pages.GetAsync($"/departments/{plain.Office}")).Html, plain);

        // The handler still reads everything.
        var full = (await keeper.GetAsync($"/api/v1/reports/{plain.Receipt}/handling")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(ReporterWords, full.Str("description"));
        Assert.Equal(VillageName, full.Str("unit"));
        Assert.Equal("13812345678", full.Str("contact"));
    }

    [Fact]
    public async Task Open311Lists_WithoutAnApiKey_NameNoUnitBelowTheDistrict()
    {
        using var keeper = await factory.LoginAsync("catalogue");
        var report = await ReportedAsync(keeper);
        using var anonymous = factory.Anonymous();
        foreach (var url in new[] { "/open311/v2/requests.json", $"/open311/v2/requests/{report.Receipt}.json", $"/open311/v2/requests.json?jurisdiction_id={report.Token}" })
        {
            var reply = (await anonymous.GetAsync(url)).Expect(HttpStatusCode.OK);
            Assert.DoesNotContain(VillageName, reply.Body);
            Assert.DoesNotContain("13812345678", reply.Body);
            Assert.All(reply.Json.Items(), r => Assert.Equal("越城区", r.Str("address")));
        }

        // A poster's token read off the wall narrows the anonymous list to the district, not to the office.
        var byToken = (await anonymous.GetAsync($"/open311/v2/requests.json?jurisdiction_id={report.Token}")).Json.Items().ToList();
        var all = (await anonymous.GetAsync("/open311/v2/requests.json")).Json.Items().ToList();
        Assert.Equal(all.Count, byToken.Count);

        var trusted = (await anonymous.GetAsync($"/open311/v2/requests.json?api_key={JianfuFactory.Open311ApiKey}&jurisdiction_id={report.Token}")).Expect(HttpStatusCode.OK).Json;
        Assert.Contains(trusted.Items(), r => r.Str("service_request_id") == report.Receipt && r.Str("address") == VillageName);
    }

    [Fact]
    public async Task ThePublicReportPage_ListsNoTaskOfThePlace_WhileTheCadreReportsATaskFromItsPage()
    {
        using var keeper = await factory.LoginAsync("catalogue");
        var token = (await keeper.GetAsync("/api/v1/report-locations/330602108200")).Expect(HttpStatusCode.OK).Json.Str("token");
        await factory.TaskAsync(TaskStep.Received, "本村的一项任务");
        var titles = await factory.WithDbAsync(db => Task.FromResult(db.CommunityTasks.Where(t => t.CommunityCode == "330602108200").Select(t => new { t.Id, t.Dispatch!.Title }).ToList()));
        Assert.NotEmpty(titles);

        using var anonymous = factory.CreateClient();
        var page = await anonymous.GetStringAsync($"/r/{token}");
        Assert.Contains("基层减负问题线索反馈", page);
        Assert.DoesNotContain("name=\"taskId\"", page);
        Assert.All(titles, t => Assert.DoesNotContain(t.Title, page));

        using var cadre = await PageClient.SignInAsync(factory, "secretary");
        var fromTask = (await cadre.GetAsync($"/reports/task/{titles[0].Id}")).Html;
        Assert.Contains(titles[0].Title, fromTask);
    }
}

[Trait("Database", "Sqlite")]
public sealed class AnonymityTests_Sqlite(SqliteFactory factory) : AnonymityTests(factory), IClassFixture<SqliteFactory>;

[Trait("Database", "Postgres")]
public sealed class AnonymityTests_Postgres(PostgresFactory factory) : AnonymityTests(factory), IClassFixture<PostgresFactory>;
