using Jianfu.Modules.Notifications.Contracts;
using Jianfu.Modules.Notifications.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Notifications;

/// <summary>Writes the messages other modules send (<see cref="INotifier"/>).</summary>
internal sealed class Notifier(JianfuDbContext db, TimeProvider time) : INotifier
{
    public async Task<bool> SendDigestAsync(string userId, string kind, DateOnly day, string title, string body, string? link, CancellationToken ct)
    {
        if (await db.Notifications.AnyAsync(n => n.UserId == userId && n.Kind == kind && n.Day == day, ct))
        {
            return false;
        }

        db.Notifications.Add(new Notification { UserId = userId, Kind = kind, Day = day, Title = title, Body = body, Link = link, CreatedAt = time.UtcNow() });
        // Another node sent today's digest at the same moment: the unique index keeps it to one.
        return await db.TrySaveAsync(ct) is null;
    }

    public void Queue(string userId, string kind, string title, string body, string? link)
    {
        var now = time.UtcNow();
        db.Notifications.Add(new Notification
        {
            UserId = userId, Kind = $"{kind}:{Guid.NewGuid():N}", Day = time.Today(), Title = title, Body = body, Link = link, CreatedAt = now,
        });
    }

    public Task<int> UnreadAsync(string userId, CancellationToken ct) => db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
}
