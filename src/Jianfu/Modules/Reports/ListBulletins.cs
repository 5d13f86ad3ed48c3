using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>The published bulletins, newest first, for anyone.</summary>
internal static class ListBulletins
{
    public sealed record ListItem(int Id, string Title, string From, string To, DateTime PublishedAt);

    public sealed class Handler(JianfuDbContext db)
    {
        public Task<List<ListItem>> HandleAsync(CancellationToken ct) =>
            db.Bulletins.AsNoTracking().OrderByDescending(b => b.PublishedAt).Take(200)
                .Select(b => new ListItem(b.Id, b.Title, b.From.ToString("yyyy-MM-dd"), b.To.ToString("yyyy-MM-dd"), b.PublishedAt))
                .ToListAsync(ct);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/bulletins", async (Handler h, CancellationToken ct) => Results.Ok(await h.HandleAsync(ct)))
            .AllowAnonymous().WithName("ListBulletins").WithSummary("已发布的通报(公开)").Produces<List<ListItem>>();
}
