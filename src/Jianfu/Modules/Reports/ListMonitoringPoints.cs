using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>The burden office's monitoring points, overdue ones first.</summary>
internal static class ListMonitoringPoints
{
    public sealed class Handler(JianfuDbContext db, MonitoringPointKeeper keeping, TimeProvider time)
    {
        public async Task<Result<List<MonitoringPointSummary>>> HandleAsync(CancellationToken ct)
        {
            var keeper = await keeping.KeeperAsync(ct);
            if (!keeper.IsSuccess)
            {
                return keeper.Error!;
            }

            var points = await db.MonitoringPoints.AsNoTracking().Include(p => p.Activities)
                .Where(p => keeper.Value.Districts.Contains(p.DistrictId) && p.IsActive).OrderBy(p => p.UnitCode).ToListAsync(ct);
            var units = points.Select(p => p.UnitId).ToList();
            var counts = await db.BurdenReports.AsNoTracking().Where(r => units.Contains(r.UnitId)).GroupBy(r => r.UnitId)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            var today = time.Today();
            return points.Select(p => keeping.Describe(p, counts.GetValueOrDefault(p.UnitId), today))
                .OrderByDescending(p => p.ContactOverdue || p.VisitOverdue).ThenBy(p => p.UnitCode).ToList();
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/monitoring-points", async (Handler h, CancellationToken ct) => (await h.HandleAsync(ct)).ToHttp(Results.Ok))
            .WithName("ListMonitoringPoints").WithSummary("减负监测点及其联系、走访的到期和超期情况").Produces<List<MonitoringPointSummary>>();
}
