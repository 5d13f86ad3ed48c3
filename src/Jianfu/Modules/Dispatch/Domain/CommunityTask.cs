using System.Linq.Expressions;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Files;

namespace Jianfu.Modules.Dispatch.Domain;

internal enum CommunityTaskStatus
{
    Pending,
    Received,
    Assigned,
    Completed,
    Confirmed,
}

/// <summary>What an approved dispatch becomes in one community's inbox.</summary>
internal sealed class CommunityTask : IVersioned
{
    public int Id { get; set; }

    public int RowVersion { get; set; }

    public int DispatchId { get; set; }

    public Dispatch? Dispatch { get; set; }

    public int CommunityId { get; set; }

    public required string CommunityCode { get; set; }

    public required string CommunityName { get; set; }

    public DateOnly? DueDate { get; set; }

    public CommunityTaskStatus Status { get; set; }

    public string? AssigneeId { get; set; }

    public string? AssigneeName { get; set; }

    public string? Result { get; set; }

    public string? AttachmentName { get; set; }

    /// <summary>Where the attachment is kept in the attachment store (never a name the user chose).</summary>
    public string? AttachmentKey { get; set; }

    public string? AttachmentContentType { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReceivedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public DateTime? ConfirmedAt { get; set; }

    /// <summary>Why the secretary last sent the work back (退回重办), while it is being redone.</summary>
    public string? ReturnReason { get; set; }

    public int TimesReturned { get; set; }

    /// <summary>Work still to be done in the village: neither completed nor confirmed (a query's filter, translated to SQL).</summary>
    public static readonly Expression<Func<CommunityTask, bool>> Unfinished =
        t => t.Status != CommunityTaskStatus.Completed && t.Status != CommunityTaskStatus.Confirmed;

    public static bool IsUnfinished(CommunityTaskStatus status) => status is not (CommunityTaskStatus.Completed or CommunityTaskStatus.Confirmed);

    /// <summary>Past its due date (China days) and still unfinished.</summary>
    public static bool IsOverdue(DateOnly? dueDate, CommunityTaskStatus status, DateOnly today) => dueDate is { } due && due < today && IsUnfinished(status);

    public bool IsOverdue(DateOnly today) => IsOverdue(DueDate, Status, today);

    public bool CanBeReceived => Status == CommunityTaskStatus.Pending;

    /// <summary>Received work is given to a cadre; assigned work may be given to another.</summary>
    public bool CanBeAssigned => Status is CommunityTaskStatus.Received or CommunityTaskStatus.Assigned;

    public bool CanBeCompleted => Status == CommunityTaskStatus.Assigned;

    /// <summary>Completed work waits for the secretary: confirmed, or sent back to be redone.</summary>
    public bool AwaitsConfirmation => Status == CommunityTaskStatus.Completed;

    public Error? Receive(Dispatch dispatch, Actor actor, DateTime now)
    {
        if (!CanBeReceived)
        {
            return Refused("签收", "待签收");
        }

        Status = CommunityTaskStatus.Received;
        ReceivedAt = now;
        dispatch.Record(actor, now, "签收", CommunityName, this);
        return null;
    }

    public Error? Assign(Dispatch dispatch, Actor actor, Actor assignee, DateTime now)
    {
        if (!CanBeAssigned)
        {
            return Refused("交办", "已签收或已交办");
        }

        var reassign = Status == CommunityTaskStatus.Assigned;
        Status = CommunityTaskStatus.Assigned;
        AssigneeId = assignee.UserId;
        AssigneeName = assignee.Name;
        dispatch.Record(actor, now, reassign ? "改派" : "交办", $"{CommunityName} → {assignee.Name}", this);
        return null;
    }

    public Error? Complete(Dispatch dispatch, Actor actor, string? result, StoredFile? attachment, DateTime now)
    {
        if (!CanBeCompleted)
        {
            return Refused("办结", "已交办");
        }

        if (actor.UserId != AssigneeId)
        {
            return Error.Forbidden("只有承办人本人可以办结此任务。");
        }

        if (string.IsNullOrWhiteSpace(result))
        {
            return Error.Validation("result", "请简要填写办理结果。");
        }

        Status = CommunityTaskStatus.Completed;
        ReturnReason = null;
        Result = result.Trim();
        (AttachmentName, AttachmentKey, AttachmentContentType) = (attachment?.Name, attachment?.Key, attachment?.ContentType);
        CompletedAt = now;
        dispatch.Record(actor, now, "办结", attachment is null ? Result : $"{Result}(附件:{attachment.Name})", this);
        return null;
    }

    /// <summary>
    /// The secretary finds the completed work not done and sends it back (退回重办) to the same cadre, saying why; the
    /// cadre completes it again with the result as it was, to amend.
    /// </summary>
    public Error? SendBack(Dispatch dispatch, Actor actor, string? reason, DateTime now)
    {
        if (!AwaitsConfirmation)
        {
            return Refused("退回重办", "已办结待确认");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
        {
            return Error.Validation("reason", "请写明退回重办的原因(不超过500字),承办人据此修改。");
        }

        Status = CommunityTaskStatus.Assigned;
        ReturnReason = reason.Trim();
        TimesReturned++;
        CompletedAt = null;
        dispatch.Record(actor, now, "退回重办", $"{CommunityName} → {AssigneeName}:{ReturnReason}", this);
        return null;
    }

    public Error? Confirm(Dispatch dispatch, Actor actor, DateTime now)
    {
        if (!AwaitsConfirmation)
        {
            return Refused("确认", "已办结");
        }

        Status = CommunityTaskStatus.Confirmed;
        ConfirmedAt = now;
        dispatch.Record(actor, now, "书记确认办结", CommunityName, this);
        return null;
    }

    private Error Refused(string action, string allowed) =>
        Error.Conflict($"任务当前状态为“{Status.Chinese()}”,不能{action};只有{allowed}的任务可以{action}。");
}

internal static class CommunityTaskStatusNames
{
    public static string Chinese(this CommunityTaskStatus status) => status switch
    {
        CommunityTaskStatus.Pending => "待签收",
        CommunityTaskStatus.Received => "已签收",
        CommunityTaskStatus.Assigned => "已交办",
        CommunityTaskStatus.Completed => "已办结待确认",
        _ => "已确认办结",
    };
}
