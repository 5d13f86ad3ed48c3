using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jianfu.Modules.Reports.Data;

internal sealed class ReportLocationConfiguration : IEntityTypeConfiguration<ReportLocation>
{
    public void Configure(EntityTypeBuilder<ReportLocation> e)
    {
        e.HasIndex(l => l.Token).IsUnique();
        e.HasIndex(l => new { l.UnitId, l.IsActive });
        // One poster in force per office: a revoked token can never stand beside a live one.
        e.HasIndex(l => l.UnitId, "IX_ReportLocations_OneActive").IsUnique().HasFilter("\"IsActive\"");
        e.Property(l => l.Token).HasMaxLength(32);
        e.Property(l => l.UnitCode).HasMaxLength(12);
        e.Property(l => l.UnitName).HasMaxLength(100);
    }
}

internal sealed class BurdenReportConfiguration : IEntityTypeConfiguration<BurdenReport>
{
    public void Configure(EntityTypeBuilder<BurdenReport> e)
    {
        e.HasIndex(r => r.Receipt).IsUnique();
        e.HasIndex(r => new { r.DistrictId, r.Status });
        e.HasIndex(r => new { r.DistrictId, r.ReceivedAt });
        e.HasIndex(r => new { r.DistrictId, r.VerifiedAt });
        e.HasIndex(r => new { r.ResponsibleDepartmentId, r.Status });
        // Every page asks whether its user handles reports delegated to them (the menu's count, the list).
        e.HasIndex(r => r.DelegateUserId);
        e.HasIndex(r => r.InspectionVisitId);
        e.Property(r => r.InspectionVisitTitle).HasMaxLength(BurdenReport.MaxVisitTitle);
        e.Property(r => r.Receipt).HasMaxLength(20);
        e.Property(r => r.Category).HasMaxLength(32);
        e.Property(r => r.Description).HasMaxLength(2000);
        e.Property(r => r.ContactProtected).HasMaxLength(1000);
        e.Property(r => r.Summary).HasMaxLength(200);
        e.Property(r => r.PublicReply).HasMaxLength(1000);
        e.Property(r => r.RectificationResponse).HasMaxLength(2000);
        e.Property(r => r.VerificationNote).HasMaxLength(2000);
        e.Property(r => r.ForwardedText).HasMaxLength(2000);
        e.Property(r => r.AddressText).HasMaxLength(500);
        e.Property(r => r.AddressId).HasMaxLength(100);
        e.Property(r => r.MediaUrl).HasMaxLength(1000);
        e.Property(r => r.AttributesJson).HasMaxLength(8000);
        e.Property(r => r.SourceSystem).HasMaxLength(100);
        e.Property(r => r.ClientRequestKey).HasMaxLength(200);
        e.Property(r => r.SubmitterProtected).HasMaxLength(4000);
        // A retried Open311 POST carries the same request id: the second one finds the first report, never a twin.
        e.HasIndex(r => r.ClientRequestKey).IsUnique().HasFilter("\"ClientRequestKey\" IS NOT NULL");
        e.HasMany(r => r.History).WithOne().HasForeignKey(h => h.ReportId);
    }
}

internal sealed class ReportHistoryConfiguration : IEntityTypeConfiguration<ReportHistory>
{
    public void Configure(EntityTypeBuilder<ReportHistory> e)
    {
        e.HasIndex(h => new { h.ReportId, h.At });
        e.Property(h => h.Note).HasMaxLength(JianfuDbContext.HistoryNoteLength);
    }
}

internal sealed class MonitoringPointConfiguration : IEntityTypeConfiguration<MonitoringPoint>
{
    public void Configure(EntityTypeBuilder<MonitoringPoint> e)
    {
        e.HasIndex(p => new { p.DistrictId, p.IsActive });
        e.HasIndex(p => p.UnitId, "IX_MonitoringPoints_OneActive").IsUnique().HasFilter("\"IsActive\"");
        e.HasMany(p => p.Activities).WithOne().HasForeignKey(a => a.PointId);
    }
}

internal sealed class BulletinConfiguration : IEntityTypeConfiguration<Bulletin>
{
    public void Configure(EntityTypeBuilder<Bulletin> e)
    {
        e.HasIndex(x => new { x.DistrictId, x.PublishedAt });
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.ContentJson).HasMaxLength(1_000_000);
    }
}

internal sealed class MonitoringActivityConfiguration : IEntityTypeConfiguration<MonitoringActivity>
{
    public void Configure(EntityTypeBuilder<MonitoringActivity> e)
    {
        e.Property(a => a.Learned).HasMaxLength(2000);
        e.Property(a => a.LinkedReceipts).HasMaxLength(1000);
    }
}
