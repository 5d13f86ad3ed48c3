using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Reports;

/// <summary>The burden office previews a bulletin for any period (a calendar month by default) before publishing it.</summary>
internal static class PreviewBulletin
{
    public sealed class Handler(BulletinComposer composer, TimeProvider time)
    {
        public async Task<Result<BulletinContent>> HandleAsync(string? district, string? from, string? to, CancellationToken ct)
        {
            var d = await composer.KeeperDistrictAsync(district, ct);
            if (!d.IsSuccess)
            {
                return d.Error!;
            }

            var period = BulletinComposer.Period(from, to, time.Today());
            return period.IsSuccess ? await composer.ComposeAsync(d.Value, period.Value.From, period.Value.To, ct) : period.Error!;
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/bulletins/preview", async (string? district, string? from, string? to, Handler h, CancellationToken ct) =>
                (await h.HandleAsync(district, from, to, ct)).ToHttp(Results.Ok))
            .WithName("PreviewBulletin").WithSummary("预览某期通报(默认上一个自然月;区减负办)").Produces<BulletinContent>();
}
