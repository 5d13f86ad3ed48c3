using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;
using DispatchEntity = Jianfu.Modules.Dispatch.Domain.Dispatch;

namespace Jianfu.Modules.Dispatch;

/// <summary>A dispatch as the API returns it.</summary>
public sealed record DispatchView(
    int Id,
    string Status,
    string StatusText,
    string Title,
    string Content,
    string? ScreeningCode,
    string? DutyItemName,
    string? DueDate,
    bool IsMajor,
    string? Justification,
    string? UrgencyReason,
    string IssuerUnit,
    string Department,
    string Dispatcher,
    string? CollectiveDecision,
    string? DecisionReason,
    string? RerouteTo,
    IReadOnlyList<GateCheck> Checks,
    IReadOnlyList<DispatchView.Target> Targets,
    IReadOnlyList<string> CoAssignees,
    IReadOnlyList<DispatchView.HistoryEntry> History)
{
    /// <summary>What the user reading it may do with it (filled by GetDispatch for the page and the API).</summary>
    public DispatchActions? Actions { get; init; }

    public sealed record Target(string UnitCode, string UnitName, string Status, int? TaskId, string? Assignee, bool Overdue);

    public sealed record HistoryEntry(DateTime At, string Actor, string Action, string? Note, int? TaskId);

    /// <param name="visibleCommunities">null: all targets; otherwise only these communities' targets and history.</param>
    internal static DispatchView From(DispatchEntity d, DateOnly today, IReadOnlySet<int>? visibleCommunities = null)
    {
        // One task per community is a database rule; a reader still never fails on a row it did not expect.
        var tasks = d.Tasks.OrderBy(t => t.Id).DistinctBy(t => t.CommunityId).ToDictionary(t => t.CommunityId);
        var targets = d.Targets
            .Where(t => visibleCommunities is null || visibleCommunities.Contains(t.CommunityId))
            .OrderBy(t => t.CommunityCode, StringComparer.Ordinal)
            .Select(t => tasks.TryGetValue(t.CommunityId, out var task)
                ? new Target(t.CommunityCode, t.CommunityName, task.Status.ToString(), task.Id, task.AssigneeName, task.IsOverdue(today))
                : new Target(t.CommunityCode, t.CommunityName, "NotIssued", null, null, false))
            .ToList();
        var visibleTasks = visibleCommunities is null ? null : d.Tasks.Where(t => visibleCommunities.Contains(t.CommunityId)).Select(t => t.Id).ToHashSet();
        var history = d.History
            .Where(h => visibleTasks is null || h.TaskId is null || visibleTasks.Contains(h.TaskId.Value))
            .OrderBy(h => h.At).ThenBy(h => h.Id)
            .Select(h => new HistoryEntry(DateTime.SpecifyKind(h.At, DateTimeKind.Utc), h.ActorName, h.Action, h.Note, h.TaskId))
            .ToList();
        return new DispatchView(
            d.Id, d.Status.ToString(), d.Status.Chinese(), d.Title, d.Content, d.ScreeningCode, d.DutyItemName,
            d.DueDate?.ToString("yyyy-MM-dd"), d.IsMajor, d.Justification, d.UrgencyReason, d.IssuerUnitName, d.DepartmentName,
            d.DispatcherName,
            d.CollectiveDecisionDate is { } cd ? $"{cd:yyyy-MM-dd} {d.CollectiveDecisionOutcome}" : null,
            d.DecisionReason, d.RerouteDepartmentName, d.Checks, targets, d.CoAssignees.Select(c => c.Name).ToList(), history);
    }
}

/// <summary>A line of a dispatch list (review queue, my dispatches, rerouted to us).</summary>
internal sealed record DispatchSummary(
    int Id,
    string Title,
    string Status,
    string? ScreeningCode,
    string Department,
    string IssuerUnit,
    DateTime? SubmittedAt,
    string? DueDate,
    int Targets,
    int Warnings,
    bool IsMajor,
    bool OutOfList,
    string? DecisionReason,
    string? RerouteTo);

internal static class DispatchSummaries
{
    public const int PageSize = 50;

    public static async Task<List<DispatchSummary>> PageAsync(IQueryable<DispatchEntity> query, int page, CancellationToken ct)
    {
        var rows = await query
            .Skip(Math.Max(0, page - 1) * PageSize)
            .Take(PageSize)
            .Select(d => new
            {
                d.Id, d.Title, d.Status, d.ScreeningCode, d.DepartmentName, d.IssuerUnitName, d.SubmittedAt, d.DueDate,
                Targets = d.Targets.Count, d.Checks, d.IsMajor, d.DecisionReason, d.RerouteDepartmentName,
            })
            .ToListAsync(ct);
        return rows.Select(r => new DispatchSummary(
            r.Id, r.Title, r.Status.ToString(), r.ScreeningCode, r.DepartmentName, r.IssuerUnitName,
            r.SubmittedAt is { } s ? DateTime.SpecifyKind(s, DateTimeKind.Utc) : null, r.DueDate?.ToString("yyyy-MM-dd"),
            r.Targets, r.Checks.Count(c => c.Severity == Contracts.Severity.Warn), r.IsMajor, r.ScreeningCode is null,
            r.DecisionReason, r.RerouteDepartmentName)).ToList();
    }
}

/// <summary>What a user may do with a dispatch: review it (and reroute it to one of the bodies), withdraw it.</summary>
/// <param name="NeedsCollectiveDecision">Approval needs the collective decision record the reviewer must enter.</param>
public sealed record DispatchActions(bool CanReview, bool CanWithdraw, bool NeedsCollectiveDecision, IReadOnlyList<DepartmentInfo> RerouteBodies);
