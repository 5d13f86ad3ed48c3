using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Dispatch;

/// <summary>
/// The assignee records the result in one short field. An attachment may be named but is never required:
/// the platform must not ask for photos as proof (整治形式主义为基层减负若干规定).
/// </summary>
internal static class CompleteTask
{
    public const int MaxResultLength = 2000;

    public sealed record Request(string? Result, string? AttachmentName = null);

    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, IOrganisationDirectory directory, TimeProvider time)
    {
        public async Task<Result<TaskResponse>> HandleAsync(int taskId, Request request, CancellationToken ct)
        {
            var loaded = await TaskContext.LoadAsync(db, current, directory, taskId, ct);
            if (!loaded.IsSuccess)
            {
                return loaded.Error!;
            }

            var c = loaded.Value;
            if (request.Result is { Length: > MaxResultLength })
            {
                return Error.Validation("result", $"办理结果不超过{MaxResultLength}字。");
            }

            var error = c.Task.Complete(c.Dispatch, c.Actor, request.Result, request.AttachmentName?.Trim(), time.UtcNow());
            if (error is not null)
            {
                return error;
            }

            await db.SaveChangesAsync(ct);
            return TaskResponse.From(c.Task, time.Today());
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/tasks/{taskId:int}/complete", async (int taskId, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(taskId, request, ct)).ToHttp(Results.Ok))
            .WithName("CompleteTask")
            .WithSummary("承办人办结任务,简要填写结果(不要求照片)")
            .Produces<TaskResponse>();
}
