using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Platform.Database;

namespace Jianfu.Modules.Catalogue.Domain;

internal enum VersionStatus
{
    Draft,
    Published,
    Superseded,
}

/// <summary>One year's 涉村(社区)工作事项清单 of a district. Shaoxing revises it yearly; tasks keep the version they were checked against.</summary>
internal sealed class CatalogueVersion : IVersioned
{
    public int Id { get; set; }

    public int RowVersion { get; set; }

    public int DistrictId { get; set; }

    public int Year { get; set; }

    public required string Title { get; set; }

    public VersionStatus Status { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public DateTime? SupersededAt { get; set; }

    public List<DutyItem> Items { get; set; } = [];
}

internal sealed class DutyItem : IAggregatePart
{
    public int Id { get; set; }

    public int VersionId { get; set; }

    public CatalogueVersion? Version { get; set; }

    /// <summary>An item saved into a version moves the version on: it cannot land in a version published meanwhile.</summary>
    object? IAggregatePart.Aggregate => Version;

    /// <summary>过筛编码: the same item keeps its code across versions; a retired code stays listed as retired, so it is never reused.</summary>
    public required string ScreeningCode { get; set; }

    public required string Name { get; set; }

    public DutyKind Kind { get; set; }

    public string? ParentCode { get; set; }

    /// <summary>Law, regulation or policy document (e.g. 《中华人民共和国村民委员会组织法》).</summary>
    public string BasisDocument { get; set; } = "";

    /// <summary>Article or clause (e.g. 第二条).</summary>
    public string BasisArticle { get; set; } = "";

    /// <summary>The kind of department responsible (民政, 卫生健康…).</summary>
    public string ResponsibleDepartment { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>准入三条标准: 法律法规明文规定.</summary>
    public bool RequiredByLaw { get; set; }

    /// <summary>准入三条标准: 约定俗成需村社协助.</summary>
    public bool CustomaryAssistance { get; set; }

    /// <summary>准入三条标准: 在村社能力范围内.</summary>
    public bool WithinCapacity { get; set; }

    public DutyItemStatus Status { get; set; }

    public string? RetiredReason { get; set; }

    public DateOnly? RetiredOn { get; set; }

    public string LegalBasis => string.IsNullOrWhiteSpace(BasisArticle) ? BasisDocument : $"{BasisDocument} {BasisArticle}";

    public DutyItemInfo ToInfo(int year) =>
        new(ScreeningCode, Name, Kind, Status, LegalBasis, ParentCode, RetiredReason, VersionId, year, ResponsibleDepartment);

    public DutyItem CopyInto(int versionId) => new()
    {
        VersionId = versionId,
        ScreeningCode = ScreeningCode,
        Name = Name,
        Kind = Kind,
        ParentCode = ParentCode,
        BasisDocument = BasisDocument,
        BasisArticle = BasisArticle,
        ResponsibleDepartment = ResponsibleDepartment,
        Description = Description,
        RequiredByLaw = RequiredByLaw,
        CustomaryAssistance = CustomaryAssistance,
        WithinCapacity = WithinCapacity,
        Status = Status,
        RetiredReason = RetiredReason,
        RetiredOn = RetiredOn,
    };

    /// <summary>Fields compared by the version diff.</summary>
    public string ContentSignature =>
        string.Join('\u001f', Name, Kind, ParentCode, BasisDocument, BasisArticle, ResponsibleDepartment, Description, Status);
}

internal sealed class CatalogueHistory
{
    public long Id { get; set; }

    public int DistrictId { get; set; }

    public int? VersionId { get; set; }

    public DateTime At { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public string? Note { get; set; }
}
