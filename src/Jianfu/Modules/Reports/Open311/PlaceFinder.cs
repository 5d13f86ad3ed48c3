using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Errors;

namespace Jianfu.Modules.Reports.Open311;

/// <summary>
/// Which township or community a city-wide 311 report is about, when the jurisdiction is a whole district: from the
/// service attribute <c>community</c> (a name or division code), <c>address_id</c> (a division code), the nearest
/// office to <c>lat</c>/<c>long</c>, or the names written in <c>address_string</c> — in that order, the first that
/// answers. Names are matched as people write them (东湖社区 for 东湖社区居民委员会), and a name that two townships share
/// must come with its township.
/// </summary>
internal static class PlaceFinder
{
    public const string CommunityAttribute = "community";

    private static readonly string[] Suffixes = ["居民委员会", "村民委员会", "居委会", "村委会", "办事处"];

    public const string NotFound =
        "无法确定反映的是哪个镇街或村(社区):请在 attribute[community] 或 address_string 中写明名称,或以 address_id 提供区划代码。";

    /// <param name="units">The townships and communities of the district.</param>
    /// <param name="nearestWithinMetres">How far from an office a coordinate may be and still be taken as that office's.</param>
    public static Result<UnitInfo> Find(IReadOnlyList<UnitInfo> units, ReportOrigin origin, double nearestWithinMetres)
    {
        if (origin.Attribute(CommunityAttribute) is { } named)
        {
            return ByCode(units, named) ?? ByName(units, named) ?? Error.Validation("attribute", $"本区没有名为或代码为“{named}”的镇街或村(社区)。");
        }

        if (origin.AddressId is { } id && ByCode(units, id.Trim()) is { } coded)
        {
            return coded;
        }

        if (origin is { Latitude: { } lat, Longitude: { } lon } && Nearest(units, lat, lon, nearestWithinMetres) is { } near)
        {
            return near;
        }

        if (origin.AddressText is { } text && ByName(units, text) is { } written)
        {
            return written;
        }

        return Error.Validation("address_string", NotFound);
    }

    private static Result<UnitInfo>? ByCode(IReadOnlyList<UnitInfo> units, string code) =>
        units.FirstOrDefault(u => u.Code == code) is { } unit ? unit : (Result<UnitInfo>?)null;

    /// <summary>The unit whose name the text contains; a community before its township; null when none is named.</summary>
    private static Result<UnitInfo>? ByName(IReadOnlyList<UnitInfo> units, string text)
    {
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var named = units.Where(u => Names(u).Any(n => compact.Contains(n, StringComparison.Ordinal))).ToList();
        if (named.Count == 0)
        {
            return null;
        }

        var communities = named.Where(u => u.Level == UnitLevel.Community).ToList();
        if (communities.Count == 0)
        {
            return Single(named, compact);
        }

        // A township named beside a community narrows the community to that township's.
        var townships = named.Where(u => u.Level == UnitLevel.Township).Select(u => u.Id).ToHashSet();
        var within = communities.Where(c => c.ParentId is { } p && townships.Contains(p)).ToList();
        return Single(within.Count > 0 ? within : communities, compact);
    }

    /// <summary>The longest name wins (塔山社区 over 山社区); two units with that name are ambiguous.</summary>
    private static Result<UnitInfo> Single(List<UnitInfo> candidates, string text)
    {
        var longest = candidates.Max(u => Names(u).Where(n => text.Contains(n, StringComparison.Ordinal)).Max(n => n.Length));
        var best = candidates.Where(u => Names(u).Any(n => n.Length == longest && text.Contains(n, StringComparison.Ordinal))).ToList();
        return best.Count == 1
            ? best[0]
            : Error.Validation("address_string", $"“{Short(best[0].Name)}”在本区不止一处,请同时写明所属镇街,或以 address_id 提供区划代码。");
    }

    private static IEnumerable<string> Names(UnitInfo unit)
    {
        yield return unit.Name;
        var shortName = Short(unit.Name);
        if (shortName != unit.Name && shortName.Length >= 2)
        {
            yield return shortName;
        }
    }

    /// <summary>
    /// The name as people write it: 越东村 for 越东村村民委员会, 富盛村 for 富盛村委会, 东湖社区 for 东湖社区居民委员会, 富盛社区 for
    /// 富盛居委会 (a committee is called by its 村 or 社区), 东湖街道 for 东湖街道办事处.
    /// </summary>
    private static string Short(string name)
    {
        if (Suffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal) && name.Length - s.Length >= 2) is not { } suffix)
        {
            return name;
        }

        var stem = name[..^suffix.Length];
        var called = suffix[0] switch { '居' => "社区", '村' => "村", _ => "" };
        return stem.EndsWith(called, StringComparison.Ordinal) ? stem : stem + called;
    }

    private static UnitInfo? Nearest(IReadOnlyList<UnitInfo> units, double lat, double lon, double withinMetres) =>
        units.Where(u => u.Latitude is not null && u.Longitude is not null)
            .Select(u => (Unit: u, Metres: Metres(lat, lon, u.Latitude!.Value, u.Longitude!.Value)))
            .Where(x => x.Metres <= withinMetres)
            .OrderBy(x => x.Metres).ThenByDescending(x => x.Unit.Level)
            .Select(x => x.Unit)
            .FirstOrDefault();

    /// <summary>Great-circle distance (haversine) on a sphere of the Earth's mean radius.</summary>
    public static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6_371_000;
        static double Rad(double d) => d * Math.PI / 180;
        var (dLat, dLon) = (Rad(lat2 - lat1), Rad(lon2 - lon1));
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
