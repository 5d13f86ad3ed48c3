using System.Globalization;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>Designate monitoring points, record contacts and visits, and see what is due and overdue.</summary>
internal static class MonitoringPoints
{
    public sealed record DesignateRequest(string? UnitCode);

    public sealed record ActivityRequest(string? Kind, string? Date, string? Who, string? Learned, List<string>? Receipts);

    public sealed record Summary(int Id, string UnitCode, string UnitName, string DesignatedOn, string? LastContact, string ContactDue, bool ContactOverdue,
        string? LastVisit, string VisitDue, bool VisitOverdue, int Reports);

    public sealed record Activity(string Kind, string Date, string Who, string Learned, IReadOnlyList<string> Receipts, string RecordedBy);

    public sealed record Detail(Summary Point, IReadOnlyList<Activity> Activities, IReadOnlyList<ListReports.Item> Reports);

    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, ReportAccess access, IOrganisationDirectory directory, MonitoringSchedule schedule, TimeProvider time)
    {
        private async Task<Result<(CurrentUser User, IReadOnlyList<int> Districts)>> KeeperAsync(CancellationToken ct)
        {
            var districts = await access.HandledDistrictsAsync(ct);
            return districts.Count == 0 ? Error.Forbidden("只有区减负办(清单管理员)可以管理减负监测点。") : (await current.GetAsync(ct), districts);
        }

        public async Task<Result<List<Summary>>> ListAsync(CancellationToken ct)
        {
            var keeper = await KeeperAsync(ct);
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
            return points.Select(p => Describe(p, counts.GetValueOrDefault(p.UnitId), today))
                .OrderByDescending(p => p.ContactOverdue || p.VisitOverdue).ThenBy(p => p.UnitCode).ToList();
        }

        public async Task<Result<Summary>> DesignateAsync(DesignateRequest r, CancellationToken ct)
        {
            var keeper = await KeeperAsync(ct);
            if (!keeper.IsSuccess)
            {
                return keeper.Error!;
            }

            var unit = r.UnitCode is null ? null : await directory.FindUnitAsync(r.UnitCode.Trim(), ct);
            if (unit is null || unit.Level != UnitLevel.Community)
            {
                return Error.Validation("unitCode", "请选择一个村(社区)作为监测点。");
            }

            if (!keeper.Value.User.CanAct(Role.CatalogueAdmin, unit))
            {
                return Error.Forbidden($"{unit.Name}不在您的区。");
            }

            if (await db.MonitoringPoints.AnyAsync(p => p.UnitId == unit.Id && p.IsActive, ct))
            {
                return Error.Conflict($"{unit.Name}已是监测点。");
            }

            var point = new MonitoringPoint
            {
                DistrictId = unit.DistrictId, UnitId = unit.Id, UnitCode = unit.Code, UnitName = unit.Name, DesignatedOn = time.Today(),
                DesignatedBy = keeper.Value.User.DisplayName,
            };
            db.MonitoringPoints.Add(point);
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return Describe(point, 0, time.Today());
        }

        public async Task<Result<Detail>> DetailAsync(int id, CancellationToken ct)
        {
            var keeper = await KeeperAsync(ct);
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
                .Select(a => new Activity(a.Kind.ToString(), Format(a.Date), a.Who, a.Learned,
                    a.LinkedReceipts.Split(',', StringSplitOptions.RemoveEmptyEntries), a.RecordedBy)).ToList();
            return new Detail(Describe(point, reports.Count, today), activities, items);
        }

        public async Task<Result<Summary>> RecordAsync(int id, ActivityRequest r, CancellationToken ct)
        {
            var keeper = await KeeperAsync(ct);
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

            return Describe(point, 0, time.Today());
        }

        private Summary Describe(MonitoringPoint p, int reports, DateOnly today) => new(
            p.Id, p.UnitCode, p.UnitName, Format(p.DesignatedOn),
            p.Last(MonitoringKind.Contact) is { } c ? Format(c) : null, Format(p.Due(MonitoringKind.Contact, schedule)), p.IsOverdue(MonitoringKind.Contact, schedule, today),
            p.Last(MonitoringKind.Visit) is { } v ? Format(v) : null, Format(p.Due(MonitoringKind.Visit, schedule)), p.IsOverdue(MonitoringKind.Visit, schedule, today),
            reports);

        private static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/monitoring-points", async (Handler h, CancellationToken ct) => (await h.ListAsync(ct)).ToHttp(Results.Ok))
            .WithName("ListMonitoringPoints").WithSummary("减负监测点及其联系、走访的到期和超期情况").Produces<List<Summary>>();
        api.MapPost("/monitoring-points", async (DesignateRequest r, Handler h, CancellationToken ct) =>
                (await h.DesignateAsync(r, ct)).ToHttp(p => Results.Created($"/api/v1/monitoring-points/{p.Id}", p)))
            .WithName("DesignateMonitoringPoint").WithSummary("把一个村(社区)设为减负监测点").Produces<Summary>(StatusCodes.Status201Created);
        api.MapGet("/monitoring-points/{id:int}", async (int id, Handler h, CancellationToken ct) => (await h.DetailAsync(id, ct)).ToHttp(Results.Ok))
            .WithName("GetMonitoringPoint").WithSummary("监测点的联系走访记录和该村(社区)的线索").Produces<Detail>();
        api.MapPost("/monitoring-points/{id:int}/activities", async (int id, ActivityRequest r, Handler h, CancellationToken ct) =>
                (await h.RecordAsync(id, r, ct)).ToHttp(Results.Ok))
            .WithName("RecordMonitoringActivity").WithSummary("记录一次联系(Contact)或走访(Visit):日期、人员、了解到的情况、关联线索回执号").Produces<Summary>();
    }
}
