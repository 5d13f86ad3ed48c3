using Jianfu.Platform.Database;

namespace Jianfu.Modules.Reports.Domain;

/// <summary>
/// Where a QR code is posted: a community or township office. Its token is random (128 bits), never a sequential id,
/// and can be revoked; a revoked poster stops working and a new one is printed.
/// </summary>
internal sealed class ReportLocation : IVersioned
{
    public int Id { get; set; }

    public int RowVersion { get; set; }

    public required string Token { get; set; }

    public int UnitId { get; set; }

    public required string UnitCode { get; set; }

    public required string UnitName { get; set; }

    public int DistrictId { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public static string NewToken() => Platform.Web.QrCode.NewToken();
}
