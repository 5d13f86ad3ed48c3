using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Catalogue;

/// <summary>Searches the published list by code or words. The list is public (一办法两清单 are published documents).</summary>
internal static class SearchItems
{
    public sealed record ItemResponse(string ScreeningCode, string Name, string Kind, string Status, string LegalBasis, string? ParentCode);

    /// <summary>Every whitespace-separated word must occur in the code, name, basis or description.</summary>
    public static IQueryable<DutyItem> Filter(IQueryable<DutyItem> items, string? query)
    {
        foreach (var word in (query ?? "").Split([' ', '\u3000', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(5))
        {
            var w = word;
            items = items.Where(i => i.ScreeningCode.Contains(w) || i.Name.Contains(w) || i.BasisDocument.Contains(w) || i.Description.Contains(w));
        }

        return items;
    }

    public sealed class Handler(JianfuDbContext db, IOrganisationDirectory directory)
    {
        public async Task<Result<List<ItemResponse>>> HandleAsync(string? district, string? q, int? versionId, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(district))
            {
                return Error.Validation("district", "请指定区县代码 district。");
            }

            var unit = await directory.FindUnitAsync(district.Trim(), ct);
            if (unit is null || unit.Level != UnitLevel.District)
            {
                return Error.NotFound($"区县代码“{district}”不存在。");
            }

            var items = db.DutyItems.AsNoTracking().Where(i => i.Version!.DistrictId == unit.Id);
            items = versionId is { } v
                ? items.Where(i => i.VersionId == v && i.Version!.Status != VersionStatus.Draft)
                : items.Where(i => i.Version!.Status == VersionStatus.Published);
            if (q is { Length: > 100 })
            {
                return Error.Validation("q", "搜索词不能超过100字。");
            }

            var found = await Filter(items, q).OrderBy(i => i.ScreeningCode).Take(500).ToListAsync(ct);
            return found.Select(i => new ItemResponse(i.ScreeningCode, i.Name, i.Kind.ToString(), i.Status.ToString(), i.LegalBasis, i.ParentCode)).ToList();
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/catalogue/items", async (string? district, string? q, int? version, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(district, q, version, ct)).ToHttp(Results.Ok))
            .AllowAnonymous()
            .WithName("SearchCatalogueItems")
            .WithSummary("查询区县已发布的涉村(社区)工作事项清单,按编码或关键词")
            .Produces<IReadOnlyList<ItemResponse>>();
}
