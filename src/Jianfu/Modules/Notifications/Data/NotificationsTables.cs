using Jianfu.Modules.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Platform.Database;

/// <summary>Notifications' table on the one context; its mapping is in NotificationsMapping.cs beside this file.</summary>
public abstract partial class JianfuDbContext
{
    internal DbSet<Notification> Notifications => Set<Notification>();
}
