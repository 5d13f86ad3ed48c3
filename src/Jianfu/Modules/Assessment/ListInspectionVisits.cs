using Jianfu.Modules.Assessment.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// The inspection visits of a year as each reader may see them: the district's assessment and burden-reduction offices
/// every visit in the district, with the green-channel reports naming each; a village's or township's people the visits
/// their unit (and, for a township, its villages) received, each of which they may report as unplanned or repeated.
/// </summary>
public static class ListInspectionVisits
{
    public sealed record VisitView(
        int Id, string UnitCode, string UnitName, DateOnly Date, bool Planned, string? Item, string? Approval, string Team, string Findings,
        bool CanReport, int? Reports);

    public sealed record Response(
        int Year, int Threshold, bool Office, string? Unit, IReadOnlyList<GetInspectionPlan.UnitVisits> Units, IReadOnlyList<VisitView> Visits);

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access, GetInspectionPlan.Handler plans, IInspectionReports reports, TimeProvider time)
    {
        /// <param name="visit">Without a year: the year of this visit (a link from a report that names it).</param>
        /// <param name="unitCode">Only the visits this unit received (the per-unit counts stay whole).</param>
        public async Task<Result<Response>> HandleAsync(int? year, int? visit, string? unitCode, CancellationToken ct)
        {
            var user = await access.UserAsync(ct);
            var ofVisit = year is null && visit is { } id ? await db.InspectionVisits.Where(v => v.Id == id).Select(v => (int?)v.Date.Year).FirstOrDefaultAsync(ct) : null;
            var y = year ?? ofVisit ?? time.Today().Year;
            if (y is < 2000 or > 2100)
            {
                return Error.Validation("year", "年度应为2000至2100之间的年份。");
            }

            var offices = user.Grants.Where(g => g.Unit.Level == UnitLevel.District && AssessmentAccess.RecordsVisits(user, g.Unit)).Select(g => g.Unit.Id).Distinct().ToList();
            var visited = new List<UnitInfo>();
            foreach (var own in AssessmentAccess.VisitedUnits(user))
            {
                visited.AddRange(await access.Directory.UnitsBelowAsync(own.Path, ct));
            }

            if (offices.Count == 0 && visited.Count == 0)
            {
                return Error.Forbidden("只有区考核办、区减负办和被检查单位可以查看督查检查记录。");
            }

            var unitIds = visited.Select(u => u.Id).Distinct().ToList();
            var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            var rows = await db.InspectionVisits.AsNoTracking().Include(v => v.Approval)
                .Where(v => v.Date >= from && v.Date <= to && (offices.Contains(v.DistrictId) || unitIds.Contains(v.UnitId)))
                .OrderByDescending(v => v.Date).ThenByDescending(v => v.Id)
                .ToListAsync(ct);
            var itemIds = rows.Where(v => v.PlanItemId is not null).Select(v => v.PlanItemId!.Value).Distinct().ToList();
            var items = await db.InspectionPlanItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
            var office = offices.Count > 0;
            var counted = office ? await reports.CountByVisitAsync(rows.Where(v => offices.Contains(v.DistrictId)).Select(v => v.Id).ToList(), ct) : null;
            var unit = unitCode?.Trim() is { Length: > 0 } code ? code : null;
            var views = rows.Where(v => unit is null || v.UnitCode == unit).Select(v => new VisitView(
                v.Id, v.UnitCode, v.UnitName, v.Date, v.PlanItemId is not null, v.PlanItemId is { } i ? items.GetValueOrDefault(i) : null, v.Approval?.Reference,
                v.Team, v.Findings, unitIds.Contains(v.UnitId),
                counted is not null && offices.Contains(v.DistrictId) ? counted.GetValueOrDefault(v.Id) : null)).ToList();
            var units = GetInspectionPlan.PerUnit(rows.Select(v => (v.UnitCode, v.UnitName, v.PlanItemId is not null)), plans.Threshold);
            return new Response(y, plans.Threshold, office, unit, units, views);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/inspection-visits", async (int? year, string? unit, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(year, null, unit, ct)).ToHttp(Results.Ok))
            .WithName("ListInspectionVisits")
            .WithSummary("某年度的督查检查记录:区考核办、区减负办看全区(含每次检查被反映的线索数);村(社区)和镇街看本单位接受的检查,可就某次检查反映问题")
            .Produces<Response>();
}
