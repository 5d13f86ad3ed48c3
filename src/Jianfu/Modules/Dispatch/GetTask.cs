using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Dispatch;

/// <summary>One village task with its dispatch, and what the signed-in user may do with it (the task page, <c>GET /api/v1/tasks/{id}</c>).</summary>
internal static class GetTask
{
    public sealed record TaskView(
        int Id, int DispatchId, string Status, string StatusText, string CommunityName, string? DueDate, bool Overdue, string? AssigneeId, string? Assignee,
        string? Result, string? ReturnReason, int TimesReturned, string? AttachmentName, TaskActions Actions, DispatchView Dispatch);

    /// <param name="Assignees">Whom the secretary may give it to: the community's cadres and secretaries.</param>
    /// <param name="CanReportBurden">The people doing it may tell the district's burden office that it should not be theirs.</param>
    /// <param name="CanMakeCase">Confirmed work may become a case of the case library.</param>
    public sealed record TaskActions(
        bool CanReceive, bool CanAssign, bool CanComplete, bool CanConfirm, bool CanReportBurden, bool CanMakeCase, IReadOnlyList<UserRef> Assignees);

    public sealed class Handler(JianfuDbContext db, GetDispatch.Handler dispatches, ICurrentUserAccessor current, IOrganisationDirectory directory, TimeProvider time)
    {
        public async Task<Result<TaskView>> HandleAsync(int taskId, CancellationToken ct)
        {
            // Read afresh (not through the context's tracked copy), so that after a refused action the page shows what is stored.
            var task = await db.CommunityTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
            if (task is null)
            {
                return Error.NotFound($"任务{taskId}不存在。");
            }

            var dispatch = await dispatches.HandleAsync(task.DispatchId, ct);
            if (!dispatch.IsSuccess)
            {
                return dispatch.Error!;
            }

            // A community sees its own part of a dispatch: another community's task is not in it.
            if (!dispatch.Value.Targets.Any(t => t.TaskId == task.Id))
            {
                return Error.Forbidden("您无权查看此任务。");
            }

            var user = await current.GetAsync(ct);
            var community = (await directory.FindUnitAsync(task.CommunityId, ct))!;
            var secretary = user.CanAct(Role.Secretary, community);
            var assignee = task.AssigneeId == user.UserId;
            var canAssign = secretary && task.CanBeAssigned;
            IReadOnlyList<UserRef> staff = canAssign
                ? [.. await directory.UsersWithRoleAsync(Role.Cadre, community.Id, ct), .. await directory.UsersWithRoleAsync(Role.Secretary, community.Id, ct)]
                : [];
            var actions = new TaskActions(
                secretary && task.CanBeReceived, canAssign, assignee && task.CanBeCompleted, secretary && task.AwaitsConfirmation,
                secretary || assignee, (secretary || assignee) && task.Status == CommunityTaskStatus.Confirmed, staff);
            return new TaskView(
                task.Id, task.DispatchId, task.Status.ToString(), task.Status.Chinese(), task.CommunityName, task.DueDate?.ToString("yyyy-MM-dd"),
                task.IsOverdue(time.Today()), task.AssigneeId, task.AssigneeName, task.Result, task.ReturnReason, task.TimesReturned, task.AttachmentName,
                actions, dispatch.Value);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/tasks/{taskId:int}", async (int taskId, Handler handler, CancellationToken ct) => (await handler.HandleAsync(taskId, ct)).ToHttp(Results.Ok))
            .WithName("GetTask")
            .WithSummary("村(社区)任务详情:状态、承办人、办理结果,以及本人可做的操作(签收、交办、办结、确认)")
            .Produces<TaskView>();
}
