using Jianfu.Modules.Hotline.Domain;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jianfu.Modules.Hotline.Data;

internal sealed class HotlineOrderConfiguration : IEntityTypeConfiguration<HotlineOrder>
{
    public void Configure(EntityTypeBuilder<HotlineOrder> e)
    {
        e.HasIndex(o => new { o.DistrictId, o.ExternalId }).IsUnique();
        e.HasIndex(o => new { o.DistrictId, o.Status, o.ReceivedAt });
        e.HasIndex(o => new { o.CommunityId, o.Status });
        e.HasIndex(o => new { o.DepartmentId, o.Status });
        e.Property(o => o.ExternalId).HasMaxLength(64);
        e.Property(o => o.Text).HasMaxLength(4000);
        e.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(o => o.RouteKind).HasConversion<string>().HasMaxLength(16);
        e.Property(o => o.ScreeningCode).HasMaxLength(32);
        e.Property(o => o.Reply).HasMaxLength(1000);
        e.HasMany(o => o.History).WithOne().HasForeignKey(h => h.OrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoutingModelConfiguration : IEntityTypeConfiguration<RoutingModel>
{
    public void Configure(EntityTypeBuilder<RoutingModel> e)
    {
        e.HasIndex(m => new { m.DistrictId, m.IsActive });
        e.HasIndex(m => m.DistrictId, "IX_RoutingModels_OneActive").IsUnique().HasFilter("\"IsActive\"");
        e.Property(m => m.Version).HasMaxLength(64);
        e.Property(m => m.Labels).HasMaxLength(20_000);
    }
}

internal sealed class HotlineOrderHistoryConfiguration : IEntityTypeConfiguration<HotlineOrderHistory>
{
    public void Configure(EntityTypeBuilder<HotlineOrderHistory> e)
    {
        e.Property(h => h.Note).HasMaxLength(JianfuDbContext.HistoryNoteLength);
    }
}
