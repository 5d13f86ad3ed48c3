using System.Net;
using Jianfu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Tests.Modules.Reports;

/// <summary>The green channel's public intake and follow-up, on SQLite and PostgreSQL.</summary>
public abstract class ReportsApiTests(JianfuFactory factory)
{
    private async Task<string> TokenAsync(string unitCode)
    {
        using var keeper = await factory.LoginAsync("catalogue");
        var location = (await keeper.GetAsync($"/api/v1/report-locations/{unitCode}")).Expect(HttpStatusCode.OK).Json;
        Assert.EndsWith("/r/" + location.Str("token"), location.Str("url"));
        Assert.EndsWith($"/report-locations/{unitCode}/poster", location.Str("posterUrl"));
        return location.Str("token");
    }

    [Fact]
    public async Task OnlyTheListKeeper_GetsTheLocationToken_AndItIsStableUntilRevoked()
    {
        var token = await TokenAsync("330602108202");
        Assert.Equal(token, await TokenAsync("330602108202"));
        Assert.Equal(22, token.Length);
        foreach (var role in new[] { "dispatcher", "reviewer", "secretary", "admin" })
        {
            using var other = await factory.LoginAsync(role);
            (await other.GetAsync("/api/v1/report-locations/330602108202")).Expect(HttpStatusCode.Forbidden);
        }

        using var keeper = await factory.LoginAsync("catalogue");
        var renewed = (await keeper.PostAsync("/api/v1/report-locations/330602108202/revoke")).Expect(HttpStatusCode.OK).Json.Str("token");
        Assert.NotEqual(token, renewed);
        using var anonymous = factory.Anonymous();
        (await anonymous.PostAsync("/api/v1/reports", new { token, category = "plaque", description = "旧海报扫码反映", contact = (string?)null, taskId = (int?)null }))
            .Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnonymousReport_GetsAReceipt_AndTheFollowUpNeverShowsTheReporter()
    {
        var token = await TokenAsync("330602108200");
        using var anonymous = factory.Anonymous();
        var created = (await anonymous.PostAsync("/api/v1/reports", new
        {
            token, category = "trace-demand", description = "镇里要求网格员每天在工作群里拍照打卡,晚上还要截图汇总。", contact = "13812345678", taskId = (int?)null,
        })).Expect(HttpStatusCode.Created).Json;
        var receipt = created.Str("receipt");
        Assert.Equal("Received", created.Str("status"));

        var status = await anonymous.GetAsync($"/api/v1/reports/{receipt.ToLowerInvariant()}");
        status.Expect(HttpStatusCode.OK);
        Assert.Equal("trace-demand", status.Json.Str("category"));
        Assert.Equal("Received", status.Json.Str("status"));
        Assert.DoesNotContain("13812345678", status.Body);
        Assert.DoesNotContain("contact", status.Body, StringComparison.OrdinalIgnoreCase);

        var stored = await factory.WithDbAsync(db => db.BurdenReports.SingleAsync(r => r.Receipt == receipt));
        Assert.NotNull(stored.ContactProtected);
        Assert.DoesNotContain("13812345678", stored.ContactProtected);
        Assert.Single(await factory.WithDbAsync(db => db.ReportHistory.Where(h => h.ReportId == stored.Id).ToListAsync()));
        (await anonymous.GetAsync("/api/v1/reports/JF000000-NOSUCHXX")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BadInput_GetsAChineseError_AndStoresNothing()
    {
        var token = await TokenAsync("330602108210");
        using var anonymous = factory.Anonymous();
        var before = await factory.WithDbAsync(db => db.BurdenReports.CountAsync());
        object Report(string? category = "plaque", string? description = "要求村里挂八块牌子", string? contact = null, int? taskId = null, string? t = null) =>
            new { token = t ?? token, category, description, contact, taskId };

        Assert.Contains("问题类型", (await anonymous.PostAsync("/api/v1/reports", Report(category: "nonsense"))).Expect(HttpStatusCode.BadRequest).Json.Str("title"));
        Assert.Contains("2000", (await anonymous.PostAsync("/api/v1/reports", Report(description: new string('长', 2001)))).Expect(HttpStatusCode.BadRequest).Json.Str("title"));
        (await anonymous.PostAsync("/api/v1/reports", Report(description: "短"))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("电话", (await anonymous.PostAsync("/api/v1/reports", Report(contact: "<script>"))).Expect(HttpStatusCode.BadRequest).Json.Str("title"));
        (await anonymous.PostAsync("/api/v1/reports", Report(t: "not-a-real-token"))).Expect(HttpStatusCode.NotFound);
        (await anonymous.PostAsync("/api/v1/reports", Report(taskId: 999999))).Expect(HttpStatusCode.BadRequest);
        (await anonymous.PostRawAsync("/api/v1/reports", "{\"token\":")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(before, await factory.WithDbAsync(db => db.BurdenReports.CountAsync()));
    }

    [Fact]
    public async Task TooManyReportsFromOnePoster_Get429_AndTheAcceptedOnesAreAllStored()
    {
        var token = await TokenAsync("330602108220");
        using var anonymous = factory.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 22; i++)
        {
            statuses.Add((await anonymous.PostAsync("/api/v1/reports", new { token, category = "meetings-documents", description = $"第{i}次反映:会议太多", contact = (string?)null, taskId = (int?)null })).Status);
        }

        Assert.Equal(20, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var stored = await factory.WithDbAsync(db => db.BurdenReports.CountAsync(r => r.Category == "meetings-documents" && r.UnitName == "上旺村委会"));
        Assert.Equal(20, stored);
    }

    [Fact]
    public async Task ClosedLoop_HandlerVerifiesAndRequestsRectification_TheBodyResponds_WithoutEverSeeingTheReporter()
    {
        var taskId = await factory.TaskAsync(TaskStep.Received, "入户拍照留痕的任务");
        var token = await TokenAsync("330602108200");
        using var anonymous = factory.Anonymous();
        var receipt = (await anonymous.PostAsync("/api/v1/reports", new
        {
            token, category = "out-of-list-task", description = "这项任务要求每户拍照上传,村里没有能力做。", contact = "13900001111", taskId,
        })).Expect(HttpStatusCode.Created).Json.Str("receipt");

        using var keeper = await factory.LoginAsync("catalogue");
        Assert.Contains((await keeper.GetAsync("/api/v1/reports")).Expect(HttpStatusCode.OK).Json.Items(), r => r.Str("receipt") == receipt);
        var detail = (await keeper.GetAsync($"/api/v1/reports/{receipt}/handling")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("13900001111", detail.Str("contact"));
        var suggested = detail.Int("suggestedDepartmentId");
        Assert.Equal("村镇建设和管理办公室", detail.Str("suggestedBody"));

        using var dispatcher = await factory.LoginAsync("dispatcher");
        (await dispatcher.GetAsync($"/api/v1/reports/{receipt}/handling")).Expect(HttpStatusCode.Forbidden);
        (await dispatcher.GetAsync("/api/v1/reports")).Expect(HttpStatusCode.Forbidden);

        (await keeper.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "request-rectification" })).Expect(HttpStatusCode.Conflict);
        (await keeper.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "verify" })).Expect(HttpStatusCode.OK);
        (await keeper.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "substantiate", summary = "", responsibleDepartmentId = suggested })).Expect(HttpStatusCode.BadRequest);
        (await keeper.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "substantiate", summary = "镇村建办要求村里每户拍照留痕", responsibleDepartmentId = suggested, reason = "电话核实属实" }))
            .Expect(HttpStatusCode.OK);
        var requested = (await keeper.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "request-rectification" })).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("RectificationRequested", requested.Str("status"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var sent = await factory.WithServiceAsync<IServiceProvider, int>(sp => Jianfu.Modules.Reports.ReportDigest.SendAsync(sp, today.AddDays(400), CancellationToken.None));
        Assert.True(sent >= 2);
        Assert.Equal(0, await factory.WithServiceAsync<IServiceProvider, int>(sp => Jianfu.Modules.Reports.ReportDigest.SendAsync(sp, today.AddDays(400), CancellationToken.None)));
        var digest = (await dispatcher.GetAsync("/api/v1/notifications")).Expect(HttpStatusCode.OK).Json.Items().Single(n => n.Str("day") == today.AddDays(400).ToString("yyyy-MM-dd"));
        Assert.Contains("超期", digest.Str("body"));
        Assert.Contains((await keeper.GetAsync("/api/v1/notifications")).Json.Items(), n => n.Str("title") == "问题线索每日提醒");
        (await dispatcher.PostAsync("/api/v1/notifications/read")).Expect(HttpStatusCode.NoContent);
        Assert.All((await dispatcher.GetAsync("/api/v1/notifications")).Json.Items(), n => Assert.True(n["read"]!.GetValue<bool>()));


        Assert.Contains((await dispatcher.GetAsync("/api/v1/rectifications")).Expect(HttpStatusCode.OK).Json.Items(), r => r.Str("receipt") == receipt);
        var seenByBody = await dispatcher.GetAsync($"/api/v1/reports/{receipt}/handling");
        seenByBody.Expect(HttpStatusCode.OK);
        Assert.DoesNotContain("13900001111", seenByBody.Body);
        Assert.Null(seenByBody.Json["contact"]);
        Assert.Null(seenByBody.Json["reporter"]);
        (await dispatcher.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "close", publicReply = "x" })).Expect(HttpStatusCode.Forbidden);
        (await dispatcher.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "rectified", response = "已取消拍照要求,书面通知各村。" })).Expect(HttpStatusCode.OK);
        var deductions = (await dispatcher.GetAsync($"/api/v1/departments/{suggested}/deductions")).Expect(HttpStatusCode.OK).Json;
        var found = Assert.Single(deductions.Items("entries"), e => e.Str("summary") == "镇村建办要求村里每户拍照留痕");
        Assert.Null(found["receipt"]);
        Assert.Null(found["unit"]);
        Assert.True(deductions["points"]!.GetValue<decimal>() >= 1m);
        Assert.Contains("2000至2100", (await dispatcher.GetAsync($"/api/v1/departments/{suggested}/deductions?year=0")).Expect(HttpStatusCode.BadRequest).Body);
        (await dispatcher.GetAsync($"/api/v1/departments/{suggested}/deductions?year=99999")).Expect(HttpStatusCode.BadRequest);
        using var secretary = await factory.LoginAsync("secretary");
        (await secretary.GetAsync($"/api/v1/departments/{suggested}/deductions")).Expect(HttpStatusCode.Forbidden);

        (await keeper.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "close", publicReply = "经核实属实,已责成镇村建办取消拍照留痕要求。" })).Expect(HttpStatusCode.OK);
        var status = (await anonymous.GetAsync($"/api/v1/reports/{receipt}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("Closed", status.Str("status"));
        Assert.Equal("经核实属实,已责成镇村建办取消拍照留痕要求。", status.Str("publicReply"));
        Assert.DoesNotContain(status.Items("steps"), s => s.Str("action").Contains("村镇建设", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MonitoringPoint_IsDesignated_ContactsAndVisitsAreRecorded_WithTheirReports()
    {
        var token = await TokenAsync("330602108229");
        using var anonymous = factory.Anonymous();
        var receipt = (await anonymous.PostAsync("/api/v1/reports", new { token, category = "inspection-overload", description = "本月已迎检六次", contact = (string?)null, taskId = (int?)null }))
            .Expect(HttpStatusCode.Created).Json.Str("receipt");

        using var keeper = await factory.LoginAsync("catalogue");
        var point = (await keeper.PostAsync("/api/v1/monitoring-points", new { unitCode = "330602108229" })).Expect(HttpStatusCode.Created).Json;
        var id = point.Int("id");
        (await keeper.PostAsync("/api/v1/monitoring-points", new { unitCode = "330602108229" })).Expect(HttpStatusCode.Conflict);
        (await keeper.PostAsync("/api/v1/monitoring-points", new { unitCode = "330602108" })).Expect(HttpStatusCode.BadRequest);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        (await keeper.PostAsync($"/api/v1/monitoring-points/{id}/activities", new { kind = "Visit", date = today, who = "陈清单", learned = "督查检查偏多", receipts = new[] { "JF000000-NOSUCHXX" } }))
            .Expect(HttpStatusCode.BadRequest);
        var recorded = (await keeper.PostAsync($"/api/v1/monitoring-points/{id}/activities", new { kind = "Visit", date = today, who = "陈清单", learned = "督查检查偏多", receipts = new[] { receipt } }))
            .Expect(HttpStatusCode.OK).Json;
        Assert.Equal(today, recorded.Str("lastVisit"));
        Assert.False(recorded["visitOverdue"]!.GetValue<bool>());

        var detail = (await keeper.GetAsync($"/api/v1/monitoring-points/{id}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal([receipt], detail.Items("activities").Single().Items("receipts").Select(r => r.GetValue<string>()));
        Assert.Contains(detail.Items("reports"), r => r.Str("receipt") == receipt);
        Assert.Contains((await keeper.GetAsync("/api/v1/monitoring-points")).Json.Items(), p => p.Int("id") == id);
        using var dispatcher = await factory.LoginAsync("dispatcher");
        (await dispatcher.GetAsync("/api/v1/monitoring-points")).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bulletin_GroupsSubstantiatedReportsByBody_WithDeductions_AndStaysAsPublished()
    {
        var token = await TokenAsync("330602108230");
        using var anonymous = factory.Anonymous();
        using var keeper = await factory.LoginAsync("catalogue");
        var departments = (await keeper.GetAsync("/api/v1/units/330602108/departments")).Json.Items().ToList();
        var office = departments.Single(d => d.Str("name") == "党政办公室").Int("id");
        var receipts = new List<string>();
        foreach (var (description, substantiate) in new[] { ("要求每周报送三张统计表", true), ("要求加入五个工作群", true), ("反映不实的情况测试", false) })
        {
            var receipt = (await anonymous.PostAsync("/api/v1/reports", new { token, category = "duplicate-demand", description, contact = (string?)null, taskId = (int?)null }))
                .Expect(HttpStatusCode.Created).Json.Str("receipt");
            (await keeper.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "verify" })).Expect(HttpStatusCode.OK);
            (await keeper.PostAsync($"/api/v1/reports/{receipt}/handling", substantiate
                ? new { action = "substantiate", summary = "党政办" + description, responsibleDepartmentId = (int?)office, reason = (string?)null }
                : new { action = "unsubstantiate", summary = (string)null!, responsibleDepartmentId = (int?)null, reason = (string?)"经核实不属实" })).Expect(HttpStatusCode.OK);
            receipts.Add(receipt);
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var from = today.AddDays(-1).ToString("yyyy-MM-dd");
        var to = today.ToString("yyyy-MM-dd");
        var preview = (await keeper.GetAsync($"/api/v1/bulletins/preview?district=330602&from={from}&to={to}")).Expect(HttpStatusCode.OK).Json;
        var body = preview.Items("bodies").Single(b => b.Str("body") == "富盛镇 党政办公室");
        Assert.Equal(2, body.Int("reports"));
        Assert.Equal(2m, body["deductionPoints"]!.GetValue<decimal>());
        Assert.DoesNotContain(receipts[2], preview.ToJsonString());

        using var dispatcher = await factory.LoginAsync("dispatcher");
        (await dispatcher.PostAsync("/api/v1/bulletins", new { district = "330602", from, to })).Expect(HttpStatusCode.Forbidden);
        var published = (await keeper.PostAsync("/api/v1/bulletins", new { district = "330602", from, to })).Expect(HttpStatusCode.Created).Json;
        var id = published.Int("id");
        (await keeper.PostAsync($"/api/v1/reports/{receipts[0]}/handling", new { action = "request-rectification" })).Expect(HttpStatusCode.OK);

        var read = (await anonymous.GetAsync($"/api/v1/bulletins/{id}")).Expect(HttpStatusCode.OK).Json;
        var entry = read["content"]!.Items("bodies").Single(b => b.Str("body") == "富盛镇 党政办公室").Items("entries").Single(e => e.Str("summary") == "党政办要求每周报送三张统计表");
        Assert.Equal("属实,待整改", entry.Str("status"));
        Assert.Contains((await anonymous.GetAsync("/api/v1/bulletins")).Json.Items(), b => b.Int("id") == id);
        var figures = (await keeper.GetAsync("/api/v1/reports/dashboard?months=3")).Expect(HttpStatusCode.OK).Json;
        Assert.True(figures.Int("substantiated") >= 2);
        Assert.True(figures.Int("unsubstantiated") >= 1);
        Assert.Contains(figures.Items("byBody"), b => b.Str("label") == "富盛镇 党政办公室" && b.Int("value") == 2);
        Assert.Equal(3, figures.Items("byMonth").Count());
        Assert.Equal(9, figures.Items("byCategory").Count());
        (await dispatcher.GetAsync("/api/v1/reports/dashboard")).Expect(HttpStatusCode.Forbidden);
        var xlsx = await anonymous.Http.GetAsync($"/api/v1/bulletins/{id}/export");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        (await keeper.GetAsync("/api/v1/bulletins/preview?district=330602&from=2026-13-01&to=x")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Keeper_DelegatesAReport_ToSomeoneOutsideTheBodyReportedOn()
    {
        var token = await TokenAsync("330602108232");
        using var anonymous = factory.Anonymous();
        var receipt = (await anonymous.PostAsync("/api/v1/reports", new { token, category = "plaque", description = "要求村委会门口挂十一块牌子", contact = "13600003333", taskId = (int?)null }))
            .Expect(HttpStatusCode.Created).Json.Str("receipt");
        var delegateName = await factory.CreateUserAsync(Jianfu.Modules.Organisation.Contracts.Role.Reviewer, "330602");
        using var keeper = await factory.LoginAsync("catalogue");
        (await keeper.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "delegate", delegateTo = "nobody-here" })).Expect(HttpStatusCode.BadRequest);
        (await keeper.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "delegate", delegateTo = delegateName })).Expect(HttpStatusCode.OK);

        using var delegated = await factory.LoginAsync(delegateName);
        Assert.Contains((await delegated.GetAsync("/api/v1/reports")).Expect(HttpStatusCode.OK).Json.Items(), r => r.Str("receipt") == receipt);
        var detail = (await delegated.GetAsync($"/api/v1/reports/{receipt}/handling")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("13600003333", detail.Str("contact"));
        (await delegated.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "verify" })).Expect(HttpStatusCode.OK);
        (await delegated.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "delegate", delegateTo = "catalogue" })).Expect(HttpStatusCode.Forbidden);

        var office = (await keeper.GetAsync("/api/v1/units/330602108/departments")).Json.Items().Single(d => d.Str("name") == "综合行政执法队").Int("id");
        var insider = await factory.CreateUserAsync(Jianfu.Modules.Organisation.Contracts.Role.Dispatcher, "330602108", "综合行政执法队");
        (await keeper.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "delegate", delegateTo = insider })).Expect(HttpStatusCode.OK);
        (await keeper.PostAsync($"/api/v1/reports/{receipt}/handling", new { action = "substantiate", summary = "执法队要求挂牌", responsibleDepartmentId = office }))
            .Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Attachment_IsCheckedByContent_NotByName()
    {
        var token = await TokenAsync("330602108224");
        using var anonymous = factory.Anonymous();
        async Task<Reply> PostAsync(byte[] bytes, string name)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "token" }, { new StringContent("apps-and-groups"), "category" },
                { new StringContent("要求下载六个政务App并每天登录"), "description" }, { new ByteArrayContent(bytes), "file", name },
            };
            using var response = await anonymous.Http.PostAsync("/api/v1/reports", form);
            return await Reply.ReadAsync(response);
        }

        (await PostAsync("MZ\u0090\u0000 not an image"u8.ToArray(), "截图.png")).Expect(HttpStatusCode.BadRequest);
        (await PostAsync("PK\u0003\u0004 docx is not allowed here"u8.ToArray(), "说明.docx")).Expect(HttpStatusCode.BadRequest);
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };
        var receipt = (await PostAsync(png, "截图.png")).Expect(HttpStatusCode.Created).Json.Str("receipt");
        var stored = await factory.WithDbAsync(db => db.BurdenReports.SingleAsync(r => r.Receipt == receipt));
        Assert.Equal(("截图.png", "image/png"), (stored.AttachmentName, stored.AttachmentContentType));
    }
}

public sealed class ReportsApiTests_Sqlite(SqliteFactory factory) : ReportsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class ReportsApiTests_Postgres(PostgresFactory factory) : ReportsApiTests(factory), IClassFixture<PostgresFactory>;
