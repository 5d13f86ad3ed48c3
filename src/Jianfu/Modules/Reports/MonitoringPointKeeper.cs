using System.Globalization;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Errors;

namespace Jianfu.Modules.Reports;

/// <summary>A monitoring point as its lists show it: when it was last contacted and visited, when each is due, whether overdue.</summary>
internal sealed record MonitoringPointSummary(int Id, string UnitCode, string UnitName, string DesignatedOn, string? LastContact, string ContactDue, bool ContactOverdue,
    string? LastVisit, string VisitDue, bool VisitOverdue, int Reports);

/// <summary>Who may manage monitoring points (the district's burden office), and how a point is summarised.</summary>
internal sealed class MonitoringPointKeeper(ICurrentUserAccessor current, ReportAccess access, MonitoringSchedule schedule)
{
    /// <summary>The burden office's user and the districts it keeps: only they manage monitoring points.</summary>
    public async Task<Result<(CurrentUser User, IReadOnlyList<int> Districts)>> KeeperAsync(CancellationToken ct)
    {
        var districts = await access.HandledDistrictsAsync(ct);
        return districts.Count == 0 ? Error.Forbidden("只有区减负办(清单管理员)可以管理减负监测点。") : (await current.GetAsync(ct), districts);
    }

    public MonitoringPointSummary Describe(MonitoringPoint p, int reports, DateOnly today) => new(
        p.Id, p.UnitCode, p.UnitName, Format(p.DesignatedOn),
        p.Last(MonitoringKind.Contact) is { } c ? Format(c) : null, Format(p.Due(MonitoringKind.Contact, schedule)), p.IsOverdue(MonitoringKind.Contact, schedule, today),
        p.Last(MonitoringKind.Visit) is { } v ? Format(v) : null, Format(p.Due(MonitoringKind.Visit, schedule)), p.IsOverdue(MonitoringKind.Visit, schedule, today),
        reports);

    public static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
