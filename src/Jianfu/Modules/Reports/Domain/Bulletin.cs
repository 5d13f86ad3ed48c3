namespace Jianfu.Modules.Reports.Domain;

/// <summary>
/// 通报: the periodic public notice of substantiated reports and their rectification. Once published it is a fixed
/// snapshot: later handling does not rewrite what was announced.
/// </summary>
internal sealed class Bulletin
{
    public int Id { get; set; }

    public int DistrictId { get; set; }

    public required string Title { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public DateTime PublishedAt { get; set; }

    public required string PublishedBy { get; set; }

    /// <summary>The bulletin's content as published (JSON of <see cref="BulletinContent"/>).</summary>
    public required string ContentJson { get; set; }
}

public sealed record BulletinContent(string District, string From, string To, int Substantiated, int Received, IReadOnlyList<BulletinBody> Bodies);

public sealed record BulletinBody(string Body, int Reports, decimal DeductionPoints, IReadOnlyList<BulletinEntry> Entries);

/// <summary>
/// One substantiated matter as the public reads it: never the reporting unit, the receipt or the reporter's words
/// (older snapshots that held them are read without them).
/// </summary>
public sealed record BulletinEntry(string Category, string Summary, string Status, string? RectifyDue, bool RectificationOverdue);

/// <summary>
/// Deduction points for assessment (Jianfu:Reports:DeductionPerReport, default 1; DeductionForOverdueRectification,
/// default 0.5 more when the body missed its rectification deadline).
/// </summary>
internal sealed record DeductionRule(decimal PerReport = 1m, decimal ForOverdueRectification = 0.5m)
{
    /// <summary>The points one substantiated report costs its body.</summary>
    public decimal For(bool rectificationOverdue) => PerReport + (rectificationOverdue ? ForOverdueRectification : 0m);

    public decimal For(BulletinEntry entry) => For(entry.RectificationOverdue);
}
