using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Files;
using Jianfu.Platform.Time;
using Microsoft.AspNetCore.Mvc;

namespace Jianfu.Modules.Dispatch;

/// <summary>
/// The assignee records the result in one short field. An attachment may be added but is never required:
/// the platform must not ask for photos as proof (整治形式主义为基层减负若干规定).
/// </summary>
internal static class CompleteTask
{
    public const int MaxResultLength = 2000;

    public sealed record Request(string? Result);

    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, IOrganisationDirectory directory, AttachmentStore files, TimeProvider time)
    {
        public async Task<Result<TaskResponse>> HandleAsync(int taskId, Request request, IFormFile? attachment, CancellationToken ct)
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

            StoredFile? stored = null;
            if (attachment is not null && c.Task.AssigneeId == c.User.UserId)
            {
                var saved = await files.SaveAsync(attachment, AttachmentStore.DefaultMaxBytes, ct);
                if (!saved.IsSuccess)
                {
                    return saved.Error!;
                }

                stored = saved.Value;
            }

            var error = c.Task.Complete(c.Dispatch, c.Actor, request.Result, stored, time.UtcNow());
            if (error is not null)
            {
                if (stored is not null)
                {
                    files.Delete(stored.Key);
                }

                return error;
            }

            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return TaskResponse.From(c.Task, time.Today());
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/tasks/{taskId:int}/complete", async (int taskId, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(taskId, request, null, ct)).ToHttp(Results.Ok))
            .WithName("CompleteTask")
            .WithSummary("承办人办结任务,简要填写结果(不要求照片)")
            .Produces<TaskResponse>();
        api.MapPost("/tasks/{taskId:int}/complete-with-attachment", async (int taskId, [FromForm] string? result, IFormFile? file, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(taskId, new Request(result), file, ct)).ToHttp(Results.Ok))
            .WithName("CompleteTaskWithAttachment")
            .WithSummary("办结并附一个附件(multipart:result, file;图片/PDF/Office 文档,不超过10MB,可不附)")
            .Produces<TaskResponse>();
    }
}
