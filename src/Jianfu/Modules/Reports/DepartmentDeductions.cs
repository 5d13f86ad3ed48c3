using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>
/// Substantiated reports count against the responsible department (for a report about a Jianfu task, the department
/// that issued it), at the bulletin's deduction rule. Shown on the department's page; read by assessment through
/// <see cref="IBurdenFigures"/>.
/// </summary>
internal sealed class DepartmentDeductions(JianfuDbContext db, DeductionRule rule, TimeProvider time) : IBurdenFigures
{
    /// <summary>A matter found against the department, as it may read it (<see cref="Disclosure"/>): no receipt, no reporting unit.</summary>
    public sealed record Entry(string Category, string Summary, string Status, string VerifiedOn, decimal Points);

    public sealed record DepartmentPage(int DepartmentId, string Body, int Year, int Reports, decimal Points, IReadOnlyList<Entry> Entries);

    private async Task<List<(BurdenReport Report, decimal Points)>> FoundAsync(IQueryable<BurdenReport> reports, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = from.StartUtc();
        var end = to.AddDays(1).StartUtc();
        var today = time.Today();
        var found = await reports.AsNoTracking()
            .Where(BurdenReport.FoundBetween(start, end))
            .Where(r => r.ResponsibleDepartmentId != null)
            .ToListAsync(ct);
        return found.Select(r => (r, rule.For(r.IsRectificationOverdue(today)))).ToList();
    }

    public async Task<IReadOnlyList<DepartmentDeduction>> DeductionsAsync(int districtId, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await FoundAsync(db.BurdenReports.Where(r => r.DistrictId == districtId), from, to, ct))
            .GroupBy(f => f.Report.ResponsibleDepartmentId!.Value)
            .Select(g => new DepartmentDeduction(g.Key, g.First().Report.ResponsibleBody!, g.Count(), g.Sum(f => f.Points)))
            .OrderByDescending(d => d.Points)
            .ToList();

    /// <summary>The department's page for <paramref name="asked"/>, this year (China time) when none is asked.</summary>
    public async Task<Result<DepartmentPage>> PageAsync(int departmentId, int? asked, CurrentUser user, IOrganisationDirectory directory, CancellationToken ct)
    {
        var year = asked ?? time.Today().Year;
        if (year is < 2000 or > 2100)
        {
            return Error.Validation("year", "年度应在2000至2100之间。");
        }

        var department = await directory.FindDepartmentAsync(departmentId, ct);
        var unit = department is null ? null : await directory.FindUnitAsync(department.UnitId, ct);
        if (department is null || unit is null)
        {
            return Error.NotFound("部门不存在。");
        }

        var own = user.Grants.Any(g => g.Department?.Id == departmentId);
        if (!own && !user.CanAct(Role.CatalogueAdmin, unit) && !user.CanAct(Role.Admin, unit))
        {
            return Error.Forbidden("只有本部门人员、区减负办和系统管理员可以查看。");
        }

        var found = await FoundAsync(db.BurdenReports.Where(r => r.ResponsibleDepartmentId == departmentId), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), ct);
        var entries = found.OrderByDescending(f => f.Report.VerifiedAt).Select(f => new Entry(
            ReportCategories.NameOf(f.Report.Category), Disclosure.ForBody(f.Report), f.Report.Status.Chinese(),
            f.Report.VerifiedAt!.Value.ChinaDate().ToString("yyyy-MM-dd"), f.Points)).ToList();
        return new DepartmentPage(departmentId, $"{department.UnitName} {department.Name}", year, entries.Count, found.Sum(f => f.Points), entries);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/departments/{id:int}/deductions", async (int id, int? year, DepartmentDeductions deductions, ICurrentUserAccessor current,
                    IOrganisationDirectory directory, CancellationToken ct) =>
                (await deductions.PageAsync(id, year, await current.GetAsync(ct), directory, ct)).ToHttp(Results.Ok))
            .WithName("DepartmentDeductions")
            .WithSummary("部门本年度被查实的问题线索和扣分(本部门、区减负办、管理员可见)")
            .Produces<DepartmentPage>();
}
