using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Dispatch;

/// <summary>The secretary confirms a completed task, closing it for the community.</summary>
internal static class ConfirmTask
{
    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, IOrganisationDirectory directory, TimeProvider time)
    {
        public async Task<Result<TaskResponse>> HandleAsync(int taskId, CancellationToken ct)
        {
            var loaded = await TaskContext.LoadAsync(db, current, directory, taskId, ct);
            if (!loaded.IsSuccess)
            {
                return loaded.Error!;
            }

            var c = loaded.Value;
            if (!c.IsSecretary)
            {
                return Error.Forbidden($"只有{c.Community.Name}的书记可以确认办结。");
            }

            var error = c.Task.Confirm(c.Dispatch, c.Actor, time.UtcNow());
            if (error is not null)
            {
                return error;
            }

            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return TaskResponse.From(c.Task, time.Today());
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/tasks/{taskId:int}/confirm", async (int taskId, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(taskId, ct)).ToHttp(Results.Ok))
            .WithName("ConfirmTask")
            .WithSummary("书记确认办结")
            .Produces<TaskResponse>();
}
