using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>A monitoring point's contacts and visits, and the reports of its village or community.</summary>
internal static class GetMonitoringPoint
{
    public sealed record Activity(string Kind, string Date, string Who, string Learned, IReadOnlyList<string> Receipts, string RecordedBy);

    public sealed record Detail(MonitoringPointSummary Point, IReadOnlyList<Activity> Activities, IReadOnlyList<ListReports.Item> Reports);

    public sealed class Handler(JianfuDbContext db, MonitoringPointKeeper keeping, TimeProvider time)
    {
        public async Task<Result<Detail>> HandleAsync(int id, CancellationToken ct)
        {
            var keeper = await keeping.KeeperAsync(ct);
            if (!keeper.IsSuccess)
            {
                return keeper.Error!;
            }

            var point = await db.MonitoringPoints.AsNoTracking().Include(p => p.Activities).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (point is null || !keeper.Value.Districts.Contains(point.DistrictId))
            {
                return Error.NotFound("监测点不存在。");
            }

            var today = time.Today();
            var reports = await db.BurdenReports.AsNoTracking().Where(r => r.UnitId == point.UnitId).OrderByDescending(r => r.ReceivedAt).Take(100).ToListAsync(ct);
            // The point's page shows each report in full, without due dates or whether the reporter left a phone.
            var items = reports.Select(r => ListReports.Item.From(r, today) with { Description = r.Description, Due = null, HasContact = false }).ToList();
            var activities = point.Activities.OrderByDescending(a => a.Date).ThenByDescending(a => a.Id)
                .Select(a => new Activity(a.Kind.ToString(), MonitoringPointKeeper.Format(a.Date), a.Who, a.Learned,
                    a.LinkedReceipts.Split(',', StringSplitOptions.RemoveEmptyEntries), a.RecordedBy)).ToList();
            return new Detail(keeping.Describe(point, reports.Count, today), activities, items);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/monitoring-points/{id:int}", async (int id, Handler h, CancellationToken ct) => (await h.HandleAsync(id, ct)).ToHttp(Results.Ok))
            .WithName("GetMonitoringPoint").WithSummary("监测点的联系走访记录和该村(社区)的线索").Produces<Detail>();
}
