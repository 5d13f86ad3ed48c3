using Jianfu.Modules.Organisation.Domain;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jianfu.Modules.Organisation.Data;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(64);
        e.HasMany(u => u.Grants).WithOne(g => g.User).HasForeignKey(g => g.UserId);
    }
}

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> e)
    {
        e.HasIndex(u => u.Code).IsUnique();
        e.HasIndex(u => u.Path);
        e.Property(u => u.Code).HasMaxLength(12);
        e.Property(u => u.Name).HasMaxLength(100);
        e.Property(u => u.Path).HasMaxLength(64);
        e.Property(u => u.Address).HasMaxLength(200);
        e.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> e)
    {
        e.Property(d => d.Name).HasMaxLength(100);
        e.HasIndex(d => new { d.UnitId, d.Name }).IsUnique();
        e.HasOne(d => d.Unit).WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> e)
    {
        e.HasIndex(g => new { g.UserId, g.Role, g.UnitId, g.DepartmentId }).IsUnique();
        e.HasIndex(g => new { g.UnitId, g.Role });
        e.HasOne(g => g.Unit).WithMany().HasForeignKey(g => g.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(g => g.Department).WithMany().HasForeignKey(g => g.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganisationHistoryConfiguration : IEntityTypeConfiguration<OrganisationHistory>
{
    public void Configure(EntityTypeBuilder<OrganisationHistory> e)
    {
        e.Property(h => h.Action).HasMaxLength(200);
        e.Property(h => h.Note).HasMaxLength(JianfuDbContext.HistoryNoteLength);
    }
}
