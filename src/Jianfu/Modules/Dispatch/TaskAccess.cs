using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Dispatch;

/// <summary>Loads a community task with its dispatch and the community, for the four task actions.</summary>
internal sealed record TaskContext(CommunityTask Task, Domain.Dispatch Dispatch, UnitInfo Community, CurrentUser User)
{
    public Actor Actor => DispatchAccess.ActorOf(User);

    public bool IsSecretary => User.CanAct(Role.Secretary, Community);

    public static async Task<Result<TaskContext>> LoadAsync(JianfuDbContext db, ICurrentUserAccessor current, IOrganisationDirectory directory, int taskId, CancellationToken ct)
    {
        var task = await db.CommunityTasks.Include(t => t.Dispatch).FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            return Error.NotFound($"任务{taskId}不存在。");
        }

        var user = await current.GetAsync(ct);
        var community = (await directory.FindUnitAsync(task.CommunityId, ct))!;
        return new TaskContext(task, task.Dispatch!, community, user);
    }
}
