using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Layout;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Dispatch;

/// <summary>
/// The dispatch work waiting for the signed-in user: for a village, tasks to sign for, to do (and of those, sent back),
/// and to confirm; for a reviewer, dispatches to decide; for a dispatcher, dispatches returned for changes.
/// </summary>
internal sealed class CountMyWork(JianfuDbContext db, ICurrentUserAccessor current) : IWorkSource
{
    public async Task<IReadOnlyList<WorkCount>> CountAsync(CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        if (!user.IsAuthenticated)
        {
            return [];
        }

        var counts = new List<WorkCount>();
        var tasks = db.CommunityTasks.AsNoTracking();
        var communities = user.GrantsOf(Role.Secretary).Where(g => g.Unit.Level == UnitLevel.Community).Select(g => g.Unit.Id).ToList();
        if (communities.Count > 0)
        {
            counts.Add(new("/inbox", "待签收的任务", await tasks.CountAsync(t => communities.Contains(t.CommunityId) && t.Status == CommunityTaskStatus.Pending, ct)));
        }

        if (communities.Count > 0 || user.Has(Role.Cadre))
        {
            var mine = tasks.Where(t => t.AssigneeId == user.UserId && t.Status == CommunityTaskStatus.Assigned);
            counts.Add(new("/inbox", "交办给我、待办理的任务", await mine.CountAsync(ct)));
            counts.Add(new("/inbox", "其中被退回重办的", await mine.CountAsync(t => t.ReturnReason != null, ct), InMenu: false));
        }

        if (communities.Count > 0)
        {
            counts.Add(new("/inbox", "已办结、待我确认的任务", await tasks.CountAsync(t => communities.Contains(t.CommunityId) && t.Status == CommunityTaskStatus.Completed, ct)));
        }

        var reviewUnits = user.GrantsOf(Role.Reviewer).Select(g => g.Unit.Id).ToList();
        if (reviewUnits.Count > 0)
        {
            counts.Add(new("/review", "待审核的派单", await db.Dispatches.CountAsync(d => reviewUnits.Contains(d.ReviewUnitId) && d.Status == DispatchStatus.UnderReview, ct)));
        }

        if (user.Has(Role.Dispatcher))
        {
            counts.Add(new("/dispatches", "退回修改的派单", await db.Dispatches.CountAsync(d => d.DispatcherId == user.UserId && d.Status == DispatchStatus.Returned, ct)));
        }

        return counts;
    }
}
