using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>
/// Handlers are the district's list keepers (CatalogueAdmin); the responsible body is whoever holds a grant in the
/// department the report was found against. The body never learns who reported.
/// </summary>
internal sealed class ReportAccess(JianfuDbContext db, ICurrentUserAccessor current, IOrganisationDirectory directory)
{
    public enum Seat
    {
        Handler,
        ResponsibleBody,
    }

    public async Task<Result<(CurrentUser User, BurdenReport Report, Seat Seat)>> LoadAsync(string receipt, CancellationToken ct)
    {
        var key = receipt.Trim().ToUpperInvariant();
        var report = await db.BurdenReports.Include(r => r.History).FirstOrDefaultAsync(r => r.Receipt == key, ct);
        if (report is null)
        {
            return Error.NotFound("没有这个回执号的线索。");
        }

        var user = await current.GetAsync(ct);
        if (await IsKeeperAsync(report, ct) || (report.DelegateUserId is not null && report.DelegateUserId == user.UserId))
        {
            return (user, report, Seat.Handler);
        }

        if (report.ResponsibleDepartmentId is { } dept && report.Status is ReportStatus.RectificationRequested or ReportStatus.Rectified or ReportStatus.Closed &&
            user.Grants.Any(g => g.Department?.Id == dept))
        {
            return (user, report, Seat.ResponsibleBody);
        }

        return Error.Forbidden("只有区减负办(清单管理员)和被要求整改的责任单位可以查看此线索。");
    }

    /// <summary>The district's list keeper (not a delegate).</summary>
    public async Task<bool> IsKeeperAsync(BurdenReport report, CancellationToken ct)
    {
        var district = await directory.FindUnitAsync(report.DistrictId, ct);
        return district is not null && (await current.GetAsync(ct)).CanAct(Role.CatalogueAdmin, district);
    }

    public async Task<IReadOnlyList<int>> HandledDistrictsAsync(CancellationToken ct) =>
        (await current.GetAsync(ct)).GrantsOf(Role.CatalogueAdmin).Select(g => g.Unit.DistrictId).Distinct().ToList();

    public static ReportActor ActorOf(CurrentUser user) => new(user.UserId, user.DisplayName);
}
