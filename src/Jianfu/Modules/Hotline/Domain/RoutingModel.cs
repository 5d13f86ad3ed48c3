using Jianfu.Platform.Database;

namespace Jianfu.Modules.Hotline.Domain;

/// <summary>A trained routing model of a district, stored in the database so every server instance routes alike.</summary>
internal sealed class RoutingModel : IVersioned
{
    public int Id { get; set; }

    public int RowVersion { get; set; }

    public int DistrictId { get; set; }

    public required string Version { get; set; }

    public DateTime TrainedAt { get; set; }

    public int TrainingRows { get; set; }

    public float Threshold { get; set; }

    public double CalibrationPrecision { get; set; }

    public double CalibrationCoverage { get; set; }

    public required string Labels { get; set; }

    public required byte[] File { get; set; }

    public bool IsActive { get; set; }

    public DateTime UploadedAt { get; set; }

    public required string UploadedBy { get; set; }
}
