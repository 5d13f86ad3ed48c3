using Jianfu.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jianfu.Modules.Cases.Data;

internal sealed class CommunityCaseConfiguration : IEntityTypeConfiguration<CommunityCase>
{
    public void Configure(EntityTypeBuilder<CommunityCase> e)
    {
        e.ToTable("Cases");
        e.HasIndex(c => c.SourceTaskId).IsUnique();
        e.HasIndex(c => new { c.CommunityId, c.CreatedAt });
        e.Property(c => c.Title).HasMaxLength(100);
        e.Property(c => c.Problem).HasMaxLength(4000);
        e.Property(c => c.Actions).HasMaxLength(4000);
        e.Property(c => c.Outcome).HasMaxLength(2000);
        e.Ignore(c => c.TagList);
    }
}
