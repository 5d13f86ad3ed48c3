namespace Jianfu.Modules.Organisation.Domain;

/// <summary>A township department (村镇建设和管理办公室, 综合行政执法队…) or a district agency (区民政局…).</summary>
internal sealed class Department
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public required string Name { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime UpdatedAt { get; set; }
}
