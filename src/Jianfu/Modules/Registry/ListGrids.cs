using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Registry;

/// <summary>A community's grids (网格) with their grid workers and how many residents live in each: for whoever reads the community's registry.</summary>
public static class ListGrids
{
    public sealed record Item(int Id, string Name, string? WorkerName, string? WorkerPhone, string? WorkerSetBy, DateTime? WorkerSetAt, int Residents, int Version);

    public sealed record Response(string Community, string CommunityName, bool MayAssign, IReadOnlyList<Item> Grids);

    internal sealed class Handler(JianfuDbContext db, RegistryAccess access)
    {
        public async Task<Result<Response>> HandleAsync(string? community, CancellationToken ct)
        {
            var reader = await access.ReaderAsync(community, ct);
            if (!reader.IsSuccess)
            {
                return reader.Error!;
            }

            var unit = reader.Value.Scope;
            if (unit.Level != Jianfu.Modules.Organisation.Contracts.UnitLevel.Community)
            {
                return Error.Validation("community", "请填写一个村(社区)的单位代码。");
            }

            var grids = await db.Grids.AsNoTracking().Where(g => g.CommunityId == unit.Id).OrderBy(g => g.Name).ToListAsync(ct);
            var counts = await db.Residents.AsNoTracking().Where(r => r.CommunityId == unit.Id && r.GridId != null).GroupBy(r => r.GridId!.Value)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            var masked = !reader.Value.FullPhones;
            return new Response(unit.Code, unit.Name, AssignGridWorker.MayAssign(reader.Value.User, unit), grids.Select(g => new Item(
                g.Id, g.Name, g.WorkerName, masked && g.WorkerPhone is { } p ? Domain.PhoneNumber.Mask(p) : g.WorkerPhone, g.WorkerSetBy,
                g.WorkerSetAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null, counts.GetValueOrDefault(g.Id), g.RowVersion)).ToList());
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/registry/grids", async (string? community, Handler handler, CancellationToken ct) => (await handler.HandleAsync(community, ct)).ToHttp(Results.Ok))
            .WithName("ListGrids")
            .WithSummary("一个村(社区)的网格、网格员和各网格居民人数;可查看该村(社区)人口数据的角色可见")
            .Produces<Response>();
}
