using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>The green channel at a glance: reports by category, by responsible body and by month, and how fast they are handled.</summary>
internal static class Dashboard
{
    public sealed record Count(string Label, int Value);

    public sealed record Figures(
        int Total, int Substantiated, int Unsubstantiated, double ShareSubstantiated, double? MedianDaysToVerify, double? MedianDaysToRectify,
        int Overdue, IReadOnlyList<Count> ByCategory, IReadOnlyList<Count> ByBody, IReadOnlyList<Count> ByMonth);

    public sealed class Handler(JianfuDbContext db, ReportAccess access, TimeProvider time)
    {
        public async Task<Result<Figures>> HandleAsync(int months, CancellationToken ct)
        {
            var districts = await access.HandledDistrictsAsync(ct);
            if (districts.Count == 0)
            {
                return Error.Forbidden("只有区减负办(清单管理员)可以查看线索统计。");
            }

            months = Math.Clamp(months, 1, 36);
            var today = time.Today();
            var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-(months - 1));
            var since = firstMonth.StartUtc();
            var rows = await db.BurdenReports.AsNoTracking()
                .Where(r => districts.Contains(r.DistrictId) && r.ReceivedAt >= since)
                .Select(r => new { r.Category, r.Status, r.ResponsibleBody, r.ReceivedAt, r.VerifiedAt, r.RectificationRequestedAt, r.RectifiedAt, r.VerifyDue, r.RectifyDue })
                .ToListAsync(ct);
            var found = rows.Where(r => r.VerifiedAt is not null && r.Status != ReportStatus.Unsubstantiated && r.ResponsibleBody is not null).ToList();
            var verified = rows.Where(r => r.VerifiedAt is not null).ToList();
            var byMonth = Enumerable.Range(0, months).Select(i => firstMonth.AddMonths(i))
                .Select(m => new Count($"{m:yyyy-MM}", rows.Count(r => r.ReceivedAt.ChinaDate() is var d && d.Year == m.Year && d.Month == m.Month)))
                .ToList();
            return new Figures(
                rows.Count,
                found.Count,
                rows.Count(r => r.Status == ReportStatus.Unsubstantiated),
                verified.Count == 0 ? 0 : Math.Round((double)found.Count / verified.Count, 3),
                Median(verified.Select(r => (r.VerifiedAt!.Value - r.ReceivedAt).TotalDays)),
                Median(rows.Where(r => r.RectifiedAt is not null && r.RectificationRequestedAt is not null)
                    .Select(r => (r.RectifiedAt!.Value - r.RectificationRequestedAt!.Value).TotalDays)),
                rows.Count(r => BurdenReport.IsVerificationOverdue(r.Status, r.VerifyDue, today) || BurdenReport.IsRectificationOverdue(r.Status, r.RectifyDue, today)),
                ReportCategories.All.Select(c => new Count(c.Name, rows.Count(r => r.Category == c.Id))).ToList(),
                found.GroupBy(r => r.ResponsibleBody!).Select(g => new Count(g.Key, g.Count())).OrderByDescending(c => c.Value).Take(15).ToList(),
                byMonth);
        }

        private static double? Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count == 0 ? null : Math.Round(sorted[sorted.Count / 2], 1);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/reports/dashboard", async (int? months, Handler h, CancellationToken ct) => (await h.HandleAsync(months ?? 12, ct)).ToHttp(Results.Ok))
            .WithName("ReportsDashboard")
            .WithSummary("线索统计:按类型、责任单位、月份;属实比例、核实和整改用时中位数、超期数(区减负办)")
            .Produces<Figures>();
}
