using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Text;

namespace Jianfu.Modules.Dispatch.Domain;

internal enum DispatchStatus
{
    Draft,
    UnderReview,
    Returned,
    Rejected,
    Withdrawn,
    Approved,
}

/// <summary>Who did something, as it is written into history.</summary>
internal sealed record Actor(string UserId, string Name);

/// <summary>派单: one task from a township department or district agency to one or many communities.</summary>
internal sealed class Dispatch : IVersioned
{
    public int Id { get; set; }

    public int RowVersion { get; set; }

    public required string Title { get; set; }

    public required string Content { get; set; }

    public string? ScreeningCode { get; set; }

    public string? DutyItemName { get; set; }

    public int? CatalogueVersionId { get; set; }

    public DateOnly? DueDate { get; set; }

    public string? Justification { get; set; }

    public string? UrgencyReason { get; set; }

    public bool IsMajor { get; set; }

    public DateOnly? CollectiveDecisionDate { get; set; }

    public string? CollectiveDecisionOutcome { get; set; }

    public int DistrictId { get; set; }

    public int IssuerUnitId { get; set; }

    public required string IssuerUnitName { get; set; }

    public int? DepartmentId { get; set; }

    public required string DepartmentName { get; set; }

    public required string DispatcherId { get; set; }

    public required string DispatcherName { get; set; }

    /// <summary>The unit whose Reviewer decides: the township for a township department, the district for a district agency.</summary>
    public int ReviewUnitId { get; set; }

    public DispatchStatus Status { get; set; }

    public string? DecisionReason { get; set; }

    public int? RerouteDepartmentId { get; set; }

    public string? RerouteDepartmentName { get; set; }

    public List<GateCheck> Checks { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public DateTime? DecidedAt { get; set; }

    public List<DispatchTarget> Targets { get; set; } = [];

    public List<CommunityTask> Tasks { get; set; } = [];

    public List<CoAssignee> CoAssignees { get; set; } = [];

    public List<DispatchHistory> History { get; set; } = [];

    /// <summary>Out-of-list (justified) and major items need a collective decision record before approval.</summary>
    public bool NeedsCollectiveDecision => IsMajor || string.IsNullOrWhiteSpace(ScreeningCode);

    /// <summary>Approval waits for the collective decision record (meeting date and outcome) this dispatch needs.</summary>
    public bool AwaitsCollectiveDecision => NeedsCollectiveDecision && CollectiveDecisionDate is null;

    public bool IsOpenForEditing => Status is DispatchStatus.Draft or DispatchStatus.Returned;

    /// <summary>The issuer may take it back until it is decided: a draft, under review or returned.</summary>
    public bool CanBeWithdrawn => Status is DispatchStatus.Draft or DispatchStatus.UnderReview or DispatchStatus.Returned;

    public void Record(Actor actor, DateTime at, string action, string? note = null, CommunityTask? task = null) =>
        History.Add(new DispatchHistory { At = at, ActorId = actor.UserId, ActorName = actor.Name, Action = action, Note = note, Task = task });

    /// <summary>Draft or Returned → UnderReview, only when no check blocks.</summary>
    public Error? Submit(IReadOnlyList<GateCheck> checks, Actor actor, DateTime now)
    {
        if (!IsOpenForEditing)
        {
            return Refused("提交审核", "草稿或已退回");
        }

        Checks = [.. checks];
        if (AccessGate.Blocks(checks))
        {
            return BlockedError(checks);
        }

        var resubmission = Status == DispatchStatus.Returned;
        Status = DispatchStatus.UnderReview;
        SubmittedAt = now;
        var fingerprint = MinHash.ToBytes(MinHash.Of(Title + "\n" + Content));
        foreach (var target in Targets)
        {
            target.SubmittedAt = now;
            target.Fingerprint = fingerprint;
        }

        DecisionReason = null;
        var warnings = checks.Count(c => c.Severity == Severity.Warn);
        Record(actor, now, resubmission ? "修改后重新提交审核" : "提交审核",
            warnings == 0 ? "自动检查全部通过" : $"自动检查提示{warnings}项,待审核人把关");
        return null;
    }

    /// <summary>The reviewer may flag an item as major; it then needs a collective decision before approval.</summary>
    public Error? MarkMajor(Actor actor, DateTime now)
    {
        if (Status != DispatchStatus.UnderReview)
        {
            return Refused("标记为重大事项", "待审核");
        }

        if (!IsMajor)
        {
            IsMajor = true;
            Record(actor, now, "审核人标记为重大事项", "批准前须经集体研究");
        }

        return null;
    }

    public Error? Approve(Actor actor, DateTime now, DateOnly? decisionDate, string? decisionOutcome, string? note)
    {
        if (Status != DispatchStatus.UnderReview)
        {
            return Refused("批准", "待审核");
        }

        if (decisionOutcome is { Length: > 500 })
        {
            return Error.Validation("meetingOutcome", "研究结论不超过500字。");
        }

        if (decisionDate is not null && !string.IsNullOrWhiteSpace(decisionOutcome))
        {
            CollectiveDecisionDate = decisionDate;
            CollectiveDecisionOutcome = decisionOutcome.Trim();
        }

        if (NeedsCollectiveDecision && (CollectiveDecisionDate is null || string.IsNullOrWhiteSpace(CollectiveDecisionOutcome)))
        {
            return Error.Validation("meetingDate",
                (IsMajor ? "重大事项" : "清单外事项") + "须先录入集体研究决策记录(会议日期和研究结论)后方可批准。");
        }

        Status = DispatchStatus.Approved;
        DecidedAt = now;
        DecisionReason = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var decisionNote = CollectiveDecisionDate is { } d ? $"集体研究:{d:yyyy-MM-dd} {CollectiveDecisionOutcome}" : null;
        Record(actor, now, "审核通过", string.Join(";", new[] { DecisionReason, decisionNote }.Where(s => s is not null)));
        foreach (var target in Targets)
        {
            var task = new CommunityTask
            {
                CommunityId = target.CommunityId,
                CommunityCode = target.CommunityCode,
                CommunityName = target.CommunityName,
                DueDate = DueDate,
                Status = CommunityTaskStatus.Pending,
                CreatedAt = now,
            };
            Tasks.Add(task);
            Record(actor, now, "下发至村(社区)", target.CommunityName, task);
        }

        return null;
    }

    public Error? Reject(Actor actor, DateTime now, string? reason, int? rerouteDepartmentId, string? rerouteDepartmentName)
    {
        if (Status != DispatchStatus.UnderReview)
        {
            return Refused("驳回", "待审核");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Validation("reason", "驳回须写明理由。");
        }

        Status = DispatchStatus.Rejected;
        DecidedAt = now;
        DecisionReason = reason.Trim();
        RerouteDepartmentId = rerouteDepartmentId;
        RerouteDepartmentName = rerouteDepartmentName;
        Record(actor, now, rerouteDepartmentName is null ? "驳回" : $"驳回并转派至{rerouteDepartmentName}", DecisionReason);
        return null;
    }

    public Error? Return(Actor actor, DateTime now, string? reason)
    {
        if (Status != DispatchStatus.UnderReview)
        {
            return Refused("退回修改", "待审核");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Validation("reason", "退回修改须写明需要修改的地方。");
        }

        Status = DispatchStatus.Returned;
        DecidedAt = now;
        DecisionReason = reason.Trim();
        Record(actor, now, "退回修改", DecisionReason);
        return null;
    }

    public Error? Withdraw(Actor actor, DateTime now, string? note)
    {
        if (!CanBeWithdrawn)
        {
            return Refused("撤回", "草稿、待审核或已退回");
        }

        Status = DispatchStatus.Withdrawn;
        Record(actor, now, "撤回", note);
        return null;
    }

    public static Error BlockedError(IReadOnlyList<GateCheck> checks) =>
        new("gate-blocked", "未通过准入检查:" + string.Join(" ", checks.Where(c => c.Severity == Severity.Block).Select(c => c.Message)))
        {
            Extensions = new Dictionary<string, object?> { ["checks"] = checks },
        };

    private Error Refused(string action, string allowed) =>
        Error.Conflict($"当前状态为“{Status.Chinese()}”,不能{action};只有{allowed}状态的派单可以{action}。");
}

internal sealed class DispatchTarget
{
    public int Id { get; set; }

    public int DispatchId { get; set; }

    public int CommunityId { get; set; }

    public required string CommunityCode { get; set; }

    public required string CommunityName { get; set; }

    /// <summary>When the dispatch was (last) submitted to this community: the duplicate check looks back 30 days by it.</summary>
    public DateTime? SubmittedAt { get; set; }

    /// <summary>
    /// MinHash signature of the dispatch's title and content at submission. Kept on each target row, beside the
    /// index the duplicate check reads, so the check is one index range scan (see FindNearDuplicates).
    /// </summary>
    public byte[]? Fingerprint { get; set; }
}

/// <summary>资源下沉: professional staff of a department named to work with the village on this task.</summary>
internal sealed class CoAssignee
{
    public int Id { get; set; }

    public int DispatchId { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }
}

/// <summary>无感留痕: every transition, appended as it happens, so nobody writes a ledger afterwards.</summary>
internal sealed class DispatchHistory
{
    public long Id { get; set; }

    public int DispatchId { get; set; }

    public int? TaskId { get; set; }

    public CommunityTask? Task { get; set; }

    public DateTime At { get; set; }

    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    public required string Action { get; set; }

    public string? Note { get; set; }
}

internal static class DispatchStatusNames
{
    public static string Chinese(this DispatchStatus status) => status switch
    {
        DispatchStatus.Draft => "草稿",
        DispatchStatus.UnderReview => "待审核",
        DispatchStatus.Returned => "已退回修改",
        DispatchStatus.Rejected => "已驳回",
        DispatchStatus.Withdrawn => "已撤回",
        _ => "已批准下发",
    };
}
