using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Registry;

/// <summary>
/// The community's secretary (or the district's data keeper) names each grid's worker (网格员), with a phone: the
/// ledgers then say who calls on whom. Recorded with who and when; of two people naming one grid's worker at once, one
/// is saved and the other told.
/// </summary>
public static class AssignGridWorker
{
    /// <param name="Version">The grid's version as read (ListGrids), so that a change made meanwhile is not overwritten.</param>
    public sealed record Request(string? WorkerName, string? WorkerPhone, int? Version);

    internal static bool MayAssign(CurrentUser user, UnitInfo community) =>
        RegistryAccess.Keeps(user, community) || user.Grants.Any(g => g.Role == Role.Secretary && g.Unit.Id == community.Id);

    internal sealed class Handler(JianfuDbContext db, RegistryAccess access, TimeProvider time)
    {
        public async Task<Result<ListGrids.Item>> HandleAsync(int id, Request r, CancellationToken ct)
        {
            var grid = await db.Grids.FirstOrDefaultAsync(g => g.Id == id, ct);
            var user = await access.UserAsync(ct);
            var community = grid is null ? null : await access.Directory.FindUnitAsync(grid.CommunityId, ct);
            if (grid is null || community is null || RegistryAccess.ReaderOf(user, community) is null)
            {
                return Error.NotFound("网格不存在,或不在您的管辖范围内。");
            }

            if (!MayAssign(user, community))
            {
                return Error.Forbidden("只有本村(社区)书记和区数据管理员可以安排网格员。");
            }

            if (r.Version is { } version && version != grid.RowVersion)
            {
                return Error.Stale();
            }

            if (grid.AssignWorker(r.WorkerName, r.WorkerPhone, user.DisplayName, time.UtcNow()) is { } wrong)
            {
                return Error.Validation("workerName", wrong);
            }

            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            var residents = await db.Residents.CountAsync(x => x.GridId == grid.Id, ct);
            return new ListGrids.Item(grid.Id, grid.Name, grid.WorkerName, grid.WorkerPhone, grid.WorkerSetBy, grid.WorkerSetAt, residents, grid.RowVersion);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/registry/grids/{id:int}/worker", async (int id, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(Results.Ok))
            .WithName("AssignGridWorker")
            .WithSummary("安排网格员(姓名、电话;留空为撤销),记录安排人和时间;version 为读取时的版本,他人已改过则 409;本村(社区)书记或区数据管理员")
            .Produces<ListGrids.Item>();
}
