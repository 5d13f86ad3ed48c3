using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Layout;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>The green-channel work waiting for the signed-in user: reports to verify for the district's handlers and delegates.</summary>
internal sealed class CountMyWork(JianfuDbContext db, ReportAccess access, ICurrentUserAccessor current) : IWorkSource
{
    public async Task<IReadOnlyList<WorkCount>> CountAsync(CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        if (!user.IsAuthenticated)
        {
            return [];
        }

        var districts = await access.HandledDistrictsAsync(ct);
        var userId = user.UserId;
        var handled = db.BurdenReports.AsNoTracking().Where(r => districts.Contains(r.DistrictId) || r.DelegateUserId == userId);
        if (districts.Count == 0 && !await handled.AnyAsync(ct))
        {
            return [];
        }

        return [new("/reports", "待核实的问题线索", await handled.CountAsync(r => r.Status == ReportStatus.Received || r.Status == ReportStatus.Verifying, ct))];
    }
}
