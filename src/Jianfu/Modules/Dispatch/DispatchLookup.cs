using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Dispatch;

internal sealed class DispatchLookup(JianfuDbContext db) : IDispatchLookup
{
    public Task<TaskOutcome?> FindConfirmedAsync(int taskId, CancellationToken ct) =>
        db.CommunityTasks.AsNoTracking()
            .Where(t => t.Id == taskId && t.Status == CommunityTaskStatus.Confirmed)
            .Select(t => new TaskOutcome(t.Id, t.CommunityId, t.CommunityName, t.Dispatch!.Title, t.Dispatch.Content, t.Result,
                t.AssigneeName, t.Dispatch.DepartmentName, t.Dispatch.ScreeningCode, t.ConfirmedAt))
            .FirstOrDefaultAsync(ct);

    public Task<TaskInfo?> FindTaskAsync(int taskId, CancellationToken ct) =>
        db.CommunityTasks.AsNoTracking()
            .Where(t => t.Id == taskId)
            .Select(t => new TaskInfo(t.Id, t.DispatchId, t.CommunityId, t.Dispatch!.Title, t.Dispatch.ScreeningCode, t.Dispatch.DepartmentId, t.Dispatch.DepartmentName, t.AssigneeId))
            .FirstOrDefaultAsync(ct);
}
