using System.Net;
using Microsoft.EntityFrameworkCore;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Tests.Infrastructure;

namespace Jianfu.Tests.Modules.Dispatch;

/// <summary>The dispatch API of issue #2 through HTTP, on a real database: run once on SQLite and once on PostgreSQL.</summary>
public abstract class DispatchApiTests(JianfuFactory factory)
{
    public const string Village = "330602108200";
    public const string OtherVillage = "330602108202";
    public const string Township = "330602108";
    public const string OtherTownshipCommunity = "330602001004";

    public static string Due(int days = 14) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(days).ToString("yyyy-MM-dd");

    public static object InList(string title, params string[] targets) => new
    {
        title,
        content = $"{title}:请各村结合网格走访开展,办理结果在系统中填写,不另报材料。",
        screeningCode = "XZ-13",
        targets = targets.Length == 0 ? [Village] : targets,
        dueDate = Due(),
        justification = (string?)null,
    };

    private async Task<int> SubmitAsync(object request)
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var reply = (await dispatcher.PostAsync("/api/v1/dispatches", request)).Expect(HttpStatusCode.Created);
        Assert.Equal("UnderReview", reply.Json.Str("status"));
        return reply.Json.Int("id");
    }

    private Task<int> CountDispatchesAsync() => factory.WithDbAsync(db => Task.FromResult(db.Dispatches.Count()));

    [Fact]
    public async Task Submit_WithoutScreeningCode_IsBlockedAndNothingIsStored()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var before = await CountDispatchesAsync();
        var reply = await dispatcher.PostAsync("/api/v1/dispatches", new
        {
            title = "统计各村文明创建材料",
            content = "请各村整理本年度文明创建的全部材料,在系统中填报。",
            screeningCode = (string?)null,
            targets = new[] { Village },
            dueDate = Due(),
            justification = (string?)null,
        });
        reply.Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("application/problem+json", reply.ContentType);
        var block = Assert.Single(reply.Json.Items("checks"), c => c.Str("severity") == "Block");
        Assert.Equal("screening-code-missing", block.Str("rule"));
        Assert.Contains("过筛编码", block.Str("message"));
        Assert.Equal(before, await CountDispatchesAsync());
    }

    [Fact]
    public async Task Check_WithoutACode_SaysItIsBlocked_AndNamesTheItemsTheTextMatches_StoringNothing()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var before = await CountDispatchesAsync();
        var request = DispatchApiTests.InList("集中受理老年优待证申请");
        var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(request))!;
        body["screeningCode"] = null;
        body["content"] = "请各村在本周集中受理年满60周岁老年人的老年优待证申请,材料统一转报区民政局。";
        var reply = (await dispatcher.PostAsync("/api/v1/dispatches/check", body)).Expect(HttpStatusCode.OK).Json;
        Assert.Contains(reply.Items("checks"), c => c.Str("rule") == "screening-code-missing" && c.Str("severity") == "Block");
        Assert.Equal("XZ-01-01", reply.Items("suggestions").First().Str("screeningCode"));
        Assert.Equal(before, await CountDispatchesAsync());
    }

    [Theory]
    [InlineData("NO-SUCH-CODE", "screening-code-unknown")]
    [InlineData("XZ-06-03", "screening-code-retired")]
    [InlineData("FM-05", "excluded-item")]
    public async Task Submit_WithCodeThatCannotBeUsed_IsBlocked(string code, string rule)
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var reply = await dispatcher.PostAsync("/api/v1/dispatches", new
        {
            title = "某项任务", content = "请各村按要求办理该项任务,在系统中填写办理结果。", screeningCode = code,
            targets = new[] { Village }, dueDate = Due(), justification = (string?)null,
        });
        reply.Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(reply.Json.Items("checks"), c => c.Str("rule") == rule && c.Str("severity") == "Block");
    }

    [Fact]
    public async Task Submit_WithALowerCaseCode_FindsTheItem()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var reply = (await dispatcher.PostAsync("/api/v1/dispatches", new
        {
            title = "小写编码", content = "请各村入户宣传燃气安全,结果在系统中填写。", screeningCode = " xz-13 ",
            targets = new[] { OtherVillage }, dueDate = Due(), justification = (string?)null,
        })).Expect(HttpStatusCode.Created);
        using var reviewer = await factory.LoginAsync("reviewer");
        Assert.Equal("XZ-13", (await reviewer.GetAsync($"/api/v1/dispatches/{reply.Json.Int("id")}")).Json.Str("screeningCode"));
    }

    [Fact]
    public async Task Submit_ContentOver4000Characters_IsBlocked()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var reply = await dispatcher.PostAsync("/api/v1/dispatches", new
        {
            title = "长文件", content = new string('字', 4001), screeningCode = "XZ-13",
            targets = new[] { Village }, dueDate = Due(), justification = (string?)null,
        });
        reply.Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(reply.Json.Items("checks"), c => c.Str("rule") == "content-too-long");
    }

    [Fact]
    public async Task Submit_WithFormalismDemands_WarnsTheReviewer()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var reply = (await dispatcher.PostAsync("/api/v1/dispatches", new
        {
            title = "燃气安全宣传", content = "请各村入户宣传燃气安全,每户拍照留痕,每日打卡,并签订安全责任书。", screeningCode = "XZ-13",
            targets = new[] { OtherVillage }, dueDate = Due(), justification = (string?)null,
        })).Expect(HttpStatusCode.Created);
        var warning = Assert.Single(reply.Json.Items("checks"), c => c.Str("rule") == "formalism-demand");
        Assert.Equal("Warn", warning.Str("severity"));
        using var reviewer = await factory.LoginAsync("reviewer");
        var detail = (await reviewer.GetAsync($"/api/v1/dispatches/{reply.Json.Int("id")}")).Expect(HttpStatusCode.OK);
        Assert.Contains(detail.Json.Items("checks"), c => c.Str("rule") == "formalism-demand");
    }

    [Fact]
    public async Task FullFlow_ApproveReceiveAssignCompleteConfirm_IsRecordedInHistory()
    {
        var id = await SubmitAsync(InList("全流程测试任务"));
        using var reviewer = await factory.LoginAsync("reviewer");
        var approved = (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "同意", rerouteTo = (string?)null }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("Approved", approved.Json.Str("status"));

        using var secretary = await factory.LoginAsync("secretary");
        var inbox = (await secretary.GetAsync("/api/v1/inbox")).Expect(HttpStatusCode.OK);
        var item = Assert.Single(inbox.Json.Items(), i => i.Int("dispatchId") == id);
        Assert.Equal("Pending", item.Str("status"));
        Assert.Equal("XZ-13", item.Str("screeningCode"));
        var taskId = item.Int("taskId");

        (await secretary.PostAsync($"/api/v1/tasks/{taskId}/receive")).Expect(HttpStatusCode.OK);
        (await secretary.PostAsync($"/api/v1/tasks/{taskId}/assign", new { assignee = "cadre" })).Expect(HttpStatusCode.OK);
        using var cadre = await factory.LoginAsync("cadre");
        Assert.Contains((await cadre.GetAsync("/api/v1/inbox")).Json.Items(), i => i.Int("taskId") == taskId);
        (await cadre.PostAsync($"/api/v1/tasks/{taskId}/complete", new { result = "已入户宣传45户。" })).Expect(HttpStatusCode.OK);
        var confirmed = (await secretary.PostAsync($"/api/v1/tasks/{taskId}/confirm")).Expect(HttpStatusCode.OK);
        Assert.Equal("Confirmed", confirmed.Json.Str("status"));

        using var dispatcher = await factory.LoginAsync("dispatcher");
        var detail = (await dispatcher.GetAsync($"/api/v1/dispatches/{id}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("Confirmed", Assert.Single(detail.Items("targets")).Str("status"));
        var actions = detail.Items("history").Select(h => h.Str("action")).ToList();
        Assert.Equal(["起草派单", "提交审核", "审核通过", "下发至村(社区)", "签收", "交办", "办结", "书记确认办结"], actions);
        Assert.All(detail.Items("history"), h => Assert.False(string.IsNullOrEmpty(h.Str("actor"))));
        Assert.Contains(detail.Items("history"), h => h.Str("action") == "办结" && h.Str("actor") == "赵网格(富盛村)");
    }

    [Fact]
    public async Task Reject_WithReroute_AppearsInTheReroutedBodysQueue()
    {
        var id = await SubmitAsync(InList("拆除违法搭建(应转执法队)"));
        using var reviewer = await factory.LoginAsync("reviewer");
        var rejected = (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision",
            new { decision = "reject", reason = "属行政执法事项", rerouteTo = "综合行政执法队" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Rejected", rejected.Json.Str("status"));
        Assert.Equal("综合行政执法队", rejected.Json.Str("rerouteTo"));

        using var enforcement = await factory.LoginAsync("enforcement");
        var queue = (await enforcement.GetAsync("/api/v1/rerouted")).Expect(HttpStatusCode.OK);
        Assert.Contains(queue.Json.Items(), d => d.Int("id") == id);
        (await enforcement.GetAsync($"/api/v1/dispatches/{id}")).Expect(HttpStatusCode.OK);
        using var secretary = await factory.LoginAsync("secretary");
        Assert.DoesNotContain((await secretary.GetAsync("/api/v1/inbox")).Json.Items(), i => i.Int("dispatchId") == id);
    }

    [Fact]
    public async Task Reject_WithoutReason_IsRefusedAndStaysUnderReview()
    {
        var id = await SubmitAsync(InList("驳回须写理由"));
        using var reviewer = await factory.LoginAsync("reviewer");
        (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "reject", reason = "", rerouteTo = (string?)null }))
            .Expect(HttpStatusCode.BadRequest);
        (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "reject", reason = "x", rerouteTo = "不存在的单位" }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal("UnderReview", (await reviewer.GetAsync($"/api/v1/dispatches/{id}")).Json.Str("status"));
    }

    [Fact]
    public async Task Return_ThenResubmit_RunsTheChecksAgain()
    {
        var id = await SubmitAsync(InList("退回修改测试"));
        using var reviewer = await factory.LoginAsync("reviewer");
        (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "return", reason = "请写明完成标准", rerouteTo = (string?)null }))
            .Expect(HttpStatusCode.OK);
        using var dispatcher = await factory.LoginAsync("dispatcher");
        Assert.Equal("Returned", (await dispatcher.GetAsync($"/api/v1/dispatches/{id}")).Json.Str("status"));

        var blocked = await dispatcher.PutAsync($"/api/v1/dispatches/{id}", new
        {
            title = "退回修改测试", content = "修改后的内容,写明完成标准。", screeningCode = "FM-05",
            targets = new[] { Village }, dueDate = Due(), justification = (string?)null,
        });
        blocked.Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Returned", (await dispatcher.GetAsync($"/api/v1/dispatches/{id}")).Json.Str("status"));

        var resubmitted = (await dispatcher.PutAsync($"/api/v1/dispatches/{id}", InList("退回修改测试(已补充完成标准)"))).Expect(HttpStatusCode.OK);
        Assert.Equal("UnderReview", resubmitted.Json.Str("status"));
        var history = (await dispatcher.GetAsync($"/api/v1/dispatches/{id}")).Json.Items("history").Select(h => h.Str("action")).ToList();
        Assert.Equal(["起草派单", "提交审核", "退回修改", "修改后重新提交审核"], history);
    }

    [Fact]
    public async Task Withdraw_BeforeApproval_IsAllowed_AfterApproval_IsRefused()
    {
        var id = await SubmitAsync(InList("撤回测试"));
        using var dispatcher = await factory.LoginAsync("dispatcher");
        Assert.Equal("Withdrawn", (await dispatcher.PostAsync($"/api/v1/dispatches/{id}/withdraw", new { reason = "重复" })).Expect(HttpStatusCode.OK).Json.Str("status"));

        var approvedId = await SubmitAsync(InList("批准后不能撤回"));
        using var reviewer = await factory.LoginAsync("reviewer");
        (await reviewer.PostAsync($"/api/v1/dispatches/{approvedId}/decision", new { decision = "approve", reason = "", rerouteTo = (string?)null })).Expect(HttpStatusCode.OK);
        (await dispatcher.PostAsync($"/api/v1/dispatches/{approvedId}/withdraw", new { reason = "x" })).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task OutOfList_WithJustification_NeedsACollectiveDecisionBeforeApproval()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var reply = (await dispatcher.PostAsync("/api/v1/dispatches", new
        {
            title = "配合省级试点摸底", content = "请富盛村配合镇里核对集体经营性建设用地的四至和现状用途,镇自然资源所派员带队。",
            screeningCode = (string?)null, targets = new[] { Village }, dueDate = Due(),
            justification = "省级试点任务,尚未列入本年度清单,年内修订时申请准入。",
        })).Expect(HttpStatusCode.Created);
        var id = reply.Json.Int("id");
        Assert.Contains(reply.Json.Items("checks"), c => c.Str("rule") == "screening-code-missing" && c.Str("severity") == "Warn");

        using var reviewer = await factory.LoginAsync("reviewer");
        var refused = (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "", rerouteTo = (string?)null }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("集体研究", refused.Json.Str("title"));
        var approved = (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", new
        {
            decision = "approve", reason = "经党委会研究同意", rerouteTo = (string?)null,
            meetingDate = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd"), meetingOutcome = "镇党委会议研究同意",
        })).Expect(HttpStatusCode.OK);
        Assert.Equal("Approved", approved.Json.Str("status"));
        Assert.Contains("镇党委会议研究同意", approved.Json.Str("collectiveDecision"));
    }

    [Fact]
    public async Task BroadcastToTownship_CreatesOneTaskPerCommunity()
    {
        var id = await SubmitAsync(InList("全镇燃气安全宣传", Township));
        using var reviewer = await factory.LoginAsync("reviewer");
        var approved = (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "", rerouteTo = (string?)null }))
            .Expect(HttpStatusCode.OK);
        var targets = approved.Json.Items("targets").ToList();
        Assert.Equal(15, targets.Count);
        Assert.All(targets, t => Assert.Equal("Pending", t.Str("status")));
        Assert.All(targets, t => Assert.StartsWith(Township, t.Str("unitCode")));
    }

    [Fact]
    public async Task ApprovingADistrictWideDispatch_IssuesOneTaskPerCommunity_EachWithItsOwnHistory()
    {
        using var department = await factory.LoginAsync("district-dispatcher");
        string[] townships = ["330602001", "330602002", "330602016", Township];
        var id = (await department.PostAsync("/api/v1/dispatches", InList($"全区任务{Guid.NewGuid():N}"[..12], townships))).Expect(HttpStatusCode.Created).Json.Int("id");
        using var reviewer = await factory.LoginAsync("district-reviewer");
        var approved = (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "同意", rerouteTo = (string?)null }))
            .Expect(HttpStatusCode.OK).Json;
        var communities = await factory.WithDbAsync(db => db.Units.CountAsync(u => u.Level == UnitLevel.Community));
        // More communities than one INSERT of the approval takes: the tasks are written in several statements.
        Assert.True(communities > 40, $"{communities} communities");
        var taskIds = approved.Items("targets").Select(t => t.Int("taskId")).ToList();
        Assert.Equal(communities, taskIds.Distinct().Count());
        var issued = await factory.WithDbAsync(db => db.DispatchHistory.Where(h => h.DispatchId == id && h.Action == "下发至村(社区)")
            .Select(h => new { h.TaskId, h.Note }).ToListAsync());
        Assert.Equal(taskIds.Order(), issued.Select(h => h.TaskId!.Value).Order());
        var names = await factory.WithDbAsync(db => db.CommunityTasks.Where(t => t.DispatchId == id).ToDictionaryAsync(t => t.Id, t => t.CommunityName));
        Assert.All(issued, h => Assert.Equal(names[h.TaskId!.Value], h.Note));
        using var secretary = await factory.LoginAsync("secretary");
        var mine = taskIds.Single(t => names[t] == "富盛村委会");
        var task = (await secretary.GetAsync($"/api/v1/tasks/{mine}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(("Pending", "canReceive"), (task.Str("status"), task["actions"]!["canReceive"]!.GetValue<bool>() ? "canReceive" : ""));
        (await secretary.PostAsync($"/api/v1/tasks/{mine}/receive")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DistrictAgency_TargetsAnyTownship_AndIsReviewedByTheDistrict()
    {
        using var agency = await factory.LoginAsync("district-dispatcher");
        var reply = (await agency.PostAsync("/api/v1/dispatches", new
        {
            title = "老年优待证集中受理", content = "请各村(社区)集中受理辖区内老年人优待证申请,材料统一转报区民政局。",
            screeningCode = "XZ-01-01", targets = new[] { Village, OtherTownshipCommunity }, dueDate = Due(), justification = (string?)null,
        })).Expect(HttpStatusCode.Created);
        var id = reply.Json.Int("id");

        using var township = await factory.LoginAsync("reviewer");
        (await township.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "", rerouteTo = (string?)null }))
            .Expect(HttpStatusCode.Forbidden);
        Assert.DoesNotContain((await township.GetAsync("/api/v1/review-queue")).Json.Items(), d => d.Int("id") == id);

        using var district = await factory.LoginAsync("district-reviewer");
        Assert.Contains((await district.GetAsync("/api/v1/review-queue")).Json.Items(), d => d.Int("id") == id);
        (await district.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "", rerouteTo = (string?)null }))
            .Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TownshipDispatcher_TargetingAnotherTownship_IsForbidden()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var before = await CountDispatchesAsync();
        (await dispatcher.PostAsync("/api/v1/dispatches", InList("越界派单", OtherTownshipCommunity))).Expect(HttpStatusCode.Forbidden);
        Assert.Equal(before, await CountDispatchesAsync());
    }

    [Fact]
    public async Task BadInput_GetsChineseProblemDetails_AndChangesNothing()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var before = await CountDispatchesAsync();
        var malformed = (await dispatcher.PostRawAsync("/api/v1/dispatches", "{\"title\": \"x\",")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("JSON", malformed.Json.Str("title"));
        (await dispatcher.PostRawAsync("/api/v1/dispatches", "{\"title\":\"x\",\"content\":\"y\",\"targets\":\"330602108200\"}")).Expect(HttpStatusCode.BadRequest);
        var missing = (await dispatcher.PostRawAsync("/api/v1/dispatches", "{}")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("标题", missing.Json.Str("title"));
        (await dispatcher.PostAsync("/api/v1/dispatches", new { title = new string('标', 201), content = "内容", targets = new[] { Village }, dueDate = Due() }))
            .Expect(HttpStatusCode.BadRequest);
        var badDate = (await dispatcher.PostAsync("/api/v1/dispatches", new { title = "t", content = "内容内容", targets = new[] { Village }, dueDate = "2026/13/01" }))
            .Expect(HttpStatusCode.BadRequest);
        // 2026/13/01 is how it might be typed, but there is no thirteenth month: said in words, not with a format string.
        Assert.Contains("不是真实存在的日期", badDate.Json.Str("title"));
        Assert.DoesNotContain("yyyy", badDate.Body);
        (await dispatcher.PostAsync("/api/v1/dispatches", new { title = "t", content = "内容内容", targets = new[] { "999999999999" }, dueDate = Due() }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountDispatchesAsync());
    }

    [Fact]
    public async Task TaskActions_OutOfOrderOrByTheWrongPerson_AreRefused()
    {
        var id = await SubmitAsync(InList("任务权限测试", Village, OtherVillage));
        using var reviewer = await factory.LoginAsync("reviewer");
        var approved = (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "", rerouteTo = (string?)null })).Json;
        var ours = approved.Items("targets").Single(t => t.Str("unitCode") == Village).Int("taskId");
        var theirs = approved.Items("targets").Single(t => t.Str("unitCode") == OtherVillage).Int("taskId");

        using var secretary = await factory.LoginAsync("secretary");
        using var cadre = await factory.LoginAsync("cadre");
        (await secretary.PostAsync($"/api/v1/tasks/{theirs}/receive")).Expect(HttpStatusCode.Forbidden);
        (await secretary.PostAsync($"/api/v1/tasks/{ours}/assign", new { assignee = "cadre" })).Expect(HttpStatusCode.Conflict);
        (await cadre.PostAsync($"/api/v1/tasks/{ours}/receive")).Expect(HttpStatusCode.Forbidden);
        (await secretary.PostAsync($"/api/v1/tasks/{ours}/receive")).Expect(HttpStatusCode.OK);
        (await secretary.PostAsync($"/api/v1/tasks/{ours}/receive")).Expect(HttpStatusCode.Conflict);
        (await secretary.PostAsync($"/api/v1/tasks/{ours}/assign", new { assignee = "dispatcher" })).Expect(HttpStatusCode.BadRequest);
        (await secretary.PostAsync($"/api/v1/tasks/{ours}/assign", new { assignee = "gridworker" })).Expect(HttpStatusCode.OK);
        (await cadre.PostAsync($"/api/v1/tasks/{ours}/complete", new { result = "不是我的任务" })).Expect(HttpStatusCode.Forbidden);
        (await secretary.PostAsync($"/api/v1/tasks/{ours}/confirm")).Expect(HttpStatusCode.Conflict);
        using var grid = await factory.LoginAsync("gridworker");
        (await grid.PostAsync($"/api/v1/tasks/{ours}/complete", new { result = "" })).Expect(HttpStatusCode.BadRequest);
        (await grid.PostAsync($"/api/v1/tasks/{ours}/complete", new { result = "已完成" })).Expect(HttpStatusCode.OK);
        (await cadre.PostAsync($"/api/v1/tasks/{ours}/confirm")).Expect(HttpStatusCode.Forbidden);
        (await secretary.PostAsync($"/api/v1/tasks/{ours}/confirm")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CommunityRoles_SeeOnlyTheirOwnPartOfADispatch()
    {
        var id = await SubmitAsync(InList("两村任务", Village, OtherVillage));
        using var secretary = await factory.LoginAsync("secretary");
        (await secretary.GetAsync($"/api/v1/dispatches/{id}")).Expect(HttpStatusCode.Forbidden);
        using var reviewer = await factory.LoginAsync("reviewer");
        (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "", rerouteTo = (string?)null })).Expect(HttpStatusCode.OK);
        var seen = (await secretary.GetAsync($"/api/v1/dispatches/{id}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(Village, Assert.Single(seen.Items("targets")).Str("unitCode"));
        Assert.DoesNotContain(seen.Items("history"), h => h.Str("action") == "下发至村(社区)" && h.Str("note") != "富盛村委会");
    }

    [Fact]
    public async Task Draft_IsSavedWithoutReview_ThenSubmittedThroughTheGate()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var draft = (await dispatcher.PostAsync("/api/v1/dispatches/drafts", new
        {
            title = "草稿任务", content = "请各村按要求办理,办理结果在系统中填写。", screeningCode = (string?)null,
            targets = new[] { Village }, dueDate = Due(), justification = (string?)null,
        })).Expect(HttpStatusCode.Created).Json;
        Assert.Equal("Draft", draft.Str("status"));
        Assert.Contains(draft.Items("checks"), c => c.Str("rule") == "screening-code-missing" && c.Str("severity") == "Block");
        var id = draft.Int("id");
        using var reviewer = await factory.LoginAsync("reviewer");
        Assert.DoesNotContain((await reviewer.GetAsync("/api/v1/review-queue")).Json.Items(), d => d.Int("id") == id);

        (await dispatcher.PutAsync($"/api/v1/dispatches/{id}", new
        {
            title = "草稿任务", content = "请各村按要求办理,办理结果在系统中填写。", screeningCode = (string?)null,
            targets = new[] { Village }, dueDate = Due(), justification = (string?)null,
        })).Expect(HttpStatusCode.UnprocessableEntity);
        (await dispatcher.PutAsync($"/api/v1/dispatches/{id}/draft", InList("草稿任务(补上编码)"))).Expect(HttpStatusCode.OK);
        Assert.Equal("UnderReview", (await dispatcher.PutAsync($"/api/v1/dispatches/{id}", InList("草稿任务(补上编码)"))).Expect(HttpStatusCode.OK).Json.Str("status"));
        var history = (await dispatcher.GetAsync($"/api/v1/dispatches/{id}")).Json.Items("history").Select(h => h.Str("action"));
        Assert.Equal(["保存草稿", "修改草稿", "提交审核"], history);
    }

    [Fact]
    public async Task ReviewerMarksMajor_ThenApprovalNeedsACollectiveDecision()
    {
        var id = await SubmitAsync(InList("审核人标记重大事项"));
        using var reviewer = await factory.LoginAsync("reviewer");
        (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "return", reason = "请补充经费来源", rerouteTo = (string?)null, markMajor = true }))
            .Expect(HttpStatusCode.OK);
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var resubmitted = (await dispatcher.PutAsync($"/api/v1/dispatches/{id}", new
        {
            title = "审核人标记重大事项", content = "审核人标记重大事项:请结合网格走访入户开展,经费由镇承担,结果在系统中填写。", screeningCode = "XZ-13",
            targets = new[] { Village }, dueDate = Due(), justification = (string?)null, isMajor = true,
        })).Expect(HttpStatusCode.OK);
        (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "", rerouteTo = (string?)null })).Expect(HttpStatusCode.BadRequest);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "", rerouteTo = (string?)null, meetingDate = today, meetingOutcome = "党委会研究同意" }))
            .Expect(HttpStatusCode.OK);
        var actions = (await dispatcher.GetAsync($"/api/v1/dispatches/{id}")).Json.Items("history").Select(h => h.Str("action")).ToList();
        Assert.Contains("审核人标记为重大事项", actions);
    }

    [Fact]
    public async Task CoAssignee_SeesTheTasksTheyAreNamedOn()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var id = (await dispatcher.PostAsync("/api/v1/dispatches", new
        {
            title = "资源下沉:执法队协同排查", content = "请富盛村会同镇执法队排查沿街违规广告牌,村提供线索,执法队依法处置。", screeningCode = "XZ-12",
            targets = new[] { Village }, dueDate = Due(), justification = (string?)null, coAssignees = new[] { "enforcement" },
        })).Expect(HttpStatusCode.Created).Json.Int("id");
        using var reviewer = await factory.LoginAsync("reviewer");
        (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "", rerouteTo = (string?)null })).Expect(HttpStatusCode.OK);
        using var enforcement = await factory.LoginAsync("enforcement");
        Assert.Contains((await enforcement.GetAsync("/api/v1/inbox")).Json.Items(), i => i.Int("dispatchId") == id);
        Assert.Equal(["吴队长(富盛镇综合行政执法队)"], (await enforcement.GetAsync($"/api/v1/dispatches/{id}")).Expect(HttpStatusCode.OK).Json.Items("coAssignees").Select(c => c.GetValue<string>()));
    }

    [Fact]
    public async Task Completion_TakesAnOptionalAttachment_CheckedByContent()
    {
        var id = await SubmitAsync(InList("附件测试"));
        using var reviewer = await factory.LoginAsync("reviewer");
        var taskId = (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "", rerouteTo = (string?)null })).Json
            .Items("targets").Single().Int("taskId");
        using var secretary = await factory.LoginAsync("secretary");
        (await secretary.PostAsync($"/api/v1/tasks/{taskId}/receive")).Expect(HttpStatusCode.OK);
        (await secretary.PostAsync($"/api/v1/tasks/{taskId}/assign", new { assignee = "cadre" })).Expect(HttpStatusCode.OK);

        using var cadre = await factory.LoginAsync("cadre");
        async Task<Reply> CompleteAsync(byte[] bytes, string name)
        {
            using var form = new MultipartFormDataContent { { new StringContent("已完成,名单见附件。"), "result" }, { new ByteArrayContent(bytes), "file", name } };
            using var response = await cadre.Http.PostAsync($"/api/v1/tasks/{taskId}/complete-with-attachment", form);
            return await Reply.ReadAsync(response);
        }

        var disguised = (await CompleteAsync("<script>alert(1)</script>"u8.ToArray(), "名单.png")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("按文件内容判断", disguised.Json.Str("title"));
        Assert.Equal("Assigned", (await secretary.GetAsync($"/api/v1/dispatches/{id}")).Json.Items("targets").Single().Str("status"));

        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        (await CompleteAsync(pdf, "名单.pdf")).Expect(HttpStatusCode.OK);
        var download = await secretary.Http.GetAsync($"/api/v1/tasks/{taskId}/attachment");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        using var other = await factory.LoginAsync(await factory.CreateUserAsync(Jianfu.Modules.Organisation.Contracts.Role.Secretary, OtherVillage));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.GetAsync($"/api/v1/tasks/{taskId}/attachment")).StatusCode);
    }

    [Fact]
    public async Task ReviewerOfAnotherTownship_CannotDecide()
    {
        var id = await SubmitAsync(InList("他镇审核人无权审核"));
        var other = await factory.CreateUserAsync(Role.Reviewer, "330602001");
        using var client = await factory.LoginAsync(other);
        (await client.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "", rerouteTo = (string?)null })).Expect(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/api/v1/dispatches/{id}")).Expect(HttpStatusCode.Forbidden);
    }
}

[Trait("Database", "Sqlite")]
public sealed class DispatchApiTests_Sqlite(SqliteFactory factory) : DispatchApiTests(factory), IClassFixture<SqliteFactory>;

[Trait("Database", "Postgres")]
public sealed class DispatchApiTests_Postgres(PostgresFactory factory) : DispatchApiTests(factory), IClassFixture<PostgresFactory>;
