using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>The burden office records a contact (联系) or a visit (走访) of a monitoring point, with what it learned and the reports it concerned.</summary>
internal static class RecordMonitoringActivity
{
    public sealed record Request(string? Kind, string? Date, string? Who, string? Learned, List<string>? Receipts);

    public sealed class Handler(JianfuDbContext db, MonitoringPointKeeper keeping, TimeProvider time)
    {
        public async Task<Result<MonitoringPointSummary>> HandleAsync(int id, Request r, CancellationToken ct)
        {
            var keeper = await keeping.KeeperAsync(ct);
            if (!keeper.IsSuccess)
            {
                return keeper.Error!;
            }

            var point = await db.MonitoringPoints.Include(p => p.Activities).FirstOrDefaultAsync(p => p.Id == id && p.IsActive, ct);
            if (point is null || !keeper.Value.Districts.Contains(point.DistrictId))
            {
                return Error.NotFound("监测点不存在。");
            }

            if (!Enum.TryParse<MonitoringKind>(r.Kind, true, out var kind))
            {
                return Error.Validation("kind", "类型应为 Contact(联系)或 Visit(走访)。");
            }

            var read = DateText.Parse(r.Date, "date", "日期");
            if (!read.IsSuccess)
            {
                return read.Error!;
            }

            var date = read.Value;

            var receipts = (r.Receipts ?? []).Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim().ToUpperInvariant()).Distinct().ToList();
            var known = await db.BurdenReports.Where(b => receipts.Contains(b.Receipt) && b.UnitId == point.UnitId).Select(b => b.Receipt).ToListAsync(ct);
            if (known.Count != receipts.Count)
            {
                return Error.Validation("receipts", $"回执号不存在或不是本村(社区)的线索:{string.Join("、", receipts.Except(known))}。");
            }

            var error = point.Record(kind, date, r.Who, r.Learned, receipts, time.Today(), keeper.Value.User.DisplayName);
            if (error is not null)
            {
                return error;
            }

            point.Activities[^1].RecordedAt = time.UtcNow();
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return keeping.Describe(point, 0, time.Today());
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/monitoring-points/{id:int}/activities", async (int id, Request r, Handler h, CancellationToken ct) =>
                (await h.HandleAsync(id, r, ct)).ToHttp(Results.Ok))
            .WithName("RecordMonitoringActivity").WithSummary("记录一次联系(Contact)或走访(Visit):日期、人员、了解到的情况、关联线索回执号").Produces<MonitoringPointSummary>();
}
