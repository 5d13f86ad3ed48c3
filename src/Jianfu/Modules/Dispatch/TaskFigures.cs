using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Dispatch;

/// <summary>The figures assessment reads of tasks and dispatches (<see cref="ITaskFigures"/>).</summary>
internal sealed class TaskFigures(JianfuDbContext db) : ITaskFigures
{
    public async Task<IReadOnlyList<TaskFact>> TasksIssuedAsync(int districtId, DateTime fromUtc, DateTime toUtc, CancellationToken ct) =>
        (await db.CommunityTasks.AsNoTracking()
            .Where(t => t.CreatedAt >= fromUtc && t.CreatedAt < toUtc && t.Dispatch!.DistrictId == districtId)
            .Select(t => new { t.CommunityId, t.AssigneeId, t.AssigneeName, t.DueDate, t.CompletedAt, t.Status, t.TimesReturned })
            .ToListAsync(ct))
        .Select(t => new TaskFact(t.CommunityId, t.AssigneeId, t.AssigneeName, t.DueDate, t.CompletedAt?.ChinaDate(),
            t.Status == CommunityTaskStatus.Confirmed, t.TimesReturned > 0))
        .ToList();

    public async Task<IReadOnlyDictionary<int, int>> RejectedDispatchesAsync(int districtId, DateTime fromUtc, DateTime toUtc, CancellationToken ct) =>
        await db.Dispatches.AsNoTracking()
            .Where(d => d.DistrictId == districtId && d.Status == DispatchStatus.Rejected && d.DepartmentId != null && d.DecidedAt >= fromUtc && d.DecidedAt < toUtc)
            .GroupBy(d => d.DepartmentId!.Value)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}
