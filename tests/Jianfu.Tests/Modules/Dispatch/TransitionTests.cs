using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Modules.Dispatch.Domain;
using DispatchEntity = Jianfu.Modules.Dispatch.Domain.Dispatch;

namespace Jianfu.Tests.Modules.Dispatch;

public sealed class TransitionTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Dispatcher = new("d", "张建设");
    private static readonly Actor Reviewer = new("r", "李书记");
    private static readonly Actor Secretary = new("s", "王书记");
    private static readonly Actor Cadre = new("c", "赵网格");

    private static DispatchEntity NewDispatch(string? code = "XZ-13", bool major = false, int targets = 2)
    {
        var d = new DispatchEntity
        {
            Title = "t", Content = "c", ScreeningCode = code, IsMajor = major, IssuerUnitName = "富盛镇", DepartmentName = "村建办",
            DispatcherId = "d", DispatcherName = "张建设", Status = DispatchStatus.Draft, DueDate = new DateOnly(2026, 12, 1),
        };
        for (var i = 0; i < targets; i++)
        {
            d.Targets.Add(new DispatchTarget { CommunityId = i + 1, CommunityCode = $"33060210820{i}", CommunityName = $"村{i}" });
        }

        return d;
    }

    private static DispatchEntity UnderReview(string? code = "XZ-13", bool major = false)
    {
        var d = NewDispatch(code, major);
        Assert.Null(d.Submit([], Dispatcher, Now));
        return d;
    }

    [Fact]
    public void Submit_WithABlockingCheck_LeavesTheDraftAsItWas()
    {
        var d = NewDispatch();
        var error = d.Submit([new GateCheck(GateRules.ExcludedItem, Severity.Block, "负面清单")], Dispatcher, Now);
        Assert.Equal("gate-blocked", error?.Code);
        Assert.Equal(DispatchStatus.Draft, d.Status);
        Assert.Empty(d.History);
    }

    [Fact]
    public void Submit_WithWarnings_GoesToReview_AndRecordsIt()
    {
        var d = NewDispatch();
        Assert.Null(d.Submit([new GateCheck(GateRules.FormalismDemand, Severity.Warn, "打卡")], Dispatcher, Now));
        Assert.Equal(DispatchStatus.UnderReview, d.Status);
        Assert.Equal(Now, d.SubmittedAt);
        var entry = Assert.Single(d.History);
        Assert.Equal(("提交审核", "张建设"), (entry.Action, entry.ActorName));
    }

    [Fact]
    public void Submit_Twice_IsRefused() => Assert.Equal("conflict", UnderReview().Submit([], Dispatcher, Now)?.Code);

    [Fact]
    public void Approve_CreatesOnePendingTaskPerTarget_WithHistory()
    {
        var d = UnderReview();
        Assert.Null(d.Approve(Reviewer, Now, null, null, "同意"));
        Assert.Equal(DispatchStatus.Approved, d.Status);
        Assert.Equal(2, d.Tasks.Count);
        Assert.All(d.Tasks, t => Assert.Equal((CommunityTaskStatus.Pending, d.DueDate), (t.Status, t.DueDate)));
        Assert.Equal(["提交审核", "审核通过", "下发至村(社区)", "下发至村(社区)"], d.History.Select(h => h.Action));
    }

    [Fact]
    public void Approve_Twice_IsRefused()
    {
        var d = UnderReview();
        d.Approve(Reviewer, Now, null, null, null);
        Assert.Equal("conflict", d.Approve(Reviewer, Now, null, null, null)?.Code);
        Assert.Equal(2, d.Tasks.Count);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("XZ-13", true)]
    public void Approve_OutOfListOrMajor_NeedsACollectiveDecision(string? code, bool major)
    {
        var d = UnderReview(code, major);
        Assert.Equal("validation", d.Approve(Reviewer, Now, null, null, null)?.Code);
        Assert.Equal(DispatchStatus.UnderReview, d.Status);
        Assert.Empty(d.Tasks);
        Assert.Null(d.Approve(Reviewer, Now, new DateOnly(2026, 11, 20), "党委会研究同意", null));
        Assert.Equal(DispatchStatus.Approved, d.Status);
    }

    [Fact]
    public void Reject_NeedsAReason_AndRecordsTheReroute()
    {
        var d = UnderReview();
        Assert.Equal("validation", d.Reject(Reviewer, Now, " ", null, null)?.Code);
        Assert.Null(d.Reject(Reviewer, Now, "属执法事项", 5, "综合行政执法队"));
        Assert.Equal((DispatchStatus.Rejected, 5), (d.Status, d.RerouteDepartmentId));
        Assert.Equal("驳回并转派至综合行政执法队", d.History.Last().Action);
        Assert.Equal("conflict", d.Approve(Reviewer, Now, null, null, null)?.Code);
    }

    [Fact]
    public void Return_NeedsAReason_ThenResubmitGoesBackToReview()
    {
        var d = UnderReview();
        Assert.Equal("validation", d.Return(Reviewer, Now, null)?.Code);
        Assert.Null(d.Return(Reviewer, Now, "请写明标准"));
        Assert.Equal(DispatchStatus.Returned, d.Status);
        Assert.True(d.IsOpenForEditing);
        Assert.Null(d.Submit([], Dispatcher, Now));
        Assert.Equal("修改后重新提交审核", d.History.Last().Action);
    }

    [Fact]
    public void Withdraw_IsAllowedBeforeApproval_Only()
    {
        var d = UnderReview();
        Assert.Null(d.Withdraw(Dispatcher, Now, null));
        Assert.Equal(DispatchStatus.Withdrawn, d.Status);
        Assert.Equal("conflict", d.Withdraw(Dispatcher, Now, null)?.Code);
        var approved = UnderReview();
        approved.Approve(Reviewer, Now, null, null, null);
        Assert.Equal("conflict", approved.Withdraw(Dispatcher, Now, null)?.Code);
    }

    [Fact]
    public void Task_GoesReceiveAssignCompleteConfirm()
    {
        var d = UnderReview();
        d.Approve(Reviewer, Now, null, null, null);
        var t = d.Tasks[0];
        Assert.Null(t.Receive(d, Secretary, Now));
        Assert.Null(t.Assign(d, Secretary, Cadre, Now));
        Assert.Null(t.Complete(d, Cadre, "已完成", null, Now));
        Assert.Null(t.Confirm(d, Secretary, Now));
        Assert.Equal(CommunityTaskStatus.Confirmed, t.Status);
        Assert.Equal(["下发至村(社区)", "签收", "交办", "办结", "书记确认办结"], d.History.Where(h => h.Task == t).Select(h => h.Action));
    }

    [Fact]
    public void Task_RefusesStepsOutOfOrder_AndCompletionByOthers()
    {
        var d = UnderReview();
        d.Approve(Reviewer, Now, null, null, null);
        var t = d.Tasks[0];
        Assert.Equal("conflict", t.Assign(d, Secretary, Cadre, Now)?.Code);
        Assert.Equal("conflict", t.Complete(d, Cadre, "x", null, Now)?.Code);
        Assert.Equal("conflict", t.Confirm(d, Secretary, Now)?.Code);
        t.Receive(d, Secretary, Now);
        Assert.Equal("conflict", t.Receive(d, Secretary, Now)?.Code);
        t.Assign(d, Secretary, Cadre, Now);
        Assert.Equal("forbidden", t.Complete(d, Secretary, "x", null, Now)?.Code);
        Assert.Equal("validation", t.Complete(d, Cadre, "  ", null, Now)?.Code);
        Assert.Equal(CommunityTaskStatus.Assigned, t.Status);
        Assert.Null(t.Assign(d, Secretary, new Actor("g", "钱网格"), Now));
        Assert.Equal("改派", d.History.Last().Action);
    }

    [Fact]
    public void Task_IsOverdue_OnlyWhileOpenPastItsDueDate()
    {
        var task = new CommunityTask { CommunityCode = "x", CommunityName = "x", DueDate = new DateOnly(2026, 11, 20), Status = CommunityTaskStatus.Assigned };
        Assert.True(task.IsOverdue(new DateOnly(2026, 11, 21)));
        Assert.False(task.IsOverdue(new DateOnly(2026, 11, 20)));
        task.Status = CommunityTaskStatus.Completed;
        Assert.False(task.IsOverdue(new DateOnly(2026, 11, 21)));
    }
}
