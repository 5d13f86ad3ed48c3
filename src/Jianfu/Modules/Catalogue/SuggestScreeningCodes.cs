using System.Collections.Concurrent;
using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Catalogue;

/// <summary>
/// Screening-code suggestion (过筛编码推荐): the three published items that best match what a dispatcher is typing,
/// with the words that matched, or a warning that the task may be outside the list.
/// </summary>
public static class SuggestScreeningCodes
{
    public const int Take = 3;

    public sealed record Request(string? Title, string? Content);

    /// <summary>One matcher per district, rebuilt when the district's catalogue changes (any change writes its history).</summary>
    internal sealed class MatcherCache
    {
        private readonly ConcurrentDictionary<int, (long Stamp, int VersionId, ItemMatcher Matcher)> _byDistrict = new();

        public async Task<ItemMatcher?> GetAsync(JianfuDbContext db, int districtId, CancellationToken ct)
        {
            var version = await db.CatalogueVersions.AsNoTracking()
                .Where(v => v.DistrictId == districtId && v.Status == VersionStatus.Published)
                .Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
            if (version is null)
            {
                return null;
            }

            var stamp = await db.CatalogueHistory.Where(h => h.DistrictId == districtId).MaxAsync(h => (long?)h.Id, ct) ?? 0;
            if (_byDistrict.TryGetValue(districtId, out var cached) && cached.Stamp == stamp && cached.VersionId == version)
            {
                return cached.Matcher;
            }

            var matcher = ItemMatcher.ForVersion(await db.DutyItems.AsNoTracking().Where(i => i.VersionId == version).ToListAsync(ct));
            // An older matcher may still be in use by a request; it is left to the collector rather than disposed here.
            _byDistrict[districtId] = (stamp, version.Value, matcher);
            return matcher;
        }
    }

    internal static CodeSuggestions Suggest(ItemMatcher? matcher, string text, string? chosenCode)
    {
        if (matcher is null || string.IsNullOrWhiteSpace(text))
        {
            return CodeSuggestions.None;
        }

        var code = chosenCode?.Trim().ToUpperInvariant();
        var all = matcher.Match(text, code is null ? Take : matcher.Count);
        var top = all.Take(Take).Select(ToSuggestion).ToList();
        var rank = code is null ? -1 : all.ToList().FindIndex(m => m.Item.Code == code);
        return new CodeSuggestions(
            top,
            top.Count == 0 || top[0].Score < ItemMatcher.WeakScore,
            rank >= 0 ? ToSuggestion(all[rank]) : null,
            rank >= 0 ? rank + 1 : null);
    }

    private static CodeSuggestion ToSuggestion(ItemMatch m) =>
        new(m.Item.Code, m.Item.Name, m.Item.Kind, Math.Round(m.Score, 2), m.MatchedWords);

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/catalogue/suggestions", async (Request request, ICurrentUserAccessor current, ICatalogueLookup catalogue, CancellationToken ct) =>
            {
                var user = await current.GetAsync(ct);
                var grant = user?.Grants.FirstOrDefault(g => g.Role is Role.Dispatcher or Role.Reviewer or Role.CatalogueAdmin);
                if (grant is null)
                {
                    return Error.Forbidden("只有派单人员、审核人和清单管理员可以使用编码推荐。").ToProblem();
                }

                var text = $"{request.Title}\n{request.Content}";
                if (string.IsNullOrWhiteSpace(text) || text.Length > 10_000)
                {
                    return Error.Validation("content", "请填写任务标题或内容(不超过1万字)。").ToProblem();
                }

                var found = await catalogue.SuggestAsync(grant.Unit.DistrictId, text, null, ct);
                return Results.Ok(new { found.Items, found.MayBeOutsideList, found.Message });
            })
            .WithName("SuggestScreeningCodes")
            .WithSummary("根据任务标题和内容推荐三个最匹配的清单事项(编码、名称、类型、匹配分、匹配词);匹配都弱时提示可能为清单外事项");
}
