using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Catalogue;

internal sealed class CatalogueLookup(JianfuDbContext db, SuggestScreeningCodes.MatcherCache matchers) : ICatalogueLookup
{
    public async Task<(int VersionId, int Year)?> PublishedVersionAsync(int districtId, CancellationToken ct)
    {
        var version = await db.CatalogueVersions.AsNoTracking()
            .Where(v => v.DistrictId == districtId && v.Status == VersionStatus.Published)
            .Select(v => new { v.Id, v.Year })
            .FirstOrDefaultAsync(ct);
        return version is null ? null : (version.Id, version.Year);
    }

    public async Task<DutyItemInfo?> FindPublishedAsync(int districtId, string screeningCode, CancellationToken ct)
    {
        var code = screeningCode.Trim().ToUpperInvariant();
        var item = await db.DutyItems.AsNoTracking()
            .Where(i => i.ScreeningCode == code && i.Version!.DistrictId == districtId && i.Version.Status == VersionStatus.Published)
            .Select(i => new { Item = i, i.Version!.Year })
            .FirstOrDefaultAsync(ct);
        return item?.Item.ToInfo(item.Year);
    }

    public async Task<IReadOnlyList<DutyItemInfo>> SearchPublishedAsync(int districtId, string? query, int take, CancellationToken ct)
    {
        var items = db.DutyItems.AsNoTracking()
            .Where(i => i.Version!.DistrictId == districtId && i.Version.Status == VersionStatus.Published);
        items = SearchItems.Filter(items, query);
        var found = await items.OrderBy(i => i.ScreeningCode).Take(take).Select(i => new { Item = i, i.Version!.Year }).ToListAsync(ct);
        return found.Select(f => f.Item.ToInfo(f.Year)).ToList();
    }

    public async Task<CodeSuggestions> SuggestAsync(int districtId, string text, string? chosenCode, CancellationToken ct) =>
        SuggestScreeningCodes.Suggest(await matchers.GetAsync(db, districtId, ct), text, chosenCode);
}
