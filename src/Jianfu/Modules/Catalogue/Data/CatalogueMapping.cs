using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jianfu.Modules.Catalogue.Data;

internal sealed class CatalogueVersionConfiguration : IEntityTypeConfiguration<CatalogueVersion>
{
    public void Configure(EntityTypeBuilder<CatalogueVersion> e)
    {
        e.HasIndex(v => new { v.DistrictId, v.Year }).IsUnique();
        e.HasIndex(v => new { v.DistrictId, v.Status });
        // One published version per district at any moment (and one draft under revision).
        e.HasIndex(v => v.DistrictId, "IX_CatalogueVersions_OnePublished").IsUnique().HasFilter("\"Status\" = 'Published'");
        e.HasIndex(v => v.DistrictId, "IX_CatalogueVersions_OneDraft").IsUnique().HasFilter("\"Status\" = 'Draft'");
        e.Property(v => v.Title).HasMaxLength(200);
        e.HasMany(v => v.Items).WithOne(i => i.Version).HasForeignKey(i => i.VersionId);
    }
}

internal sealed class DutyItemConfiguration : IEntityTypeConfiguration<DutyItem>
{
    public void Configure(EntityTypeBuilder<DutyItem> e)
    {
        e.HasIndex(i => new { i.VersionId, i.ScreeningCode }).IsUnique();
        e.Property(i => i.ScreeningCode).HasMaxLength(32);
        e.Property(i => i.ParentCode).HasMaxLength(32);
        e.Property(i => i.Name).HasMaxLength(200);
        e.Property(i => i.BasisDocument).HasMaxLength(500);
        e.Property(i => i.BasisArticle).HasMaxLength(200);
        e.Property(i => i.ResponsibleDepartment).HasMaxLength(100);
        e.Property(i => i.Description).HasMaxLength(2000);
        e.Ignore(i => i.LegalBasis);
        e.Ignore(i => i.ContentSignature);
    }
}

internal sealed class AdmissionRequestConfiguration : IEntityTypeConfiguration<AdmissionRequest>
{
    public void Configure(EntityTypeBuilder<AdmissionRequest> e)
    {
        e.HasIndex(a => new { a.DistrictId, a.Status });
        e.Property(a => a.ProposedName).HasMaxLength(200);
        e.Property(a => a.Reason).HasMaxLength(2000);
        e.Property(a => a.DecisionReason).HasMaxLength(2000);
    }
}

internal sealed class CatalogueHistoryConfiguration : IEntityTypeConfiguration<CatalogueHistory>
{
    public void Configure(EntityTypeBuilder<CatalogueHistory> e)
    {
        e.HasIndex(h => new { h.DistrictId, h.At });
        e.Property(h => h.Note).HasMaxLength(JianfuDbContext.HistoryNoteLength);
    }
}
