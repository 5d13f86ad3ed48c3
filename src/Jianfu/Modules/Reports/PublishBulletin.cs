using System.Text.Json;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Reports;

/// <summary>The burden office publishes a bulletin: its content is fixed as it was at that moment, for anyone to read.</summary>
internal static class PublishBulletin
{
    public sealed record Request(string? District, string? From, string? To, string? Title);

    public sealed class Handler(JianfuDbContext db, BulletinComposer composer, ICurrentUserAccessor current, TimeProvider time)
    {
        public async Task<Result<GetBulletin.Published>> HandleAsync(Request r, CancellationToken ct)
        {
            var d = await composer.KeeperDistrictAsync(r.District, ct);
            if (!d.IsSuccess)
            {
                return d.Error!;
            }

            var period = BulletinComposer.Period(r.From, r.To, time.Today());
            if (!period.IsSuccess)
            {
                return period.Error!;
            }

            var (from, to) = period.Value;
            var content = await composer.ComposeAsync(d.Value, from, to, ct);
            var user = await current.GetAsync(ct);
            var bulletin = new Bulletin
            {
                DistrictId = d.Value.Id,
                Title = string.IsNullOrWhiteSpace(r.Title) ? $"{d.Value.Name}基层减负问题线索查处情况通报({BulletinComposer.Format(from)}至{BulletinComposer.Format(to)})" : r.Title.Trim(),
                From = from, To = to, PublishedAt = time.UtcNow(), PublishedBy = user.DisplayName,
                ContentJson = JsonSerializer.Serialize(content),
            };
            if (bulletin.Title.Length > 200)
            {
                return Error.Validation("title", "标题不超过200字。");
            }

            db.Bulletins.Add(bulletin);
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return GetBulletin.Describe(bulletin);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/bulletins", async (Request r, Handler h, CancellationToken ct) =>
                (await h.HandleAsync(r, ct)).ToHttp(b => Results.Created($"/api/v1/bulletins/{b.Id}", b)))
            .WithName("PublishBulletin").WithSummary("发布通报(内容固定为发布时的快照)").Produces<GetBulletin.Published>(StatusCodes.Status201Created);
}
