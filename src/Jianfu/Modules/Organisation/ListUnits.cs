using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Organisation;

/// <summary>The units tree, one level at a time: top-level districts, or the children of a unit.</summary>
internal static class ListUnits
{
    public sealed record UnitResponse(string Code, string Name, string Level, string Kind);

    public sealed class Handler(JianfuDbContext db)
    {
        public async Task<Result<List<UnitResponse>>> HandleAsync(string? parent, CancellationToken ct)
        {
            var query = db.Units.AsNoTracking();
            if (string.IsNullOrWhiteSpace(parent))
            {
                query = query.Where(u => u.ParentId == null);
            }
            else
            {
                var parentUnit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == parent, ct);
                if (parentUnit is null)
                {
                    return Error.NotFound($"单位代码“{parent}”不存在。");
                }

                query = query.Where(u => u.ParentId == parentUnit.Id);
            }

            var units = await query.OrderBy(u => u.Code).ToListAsync(ct);
            return units.Select(u => new UnitResponse(u.Code, u.Name, u.Level.ApiName(), u.Kind.ToString())).ToList();
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/units", async (string? parent, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(parent, ct)).ToHttp(Results.Ok))
            .WithName("ListUnits")
            .WithSummary("单位列表:不带 parent 为区县,带 parent 为其下级单位")
            .Produces<IReadOnlyList<UnitResponse>>();
}
