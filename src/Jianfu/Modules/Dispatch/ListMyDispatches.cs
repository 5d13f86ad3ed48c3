using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;

namespace Jianfu.Modules.Dispatch;

/// <summary>The dispatches of the dispatcher's department (or their own, without a department), newest first.</summary>
internal static class ListMyDispatches
{
    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current)
    {
        public async Task<Result<List<DispatchSummary>>> HandleAsync(int page, CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            if (!user.Has(Role.Dispatcher))
            {
                return Error.Forbidden("只有派单人员可以查看本部门派单。");
            }

            var departments = user.GrantsOf(Role.Dispatcher).Where(g => g.Department is not null).Select(g => g.Department!.Id).ToList();
            var query = db.Dispatches.Where(d => d.DispatcherId == user.UserId || (d.DepartmentId != null && departments.Contains(d.DepartmentId.Value)))
                .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id);
            return await DispatchSummaries.PageAsync(query, page, ct);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/dispatches", async (int? page, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(page ?? 1, ct)).ToHttp(Results.Ok))
            .WithName("ListMyDispatches")
            .WithSummary("本部门发出的派单,最新在前,每页50条")
            .Produces<List<DispatchSummary>>();
}
