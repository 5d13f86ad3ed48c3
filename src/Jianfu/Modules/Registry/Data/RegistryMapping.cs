using Jianfu.Modules.Registry.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jianfu.Modules.Registry.Data;

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> e)
    {
        e.HasIndex(r => r.IdNumber).IsUnique();
        // A ledger reads one community or the district by birth date (ages); a township's through the district's index.
        // No more indexes than these: each one costs the import of millions of rows (docs/performance.md).
        e.HasIndex(r => new { r.CommunityId, r.BirthDate });
        e.HasIndex(r => new { r.DistrictId, r.BirthDate });
        e.Property(r => r.Name).HasMaxLength(Resident.MaxName);
        e.Property(r => r.IdNumber).HasMaxLength(18);
        e.Property(r => r.Phone).HasMaxLength(20);
        e.Property(r => r.Household).HasMaxLength(30);
        e.Property(r => r.Address).HasMaxLength(RegistryLimits.Address);
        e.Property(r => r.IdOverride).HasMaxLength(200);
        e.Property(r => r.UpdatedBy).HasMaxLength(100);
    }
}

internal sealed class PastResidenceConfiguration : IEntityTypeConfiguration<PastResidence>
{
    public void Configure(EntityTypeBuilder<PastResidence> e)
    {
        e.HasIndex(p => p.ResidentId);
        e.Property(p => p.Address).HasMaxLength(RegistryLimits.Address);
        e.Property(p => p.RecordedBy).HasMaxLength(100);
    }
}

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> e)
    {
        e.HasIndex(i => new { i.DistrictId, i.At });
        e.Property(i => i.FileName).HasMaxLength(200);
        e.Property(i => i.UserId).HasMaxLength(64);
        e.Property(i => i.UserName).HasMaxLength(100);
    }
}

internal sealed class HouseConfiguration : IEntityTypeConfiguration<House>
{
    public void Configure(EntityTypeBuilder<House> e)
    {
        // One index for the import's look-up and for a community's houses (docs/performance.md).
        e.HasIndex(h => new { h.CommunityId, h.KeyHash }).IsUnique();
        e.Property(h => h.Address).HasMaxLength(RegistryLimits.HouseAddress);
        e.Property(h => h.Building).HasMaxLength(RegistryLimits.HousePart);
        e.Property(h => h.Unit).HasMaxLength(RegistryLimits.HousePart);
        e.Property(h => h.Room).HasMaxLength(RegistryLimits.HousePart);
        e.Property(h => h.Key).HasMaxLength(RegistryLimits.Address + 20);
    }
}

internal sealed class GridConfiguration : IEntityTypeConfiguration<Grid>
{
    public void Configure(EntityTypeBuilder<Grid> e)
    {
        e.HasIndex(g => new { g.CommunityId, g.Name }).IsUnique();
        e.Property(g => g.Name).HasMaxLength(RegistryLimits.GridName);
        e.Property(g => g.WorkerName).HasMaxLength(Grid.MaxWorkerName);
        e.Property(g => g.WorkerPhone).HasMaxLength(20);
        e.Property(g => g.WorkerUserId).HasMaxLength(64);
        e.Property(g => g.WorkerSetBy).HasMaxLength(100);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> e)
    {
        e.HasIndex(t => new { t.DistrictId, t.Name }).IsUnique();
        e.Property(t => t.Name).HasMaxLength(20);
        e.Property(t => t.Group).HasMaxLength(20);
    }
}

internal sealed class ResidentTagConfiguration : IEntityTypeConfiguration<ResidentTag>
{
    public void Configure(EntityTypeBuilder<ResidentTag> e)
    {
        e.HasKey(t => new { t.ResidentId, t.TagId });
        e.HasIndex(t => new { t.TagId, t.ResidentId });
    }
}

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> e)
    {
        e.HasIndex(x => x.CreditCode).IsUnique();
        e.HasIndex(x => x.CommunityId);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.CreditCode).HasMaxLength(18);
        e.Property(x => x.Address).HasMaxLength(RegistryLimits.Address);
        e.Property(x => x.Contact).HasMaxLength(50);
        e.Property(x => x.Phone).HasMaxLength(20);
        e.Property(x => x.CodeOverride).HasMaxLength(200);
    }
}

internal sealed class ShopConfiguration : IEntityTypeConfiguration<Shop>
{
    public void Configure(EntityTypeBuilder<Shop> e)
    {
        e.HasIndex(x => x.CommunityId);
        // Re-import finds a shop by its licence (an individual business's unified social credit code).
        e.HasIndex(x => x.LicenceCode);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Operator).HasMaxLength(50);
        e.Property(x => x.CodeOverride).HasMaxLength(200);
        e.Property(x => x.LicenceCode).HasMaxLength(30);
        e.Property(x => x.Address).HasMaxLength(RegistryLimits.Address);
        e.Property(x => x.Phone).HasMaxLength(20);
    }
}

internal sealed class LedgerTemplateConfiguration : IEntityTypeConfiguration<LedgerTemplate>
{
    public void Configure(EntityTypeBuilder<LedgerTemplate> e)
    {
        e.HasIndex(t => t.DistrictId);
        e.Property(t => t.Name).HasMaxLength(LedgerTemplate.MaxName);
        e.Property(t => t.ScopeCode).HasMaxLength(12);
        e.Property(t => t.ConditionsJson).HasMaxLength(4000);
        e.Property(t => t.Columns).HasMaxLength(200);
        e.Property(t => t.CreatedBy).HasMaxLength(100);
    }
}

internal sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> e)
    {
        e.HasIndex(a => new { a.DistrictId, a.At });
        e.Property(a => a.UserId).HasMaxLength(64);
        e.Property(a => a.UserName).HasMaxLength(100);
        e.Property(a => a.What).HasMaxLength(500);
        e.Property(a => a.ScopeCode).HasMaxLength(12);
    }
}

internal sealed class DataRequestConfiguration : IEntityTypeConfiguration<DataRequest>
{
    public void Configure(EntityTypeBuilder<DataRequest> e)
    {
        e.HasIndex(d => new { d.DistrictId, d.SubmittedAt });
        e.HasIndex(d => new { d.DepartmentId, d.SubmittedAt });
        e.HasIndex(d => new { d.DistrictId, d.FirstAnsweredAt });
        e.Property(d => d.DepartmentName).HasMaxLength(100);
        e.Property(d => d.RequesterId).HasMaxLength(64);
        e.Property(d => d.RequesterName).HasMaxLength(100);
        e.Property(d => d.Purpose).HasMaxLength(DataRequest.MaxPurpose);
        e.Property(d => d.Basis).HasMaxLength(DataRequest.MaxBasis);
        e.Property(d => d.Fields).HasMaxLength(200);
        e.Property(d => d.ApprovedFields).HasMaxLength(200);
        e.Property(d => d.ConditionsJson).HasMaxLength(4000);
        e.Property(d => d.ScopeCode).HasMaxLength(12);
        e.Property(d => d.ScopeName).HasMaxLength(100);
        e.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(d => d.DecidedBy).HasMaxLength(100);
        e.Property(d => d.Reason).HasMaxLength(300);
    }
}
