using System.Net;
using Jianfu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Tests.Modules.Dispatch;

/// <summary>
/// The village learns of new work at once, and the secretary can send poor work back (退回重办): messages on arrival,
/// assignment and return, written with the change itself; the send-back's rules; and forms that name every problem at once.
/// </summary>
public abstract class VillageWorkTests(JianfuFactory factory)
{
    private async Task<(int DispatchId, int TaskId)> ApprovedAsync(string title)
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var id = (await dispatcher.PostAsync("/api/v1/dispatches", DispatchApiTests.InList(title))).Expect(HttpStatusCode.Created).Json.Int("id");
        using var reviewer = await factory.LoginAsync("reviewer");
        (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "同意", rerouteTo = (string?)null })).Expect(HttpStatusCode.OK);
        var taskId = await factory.WithDbAsync(db => db.CommunityTasks.Where(t => t.DispatchId == id).Select(t => t.Id).SingleAsync());
        return (id, taskId);
    }

    private static async Task<List<string>> MessagesAsync(ApiClient client) =>
        (await client.GetAsync("/api/v1/notifications")).Expect(HttpStatusCode.OK).Json.Items().Select(n => n.Str("title")).ToList();

    [Fact]
    public async Task NewWork_AssignedWork_AndReturnedWork_EachReachTheirPersonAtOnce()
    {
        var title = $"核查独居老人燃气灶具{Guid.NewGuid():N}"[..20];
        var (_, taskId) = await ApprovedAsync(title);
        using var secretary = await factory.LoginAsync("secretary");
        Assert.Contains($"新任务:{title}", await MessagesAsync(secretary));

        using var cadre = await factory.LoginAsync("cadre");
        Assert.DoesNotContain(await MessagesAsync(cadre), m => m.Contains(title, StringComparison.Ordinal));
        (await secretary.PostAsync($"/api/v1/tasks/{taskId}/receive")).Expect(HttpStatusCode.OK);
        (await secretary.PostAsync($"/api/v1/tasks/{taskId}/assign", new { assignee = "cadre" })).Expect(HttpStatusCode.OK);
        Assert.Contains($"交办给您的任务:{title}", await MessagesAsync(cadre));

        (await cadre.PostAsync($"/api/v1/tasks/{taskId}/complete", new { result = "已核查。" })).Expect(HttpStatusCode.OK);
        var returned = (await secretary.PostAsync($"/api/v1/tasks/{taskId}/send-back", new { reason = "请写明核查了几户、发现什么问题。" })).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(("Assigned", "请写明核查了几户、发现什么问题。", 1), (returned.Str("status"), returned.Str("returnReason"), returned.Int("timesReturned")));
        Assert.Contains($"任务被退回重办:{title}", await MessagesAsync(cadre));

        var redone = (await cadre.PostAsync($"/api/v1/tasks/{taskId}/complete", new { result = "核查30户,3户灶具无熄火保护,已联系更换。" })).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("Completed", redone.Str("status"));
        Assert.Null(redone["returnReason"]);
        (await secretary.PostAsync($"/api/v1/tasks/{taskId}/confirm")).Expect(HttpStatusCode.OK);

        var history = await factory.WithDbAsync(db => db.DispatchHistory.Where(h => h.TaskId == taskId).OrderBy(h => h.Id).Select(h => h.Action).ToListAsync());
        Assert.Equal(["下发至村(社区)", "签收", "交办", "办结", "退回重办", "办结", "书记确认办结"], history);
    }

    [Fact]
    public async Task ATask_SaysWhatEachPersonMayDoWithItNow_AndIsHiddenFromAnotherCommunity()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var id = (await dispatcher.PostAsync("/api/v1/dispatches", DispatchApiTests.InList($"任务操作测试{Guid.NewGuid():N}"[..14], DispatchApiTests.Village, DispatchApiTests.OtherVillage)))
            .Expect(HttpStatusCode.Created).Json.Int("id");
        using (var reviewer = await factory.LoginAsync("reviewer"))
        {
            (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "同意", rerouteTo = (string?)null })).Expect(HttpStatusCode.OK);
        }

        var tasks = await factory.WithDbAsync(db => db.CommunityTasks.Where(t => t.DispatchId == id).ToDictionaryAsync(t => t.CommunityCode, t => t.Id));
        var taskId = tasks[DispatchApiTests.Village];
        using var secretary = await factory.LoginAsync("secretary");
        using var cadre = await factory.LoginAsync("cadre");
        string Can(System.Text.Json.Nodes.JsonNode task) =>
            string.Join(",", new[] { "canReceive", "canAssign", "canComplete", "canConfirm", "canMakeCase" }.Where(a => task["actions"]![a]!.GetValue<bool>()));

        var pending = (await secretary.GetAsync($"/api/v1/tasks/{taskId}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(("Pending", "canReceive"), (pending.Str("status"), Can(pending)));
        Assert.Empty(pending["actions"]!["assignees"]!.AsArray());
        (await secretary.PostAsync($"/api/v1/tasks/{taskId}/receive")).Expect(HttpStatusCode.OK);
        var received = (await secretary.GetAsync($"/api/v1/tasks/{taskId}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("canAssign", Can(received));
        Assert.Contains(received["actions"]!["assignees"]!.AsArray(), a => a!["userName"]!.GetValue<string>() == "cadre");
        Assert.Equal("", Can((await cadre.GetAsync($"/api/v1/tasks/{taskId}")).Expect(HttpStatusCode.OK).Json));
        (await secretary.PostAsync($"/api/v1/tasks/{taskId}/assign", new { assignee = "cadre" })).Expect(HttpStatusCode.OK);
        Assert.Equal("canComplete", Can((await cadre.GetAsync($"/api/v1/tasks/{taskId}")).Expect(HttpStatusCode.OK).Json));
        (await cadre.PostAsync($"/api/v1/tasks/{taskId}/complete", new { result = "已办。" })).Expect(HttpStatusCode.OK);
        Assert.Equal("canConfirm", Can((await secretary.GetAsync($"/api/v1/tasks/{taskId}")).Expect(HttpStatusCode.OK).Json));
        (await secretary.PostAsync($"/api/v1/tasks/{taskId}/confirm")).Expect(HttpStatusCode.OK);
        Assert.Equal("canMakeCase", Can((await secretary.GetAsync($"/api/v1/tasks/{taskId}")).Expect(HttpStatusCode.OK).Json));

        // The issuer reads every task of the dispatch and may do none of the village's steps.
        var seenByIssuer = (await dispatcher.GetAsync($"/api/v1/tasks/{tasks[DispatchApiTests.OtherVillage]}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("", Can(seenByIssuer));
        // The other village's task is not this secretary's to read.
        (await secretary.GetAsync($"/api/v1/tasks/{tasks[DispatchApiTests.OtherVillage]}")).Expect(HttpStatusCode.Forbidden);
        (await secretary.GetAsync("/api/v1/tasks/999999")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SendBack_NeedsTheSecretary_AReason_AndCompletedWork()
    {
        var (_, taskId) = await ApprovedAsync("退回规则测试任务");
        using var secretary = await factory.LoginAsync("secretary");
        using var cadre = await factory.LoginAsync("cadre");
        // Not yet completed: nothing to send back.
        (await secretary.PostAsync($"/api/v1/tasks/{taskId}/send-back", new { reason = "没办好" })).Expect(HttpStatusCode.Conflict);
        (await secretary.PostAsync($"/api/v1/tasks/{taskId}/receive")).Expect(HttpStatusCode.OK);
        (await secretary.PostAsync($"/api/v1/tasks/{taskId}/assign", new { assignee = "cadre" })).Expect(HttpStatusCode.OK);
        (await cadre.PostAsync($"/api/v1/tasks/{taskId}/complete", new { result = "已办。" })).Expect(HttpStatusCode.OK);

        (await cadre.PostAsync($"/api/v1/tasks/{taskId}/send-back", new { reason = "我自己退回" })).Expect(HttpStatusCode.Forbidden);
        var noReason = (await secretary.PostAsync($"/api/v1/tasks/{taskId}/send-back", new { reason = " " })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("原因", noReason.Json.Str("title"));
        (await secretary.PostAsync($"/api/v1/tasks/{taskId}/send-back", new { reason = new string('长', 501) })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("Completed", await factory.WithDbAsync(db => db.CommunityTasks.Where(t => t.Id == taskId).Select(t => t.Status.ToString()).SingleAsync()));
    }

    [Theory]
    [InlineData("secretary", "/inbox")]
    [InlineData("cadre", "/inbox")]
    [InlineData("reviewer", "/review")]
    [InlineData("dispatcher", "/dispatches")]
    [InlineData("catalogue", "/reports")]
    public async Task SigningIn_LandsOnTheUsersOwnWork(string userName, string lands)
    {
        using var page = await PageClient.SignInAsync(factory, userName);
        var home = await page.GetAsync("/start");
        Assert.Equal(lands, home.Url!.AbsolutePath);
        var menu = await page.GetAsync("/");
        Assert.Contains("我的待办", menu.Html);
    }

    [Fact]
    public async Task TheTrainingDataDownload_WorksWithThePagesSignIn_ForTheTriageCentreOnly()
    {
        using var centre = await PageClient.SignInAsync(factory, "catalogue");
        using var response = await centre.Http.GetAsync("/hotline/training-data");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("id,text,label", (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));

        using var village = await PageClient.SignInAsync(factory, "secretary");
        Assert.Equal(HttpStatusCode.Forbidden, (await village.Http.GetAsync("/hotline/training-data")).StatusCode);
    }

    [Fact]
    public async Task AForm_NamesEveryProblemAtOnce_AndAnImpossibleDateSaysSo()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var reply = (await dispatcher.PostAsync("/api/v1/dispatches", new
        {
            title = "", content = "", screeningCode = "XZ-13", targets = new[] { DispatchApiTests.Village }, dueDate = "2027-02-30", justification = (string?)null,
        })).Expect(HttpStatusCode.BadRequest).Json;
        var errors = reply["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("title") && errors.ContainsKey("content") && errors.ContainsKey("dueDate"), reply.ToJsonString());
        Assert.Contains("“2027-02-30”不是真实存在的日期", reply.Str("title"));
        Assert.DoesNotContain("yyyy", reply.ToJsonString());

        using var anonymous = factory.Anonymous();
        using var keeper = await factory.LoginAsync("catalogue");
        var token = (await keeper.GetAsync($"/api/v1/report-locations/{DispatchApiTests.Village}")).Expect(HttpStatusCode.OK).Json.Str("token");
        var report = (await anonymous.PostAsync("/api/v1/reports", new { token, category = "nope", description = "短", contact = "12" }))
            .Expect(HttpStatusCode.BadRequest).Json["errors"]!.AsObject();
        Assert.True(report.ContainsKey("category") && report.ContainsKey("description") && report.ContainsKey("contact"), report.ToJsonString());

        using var department = await factory.LoginAsync("district-dispatcher");
        var admission = (await department.PostAsync("/api/v1/catalogue/admission-requests", new { name = "", kind = "nope", parentCode = (string?)null, basisDocument = "", basisArticle = (string?)null, reason = "" }))
            .Expect(HttpStatusCode.BadRequest).Json["errors"]!.AsObject();
        Assert.Equal(["name", "kind", "basisDocument", "reason"], admission.Select(e => e.Key));

        using var admin = await factory.LoginAsync("admin");
        var account = (await admin.PostAsync("/api/v1/admin/users", new { userName = "", displayName = "", phone = "123", password = "Demo-2026-x", role = "Cadre", unitCode = DispatchApiTests.Village, department = (string?)null }))
            .Expect(HttpStatusCode.BadRequest).Json["errors"]!.AsObject();
        Assert.True(account.ContainsKey("userName") && account.ContainsKey("displayName") && account.ContainsKey("phone"), account.ToJsonString());
    }
}

public sealed class VillageWorkTests_Sqlite(SqliteFactory factory) : VillageWorkTests(factory), IClassFixture<SqliteFactory>;

public sealed class VillageWorkTests_Postgres(PostgresFactory factory) : VillageWorkTests(factory), IClassFixture<PostgresFactory>;
