using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Notifications;

/// <summary>The signed-in user's latest 100 messages, newest first (the page and <c>GET /api/v1/notifications</c>).</summary>
public static class ListNotifications
{
    public sealed record Item(long Id, string Day, string Title, string Body, string? Link, bool Read);

    public sealed class Handler(JianfuDbContext db)
    {
        public Task<List<Item>> HandleAsync(string userId, CancellationToken ct) =>
            db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderByDescending(n => n.Id).Take(100)
                .Select(n => new Item(n.Id, n.Day.ToString("yyyy-MM-dd"), n.Title, n.Body, n.Link, n.ReadAt != null))
                .ToListAsync(ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/notifications", async (HttpContext http, Handler handler, CancellationToken ct) =>
                NotificationsModule.UserId(http) is { } id ? Results.Ok(await handler.HandleAsync(id, ct)) : Error.Forbidden().ToProblem())
            .WithName("ListNotifications").WithSummary("本人的消息(每日汇总提醒)").Produces<List<Item>>();
}
