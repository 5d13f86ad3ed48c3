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
    int CatalogueYear);

/// <summary>The published catalogue of a district as other modules see it.</summary>
public interface ICatalogueLookup
{
    /// <summary>The district's published version id and year, or null when none is published.</summary>
    Task<(int VersionId, int Year)?> PublishedVersionAsync(int districtId, CancellationToken ct);

    /// <summary>The item with this code in the district's published version, or null when the code is not in it.</summary>
    Task<DutyItemInfo?> FindPublishedAsync(int districtId, string screeningCode, CancellationToken ct);

    Task<IReadOnlyList<DutyItemInfo>> SearchPublishedAsync(int districtId, string? query, int take, CancellationToken ct);
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
