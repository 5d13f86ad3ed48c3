using Jianfu.Modules.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jianfu.Modules.Notifications.Data;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        // One digest per user, kind and day, however many nodes send it.
        e.HasIndex(n => new { n.UserId, n.Kind, n.Day }).IsUnique();
        e.HasIndex(n => new { n.UserId, n.ReadAt });
        e.Property(n => n.Body).HasMaxLength(2000);
    }
}
