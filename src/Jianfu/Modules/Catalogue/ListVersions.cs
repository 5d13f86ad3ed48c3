using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Catalogue;

/// <summary>The versions of a district's catalogue, newest first, with their item counts and change history.</summary>
internal static class ListVersions
{
    public sealed record VersionResponse(int Id, int Year, string Title, string Status, int Items, int Active, DateTime? PublishedAt)
    {
        public static VersionResponse From(CatalogueVersion v) =>
            new(v.Id, v.Year, v.Title, v.Status.ToString(), v.Items.Count, v.Items.Count(i => i.Status == Contracts.DutyItemStatus.Active), v.PublishedAt);
    }

    public sealed record HistoryResponse(DateTime At, string Actor, string Action, string? Note, int? VersionId);

    public sealed class Handler(JianfuDbContext db, CatalogueAccess access)
    {
        public async Task<Result<List<VersionResponse>>> HandleAsync(string? district, CancellationToken ct)
        {
            var unit = await access.DistrictByCodeAsync(district, ct);
            if (unit is null)
            {
                return Error.Validation("district", "请指定有效的区县代码 district。");
            }

            var versions = await db.CatalogueVersions.AsNoTracking()
                .Where(v => v.DistrictId == unit.Id)
                .OrderByDescending(v => v.Year)
                .Select(v => new VersionResponse(v.Id, v.Year, v.Title, v.Status.ToString(), v.Items.Count,
                    v.Items.Count(i => i.Status == Contracts.DutyItemStatus.Active), v.PublishedAt))
                .ToListAsync(ct);
            return versions;
        }

        /// <summary>The latest changes to a district's catalogue, newest first (the admin page's history).</summary>
        public Task<List<HistoryResponse>> HistoryAsync(int districtId, int take, CancellationToken ct) =>
            db.CatalogueHistory.AsNoTracking()
                .Where(h => h.DistrictId == districtId)
                .OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
                .Take(take)
                .Select(h => new HistoryResponse(h.At, h.Actor, h.Action, h.Note, h.VersionId))
                .ToListAsync(ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/catalogue/versions", async (string? district, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(district, ct)).ToHttp(Results.Ok))
            .WithName("ListCatalogueVersions")
            .WithSummary("区县事项清单的各年度版本(草稿、已发布、已废止)")
            .Produces<List<VersionResponse>>();
}
