using Jianfu.Modules.Notifications.Contracts;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Dispatch;

/// <summary>The secretary sends completed work back to its cadre to be redone (退回重办), with the reason; the cadre is told at once.</summary>
internal static class SendBackTask
{
    public sealed record Request(string? Reason);

    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, IOrganisationDirectory directory, INotifier notifier, TimeProvider time)
    {
        public async Task<Result<TaskResponse>> HandleAsync(int taskId, string? reason, CancellationToken ct)
        {
            var loaded = await TaskContext.LoadAsync(db, current, directory, taskId, ct);
            if (!loaded.IsSuccess)
            {
                return loaded.Error!;
            }

            var c = loaded.Value;
            if (!c.IsSecretary)
            {
                return Error.Forbidden($"只有{c.Community.Name}的书记可以退回重办。");
            }

            if (c.Task.SendBack(c.Dispatch, c.Actor, reason, time.UtcNow()) is { } error)
            {
                return error;
            }

            if (c.Task.AssigneeId is { } assignee && assignee != c.Actor.UserId)
            {
                notifier.Queue(assignee, "task-returned", $"任务被退回重办:{c.Dispatch.Title}", $"{c.Actor.Name}:{c.Task.ReturnReason}", $"/tasks/{c.Task.Id}");
            }

            return await db.TrySaveAsync(ct) is { } notSaved ? notSaved : TaskResponse.From(c.Task, time.Today());
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/tasks/{taskId:int}/send-back", async (int taskId, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(taskId, request.Reason, ct)).ToHttp(Results.Ok))
            .WithName("SendBackTask")
            .WithSummary("书记退回重办(reason 必填):已办结待确认的任务回到承办人手中,承办人随即收到消息")
            .Produces<TaskResponse>();
}
