using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Platform.Notifications;

/// <summary>
/// An in-app message. Modules send digests (one per user, kind and day) for what is overdue, and a message for the few
/// events a person must act on at once — new work arriving in a village, work assigned or sent back to someone — never
/// one per click: the platform must not become another source of interruptions.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public DateOnly Day { get; set; }

    public required string Kind { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public string? Link { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}

public sealed record NotificationView(long Id, string Day, string Title, string Body, string? Link, bool Read);

public sealed class Notifier(JianfuDbContext db, TimeProvider time)
{
    /// <summary>Sends a digest unless this user already has one of this kind today. Returns whether it was sent.</summary>
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

    /// <summary>
    /// A message about one event, written with the change that caused it (saved by the caller's own save, so there is
    /// no message without the change and no change without its message).
    /// </summary>
    public void Queue(string userId, string kind, string title, string body, string? link)
    {
        var now = time.UtcNow();
        db.Notifications.Add(new Notification
        {
            UserId = userId, Kind = $"{kind}:{Guid.NewGuid():N}", Day = time.Today(), Title = title, Body = body, Link = link, CreatedAt = now,
        });
    }

    public Task<int> UnreadAsync(string userId, CancellationToken ct) => db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    public Task<List<NotificationView>> ListAsync(string userId, CancellationToken ct) =>
        db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.Id).Take(100)
            .Select(n => new NotificationView(n.Id, n.Day.ToString("yyyy-MM-dd"), n.Title, n.Body, n.Link, n.ReadAt != null))
            .ToListAsync(ct);

    public async Task MarkAllReadAsync(string userId, CancellationToken ct)
    {
        var now = time.UtcNow();
        var unread = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ToListAsync(ct);
        unread.ForEach(n => n.ReadAt = now);
        await db.SaveChangesAsync(ct);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/notifications", async (HttpContext http, Notifier notifier, CancellationToken ct) =>
                UserId(http) is { } id ? Results.Ok(await notifier.ListAsync(id, ct)) : Error.Forbidden().ToProblem())
            .WithName("ListNotifications").WithSummary("本人的消息(每日汇总提醒)").Produces<List<NotificationView>>();
        api.MapPost("/notifications/read", async (HttpContext http, Notifier notifier, CancellationToken ct) =>
            {
                if (UserId(http) is not { } id)
                {
                    return Error.Forbidden().ToProblem();
                }

                await notifier.MarkAllReadAsync(id, ct);
                return Results.NoContent();
            })
            .WithName("ReadNotifications").WithSummary("全部标为已读");
    }

    public static string? UserId(HttpContext http) => http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
}
