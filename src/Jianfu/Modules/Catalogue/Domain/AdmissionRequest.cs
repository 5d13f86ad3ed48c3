using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Platform.Database;

namespace Jianfu.Modules.Catalogue.Domain;

internal enum AdmissionStatus
{
    Pending,
    Admitted,
    Declined,
}

/// <summary>准入申请: a department asks for a new work item; the list keeper weighs the three admission criteria.</summary>
internal sealed class AdmissionRequest : IVersioned
{
    public int Id { get; set; }

    public int RowVersion { get; set; }

    public int DistrictId { get; set; }

    public int? DepartmentId { get; set; }

    public required string DepartmentName { get; set; }

    public required string ApplicantId { get; set; }

    public required string ApplicantName { get; set; }

    public required string ProposedName { get; set; }

    public DutyKind ProposedKind { get; set; }

    public string? ParentCode { get; set; }

    public required string BasisDocument { get; set; }

    public string BasisArticle { get; set; } = "";

    public required string Reason { get; set; }

    public AdmissionStatus Status { get; set; }

    public bool? RequiredByLaw { get; set; }

    public bool? CustomaryAssistance { get; set; }

    public bool? WithinCapacity { get; set; }

    public string? DecisionReason { get; set; }

    public string? ScreeningCode { get; set; }

    public int? AdmittedIntoVersionId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }
}
