using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Notifications;

/// <summary>Marks all of the signed-in user's messages read (the page's button and <c>POST /api/v1/notifications/read</c>).</summary>
public static class ReadNotifications
{
    public sealed class Handler(JianfuDbContext db, TimeProvider time)
    {
        public async Task HandleAsync(string userId, CancellationToken ct)
        {
            var now = time.UtcNow();
            var unread = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null).ToListAsync(ct);
            unread.ForEach(n => n.ReadAt = now);
            await db.SaveChangesAsync(ct);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/notifications/read", async (HttpContext http, Handler handler, CancellationToken ct) =>
            {
                if (NotificationsModule.UserId(http) is not { } id)
                {
                    return Error.Forbidden().ToProblem();
                }

                await handler.HandleAsync(id, ct);
                return Results.NoContent();
            })
            .WithName("ReadNotifications").WithSummary("全部标为已读");
}
