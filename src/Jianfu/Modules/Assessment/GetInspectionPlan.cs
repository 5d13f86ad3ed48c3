using Jianfu.Modules.Assessment.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// A district's plan for a year, as published for everyone in the district: its items, the count against last year's
/// plan (Minqin: 41 → 30), merge suggestions, and the visits each unit received with a warning above the threshold
/// (Jianfu:Assessment:VisitsPerUnitPerYear, default 6).
/// </summary>
public static class GetInspectionPlan
{
    public sealed record ItemView(int Id, string Name, string Content, string Organiser, DateOnly From, DateOnly To, string Targets, string Method, string Team, int Visits);

    public sealed record MergeView(string First, string Second);

    public sealed record UnitVisits(string UnitCode, string UnitName, int Visits, int Unplanned, bool OverThreshold);

    public sealed record PlanSummary(int Id, int Year, bool Published, int Items);

    public sealed record Response(
        int Id, string District, int Year, bool Published, DateTime? PublishedAt, IReadOnlyList<ItemView> Items, int? PreviousCount, decimal? Reduction,
        IReadOnlyList<MergeView> MergeSuggestions, int Threshold, IReadOnlyList<UnitVisits> Visits, bool CanEdit);

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access, IConfiguration config)
    {
        public int Threshold => Math.Max(1, config.GetValue("Jianfu:Assessment:VisitsPerUnitPerYear", 6));

        public async Task<Result<IReadOnlyList<PlanSummary>>> ListAsync(string? districtCode, CancellationToken ct)
        {
            var user = await access.UserAsync(ct);
            var district = string.IsNullOrWhiteSpace(districtCode) ? null : await access.Directory.FindUnitAsync(districtCode.Trim(), ct);
            if (district is null || !AssessmentAccess.Reads(user, district))
            {
                return Error.NotFound("请填写本区的行政区划代码。");
            }

            var keeper = AssessmentAccess.Keeps(user, district);
            return await db.InspectionPlans.AsNoTracking().Where(p => p.DistrictId == district.Id && (keeper || p.IsPublished)).OrderByDescending(p => p.Year)
                .Select(p => new PlanSummary(p.Id, p.Year, p.IsPublished, p.Items.Count)).ToListAsync(ct);
        }

        public async Task<Result<Response>> HandleAsync(int id, CancellationToken ct)
        {
            var plan = await db.InspectionPlans.AsNoTracking().Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == id, ct);
            var district = plan is null ? null : await access.Directory.FindUnitAsync(plan.DistrictId, ct);
            var user = await access.UserAsync(ct);
            var keeper = district is not null && AssessmentAccess.Keeps(user, district);
            if (plan is null || district is null || !AssessmentAccess.Reads(user, district) || (!plan.IsPublished && !keeper))
            {
                return Error.NotFound("督查检查考核计划不存在。");
            }

            var previous = await db.InspectionPlans.AsNoTracking().Where(p => p.DistrictId == plan.DistrictId && p.Year < plan.Year && p.IsPublished)
                .OrderByDescending(p => p.Year).Select(p => (int?)p.Items.Count).FirstOrDefaultAsync(ct);
            var start = new DateOnly(plan.Year, 1, 1);
            var end = new DateOnly(plan.Year, 12, 31);
            var visits = await db.InspectionVisits.AsNoTracking().Where(v => v.DistrictId == plan.DistrictId && v.Date >= start && v.Date <= end)
                .Select(v => new { v.UnitCode, v.UnitName, v.PlanItemId }).ToListAsync(ct);
            var items = plan.Items.OrderBy(i => i.From).ThenBy(i => i.Id).Select(i => new ItemView(i.Id, i.Name, i.Content, i.Organiser, i.From, i.To,
                i.Targets, i.Method.Chinese(), i.Team, visits.Count(v => v.PlanItemId == i.Id))).ToList();
            var perUnit = PerUnit(visits.Select(v => (v.UnitCode, v.UnitName, v.PlanItemId is not null)), Threshold);
            var merges = InspectionPlan.MergeSuggestions(plan.Items.OrderBy(i => i.Id).ToList()).Select(p => new MergeView(p.A.Name, p.B.Name)).ToList();
            return new Response(plan.Id, district.Code, plan.Year, plan.IsPublished, plan.PublishedAt, items, previous,
                previous is { } p ? SetComparison.Reduction(p, plan.Items.Count) : null, merges, Threshold, perUnit, keeper && !plan.IsPublished);
        }
    }

    /// <summary>The visits each unit received, most first, with those above the threshold marked.</summary>
    public static IReadOnlyList<UnitVisits> PerUnit(IEnumerable<(string Code, string Name, bool Planned)> visits, int threshold) =>
        visits.GroupBy(v => (v.Code, v.Name))
            .Select(g => new UnitVisits(g.Key.Code, g.Key.Name, g.Count(), g.Count(v => !v.Planned), g.Count() > threshold))
            .OrderByDescending(u => u.Visits).ThenBy(u => u.UnitCode, StringComparer.Ordinal).ToList();

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/inspection-plans", async (string? district, Handler handler, CancellationToken ct) => (await handler.ListAsync(district, ct)).ToHttp(Results.Ok))
            .WithName("ListInspectionPlans")
            .WithSummary("本区各年度督查检查考核计划")
            .Produces<IReadOnlyList<PlanSummary>>();
        api.MapGet("/inspection-plans/{id:int}", async (int id, Handler handler, CancellationToken ct) => (await handler.HandleAsync(id, ct)).ToHttp(Results.Ok))
            .WithName("GetInspectionPlan")
            .WithSummary("年度督查检查考核计划:事项、与上年对比、合并建议、各单位接受检查次数(超过阈值的提示)")
            .Produces<Response>();
    }
}
