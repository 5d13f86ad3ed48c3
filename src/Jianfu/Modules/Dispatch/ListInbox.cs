using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Dispatch;

/// <summary>
/// One inbox for everything sent to the village: the secretary sees every task of the community, a cadre the
/// tasks assigned to them, professional staff the tasks they are co-assigned on.
/// </summary>
internal static class ListInbox
{
    public const int MaxRows = 200;

    public sealed record InboxItem(
        int TaskId,
        int DispatchId,
        string Title,
        string? ScreeningCode,
        string? DueDate,
        string Status,
        string StatusText,
        bool Overdue,
        string CommunityCode,
        string CommunityName,
        string Department,
        string? Assignee);

    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, TimeProvider time)
    {
        public async Task<Result<List<InboxItem>>> HandleAsync(bool includeClosed, CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            if (!user.IsAuthenticated)
            {
                return Error.Forbidden();
            }

            var communities = user.GrantsOf(Role.Secretary).Where(g => g.Unit.Level == UnitLevel.Community).Select(g => g.Unit.Id).ToList();
            var userId = user.UserId!;
            // Three indexed branches joined by UNION rather than one OR, which no index can serve.
            var tasks = db.CommunityTasks.AsNoTracking();
            var coAssigned = db.CoAssignees.Where(c => c.UserId == userId).Select(c => c.DispatchId);
            var query = tasks.Where(t => communities.Contains(t.CommunityId))
                .Union(tasks.Where(t => t.AssigneeId == userId))
                .Union(tasks.Where(t => coAssigned.Contains(t.DispatchId)));
            if (!includeClosed)
            {
                query = query.Where(t => t.Status != CommunityTaskStatus.Confirmed);
            }

            var today = time.Today();
            var rows = await query
                .OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenByDescending(t => t.Id)
                .Take(MaxRows)
                .Select(t => new
                {
                    t.Id, t.DispatchId, t.Dispatch!.Title, t.Dispatch.ScreeningCode, t.DueDate, t.Status,
                    t.CommunityCode, t.CommunityName, t.Dispatch.DepartmentName, t.AssigneeName,
                })
                .ToListAsync(ct);
            return rows.Select(r => new InboxItem(
                r.Id, r.DispatchId, r.Title, r.ScreeningCode, r.DueDate?.ToString("yyyy-MM-dd"), r.Status.ToString(), r.Status.Chinese(),
                CommunityTask.IsOverdue(r.DueDate, r.Status, today),
                r.CommunityCode, r.CommunityName, r.DepartmentName, r.AssigneeName)).ToList();
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/inbox", async (string? status, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(string.Equals(status, "all", StringComparison.OrdinalIgnoreCase), ct)).ToHttp(Results.Ok))
            .WithName("ListInbox")
            .WithSummary("村(社区)任务收件箱:书记看本村(社区)全部任务,干部看交办给本人的任务;status=all 含已确认办结的")
            .Produces<List<InboxItem>>();
}
