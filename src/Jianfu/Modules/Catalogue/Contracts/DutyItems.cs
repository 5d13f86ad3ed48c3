namespace Jianfu.Modules.Catalogue.Contracts;

public enum DutyKind
{
    /// <summary>依法履职事项: the village does it by law.</summary>
    Statutory,

    /// <summary>协助事项: the village assists a department, which stays responsible.</summary>
    Assistance,

    /// <summary>负面清单 / 不应出具证明: must never be sent to a village.</summary>
    Excluded,
}

public enum DutyItemStatus
{
    Active,
    Retired,
}

public sealed record DutyItemInfo(
    string ScreeningCode,
    string Name,
    DutyKind Kind,
    DutyItemStatus Status,
    string LegalBasis,
    string? ParentCode,
    string? RetiredReason,
    int CatalogueVersionId,
    int CatalogueYear,
    string ResponsibleDepartment = "");

/// <summary>The published catalogue of a district as other modules see it.</summary>
public interface ICatalogueLookup
{
    /// <summary>The district's published version id and year, or null when none is published.</summary>
    Task<(int VersionId, int Year)?> PublishedVersionAsync(int districtId, CancellationToken ct);

    /// <summary>The item with this code in the district's published version, or null when the code is not in it.</summary>
    Task<DutyItemInfo?> FindPublishedAsync(int districtId, string screeningCode, CancellationToken ct);

    Task<IReadOnlyList<DutyItemInfo>> SearchPublishedAsync(int districtId, string? query, int take, CancellationToken ct);

    /// <summary>
    /// The published items that best match a task text, best first; with <paramref name="chosenCode"/>, also how
    /// well that item matches (for the gate's code-mismatch check).
    /// </summary>
    Task<CodeSuggestions> SuggestAsync(int districtId, string text, string? chosenCode, CancellationToken ct);
}

/// <summary>A catalogue item suggested for a task text: the words of the text that matched it, and its score (BM25).</summary>
public sealed record CodeSuggestion(string ScreeningCode, string Name, DutyKind Kind, double Score, IReadOnlyList<string> MatchedWords);

/// <summary>
/// The three best items for a text. <see cref="MayBeOutsideList"/> when even the best match is weak (可能为清单外事项).
/// <see cref="Chosen"/> is the chosen code's own match (null when it shares no word with the text), <see cref="ChosenRank"/> its rank (1 = best).
/// </summary>
public sealed record CodeSuggestions(IReadOnlyList<CodeSuggestion> Items, bool MayBeOutsideList, CodeSuggestion? Chosen, int? ChosenRank)
{
    public static readonly CodeSuggestions None = new([], true, null, null);

    public string? Message => Items.Count == 0
        ? "没有找到与任务内容相符的清单事项,可能为清单外事项。"
        : MayBeOutsideList ? "与清单事项的匹配都较弱,可能为清单外事项,请核对。" : null;
}

public static class DutyKindNames
{
    public static string Chinese(this DutyKind kind) => kind switch
    {
        DutyKind.Statutory => "依法履职事项",
        DutyKind.Assistance => "协助事项",
        _ => "负面清单事项",
    };

    public static string Chinese(this DutyItemStatus status) => status == DutyItemStatus.Active ? "有效" : "已停用";
}
