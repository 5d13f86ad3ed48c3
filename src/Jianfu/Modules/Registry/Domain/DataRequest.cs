using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;

namespace Jianfu.Modules.Registry.Domain;

internal enum DataRequestStatus
{
    Submitted,
    Approved,
    Rejected,
}

internal static class DataRequestStatusNames
{
    public static string Chinese(this DataRequestStatus status) => status switch
    {
        DataRequestStatus.Submitted => "待审批",
        DataRequestStatus.Approved => "已批准",
        _ => "未批准",
    };
}

/// <summary>
/// 向系统要数据 (Pudong Nancheng): a department that needs data about residents asks the district's data keeper — its
/// purpose, legal basis (个人信息保护法 第十三条), fields, condition and unit — instead of sending the village a task.
/// Submitted → Approved (with the fields allowed, answered from the registry) or Rejected (with the reason). Each answer
/// read counts as a village task avoided.
/// </summary>
internal sealed class DataRequest : IVersioned
{
    public const int MaxPurpose = 500;
    public const int MaxBasis = 300;

    public int Id { get; set; }

    public int RowVersion { get; set; }

    public int DistrictId { get; set; }

    public int DepartmentId { get; set; }

    public required string DepartmentName { get; set; }

    public required string RequesterId { get; set; }

    public required string RequesterName { get; set; }

    public required string Purpose { get; set; }

    public required string Basis { get; set; }

    /// <summary>The fields asked for, comma-separated column ids.</summary>
    public required string Fields { get; set; }

    public required string ConditionsJson { get; set; }

    public int ScopeUnitId { get; set; }

    public required string ScopeCode { get; set; }

    public required string ScopeName { get; set; }

    /// <summary>The dispatch it replaces, when the gate turned a dispatch into this request.</summary>
    public int? FromDispatchId { get; set; }

    public DataRequestStatus Status { get; set; }

    public DateTime SubmittedAt { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? Reason { get; set; }

    /// <summary>The fields allowed, a subset of <see cref="Fields"/>.</summary>
    public string? ApprovedFields { get; set; }

    public DateTime? FirstAnsweredAt { get; set; }

    public int Answers { get; set; }

    public IReadOnlyList<string> FieldList => Fields.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<string> ApprovedList => (ApprovedFields ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);

    public Error? Approve(IReadOnlyList<string>? fields, string? reason, string actor, DateTime at)
    {
        if (Status != DataRequestStatus.Submitted)
        {
            return Error.Conflict("这项数据申请已经审批过了。");
        }

        var allowed = fields is null || fields.Count == 0 ? FieldList : fields.Distinct(StringComparer.Ordinal).ToList();
        if (allowed.Any(f => !FieldList.Contains(f)))
        {
            return Error.Validation("fields", "批准的字段只能是申请的字段之一。");
        }

        (Status, ApprovedFields, Reason, DecidedAt, DecidedBy) = (DataRequestStatus.Approved, string.Join(',', allowed), Clean(reason), at, actor);
        return null;
    }

    public Error? Reject(string? reason, string actor, DateTime at)
    {
        if (Status != DataRequestStatus.Submitted)
        {
            return Error.Conflict("这项数据申请已经审批过了。");
        }

        if (Clean(reason) is not { } why)
        {
            return Error.Validation("reason", "不批准时请写明理由。");
        }

        (Status, Reason, DecidedAt, DecidedBy) = (DataRequestStatus.Rejected, why, at, actor);
        return null;
    }

    public void Answered(DateTime at)
    {
        FirstAnsweredAt ??= at;
        Answers++;
    }

    private static string? Clean(string? text) => text?.Trim() is { Length: > 0 } t ? (t.Length > 300 ? t[..300] : t) : null;
}
