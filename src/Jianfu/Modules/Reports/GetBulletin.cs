using System.Text.Json;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>Anyone reads a published bulletin (the public page and <c>GET /api/v1/bulletins/{id}</c>).</summary>
internal static class GetBulletin
{
    public sealed record Published(int Id, string Title, string From, string To, DateTime PublishedAt, BulletinContent Content);

    public sealed class Handler(JianfuDbContext db)
    {
        public async Task<Result<Published>> HandleAsync(int id, CancellationToken ct)
        {
            var bulletin = await db.Bulletins.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
            return bulletin is null ? Error.NotFound("通报不存在。") : Describe(bulletin);
        }
    }

    /// <summary>A stored bulletin as it reads: its snapshot.</summary>
    public static Published Describe(Bulletin b) =>
        new(b.Id, b.Title, BulletinComposer.Format(b.From), BulletinComposer.Format(b.To), DateTime.SpecifyKind(b.PublishedAt, DateTimeKind.Utc), JsonSerializer.Deserialize<BulletinContent>(b.ContentJson)!);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/bulletins/{id:int}", async (int id, Handler h, CancellationToken ct) => (await h.HandleAsync(id, ct)).ToHttp(Results.Ok))
            .AllowAnonymous().WithName("GetBulletin").WithSummary("一期通报(公开)").Produces<Published>();
}
