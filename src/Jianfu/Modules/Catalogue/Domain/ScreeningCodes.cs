using System.Globalization;
using Jianfu.Modules.Catalogue.Contracts;

namespace Jianfu.Modules.Catalogue.Domain;

/// <summary>New codes: a child continues its parent's code (XZ-01 → XZ-01-07); a top-level item takes the next number of its kind.</summary>
internal static class ScreeningCodes
{
    public static string Prefix(DutyKind kind) => kind switch
    {
        DutyKind.Statutory => "YF",
        DutyKind.Assistance => "XZ",
        _ => "FM",
    };

    public static string Next(DutyKind kind, string? parentCode, IEnumerable<string> existing)
    {
        var stem = parentCode ?? Prefix(kind);
        var next = existing
            .Where(c => c.StartsWith(stem + "-", StringComparison.Ordinal))
            .Select(c => c[(stem.Length + 1)..].Split('-')[0])
            .Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .DefaultIfEmpty(0)
            .Max() + 1;
        return $"{stem}-{next:D2}";
    }

    /// <summary>
    /// The three admission criteria (准入三条标准): an item is admitted when it is within the community's capacity
    /// and either required by law or customarily needing the community's help.
    /// </summary>
    public static string? WhyNotAdmissible(bool byLaw, bool customary, bool capacity) =>
        !capacity ? "不在村(社区)能力范围内的事项不予准入。"
        : !byLaw && !customary ? "既无法律法规明文规定、又非约定俗成需村社协助的事项不予准入。"
        : null;
}
