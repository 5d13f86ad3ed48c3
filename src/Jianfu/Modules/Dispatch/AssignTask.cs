using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Notifications.Contracts;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Dispatch;

/// <summary>The secretary assigns a received task to a cadre or grid worker of the community (or to themself).</summary>
internal static class AssignTask
{
    public sealed record Request(string? Assignee);

    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, IOrganisationDirectory directory, INotifier notifier, TimeProvider time)
    {
        public async Task<Result<TaskResponse>> HandleAsync(int taskId, string? assignee, CancellationToken ct)
        {
            var loaded = await TaskContext.LoadAsync(db, current, directory, taskId, ct);
            if (!loaded.IsSuccess)
            {
                return loaded.Error!;
            }

            var c = loaded.Value;
            if (!c.IsSecretary)
            {
                return Error.Forbidden($"只有{c.Community.Name}的书记可以交办此任务。");
            }

            if (string.IsNullOrWhiteSpace(assignee))
            {
                return Error.Validation("assignee", "请选择承办人。");
            }

            var staff = (await directory.UsersWithRoleAsync(Role.Cadre, c.Community.Id, ct))
                .Concat(await directory.UsersWithRoleAsync(Role.Secretary, c.Community.Id, ct))
                .ToList();
            var person = staff.FirstOrDefault(u => u.UserName == assignee.Trim() || u.Id == assignee.Trim());
            if (person is null)
            {
                return Error.Validation("assignee", $"“{assignee}”不是{c.Community.Name}的干部或网格员。");
            }

            var error = c.Task.Assign(c.Dispatch, c.Actor, new Actor(person.Id, person.DisplayName), time.UtcNow());
            if (error is not null)
            {
                return error;
            }

            if (person.Id != c.Actor.UserId)
            {
                var due = c.Task.DueDate is { } d ? $",{d:M月d日}前完成" : "";
                notifier.Queue(person.Id, "task-assigned", $"交办给您的任务:{c.Dispatch.Title}", $"{c.Actor.Name}交办{due}。", $"/tasks/{c.Task.Id}");
            }

            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return TaskResponse.From(c.Task, time.Today());
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/tasks/{taskId:int}/assign", async (int taskId, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(taskId, request.Assignee, ct)).ToHttp(Results.Ok))
            .WithName("AssignTask")
            .WithSummary("书记将任务交办给本村(社区)干部或网格员(assignee 为用户名)")
            .Produces<TaskResponse>();
}
