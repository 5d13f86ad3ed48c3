using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Files;

namespace Jianfu.Modules.Dispatch;

/// <summary>A task's attachment, for whoever may see that community's part of the dispatch.</summary>
internal static class DownloadAttachment
{
    public sealed class Handler(JianfuDbContext db, GetDispatch.Handler dispatches, AttachmentStore files)
    {
        public async Task<IResult> HandleAsync(int taskId, CancellationToken ct)
        {
            var task = await db.CommunityTasks.FindAsync([taskId], ct);
            if (task?.AttachmentKey is null)
            {
                return Error.NotFound("该任务没有附件。").ToProblem();
            }

            var dispatch = await GetDispatch.LoadAsync(db, task.DispatchId, ct);
            var visible = await dispatches.VisibleCommunitiesAsync(dispatch!, ct);
            if (!visible.IsSuccess || (!visible.Value.All && !visible.Value.Communities.Contains(task.CommunityId)))
            {
                return (visible.Error ?? Error.Forbidden()).ToProblem();
            }

            var stream = files.Open(task.AttachmentKey);
            return stream is null
                ? Error.NotFound("附件文件已不存在。").ToProblem()
                : Results.File(stream, task.AttachmentContentType ?? "application/octet-stream", task.AttachmentName);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/tasks/{taskId:int}/attachment", (int taskId, Handler handler, CancellationToken ct) => handler.HandleAsync(taskId, ct))
            .WithName("DownloadTaskAttachment")
            .WithSummary("下载任务办结时的附件");
}
