using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;

namespace Jianfu.Modules.Dispatch;

/// <summary>The queue of a body that rejected dispatches were rerouted to (转派), e.g. 综合行政执法队.</summary>
internal static class ListRerouted
{
    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current)
    {
        public async Task<Result<List<DispatchSummary>>> HandleAsync(int page, CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var departments = user.Grants.Where(g => g.Department is not null).Select(g => g.Department!.Id).Distinct().ToList();
            if (departments.Count == 0)
            {
                return Error.Forbidden("只有部门人员可以查看转派给本部门的事项。");
            }

            var query = db.Dispatches
                .Where(d => d.Status == DispatchStatus.Rejected && d.RerouteDepartmentId != null && departments.Contains(d.RerouteDepartmentId.Value))
                .OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id);
            return await DispatchSummaries.PageAsync(query, page, ct);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/rerouted", async (int? page, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(page ?? 1, ct)).ToHttp(Results.Ok))
            .WithName("ListRerouted")
            .WithSummary("转派给本部门的事项(审核人驳回村社任务时指定的应办单位)")
            .Produces<List<DispatchSummary>>();
}
