using Jianfu.Modules.Reports.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Platform.Database;

/// <summary>Reports's tables on the one context; their mapping is in ReportsMapping.cs beside this file.</summary>
public abstract partial class JianfuDbContext
{
    internal DbSet<ReportLocation> ReportLocations => Set<ReportLocation>();

    internal DbSet<BurdenReport> BurdenReports => Set<BurdenReport>();

    internal DbSet<ReportHistory> ReportHistory => Set<ReportHistory>();

    internal DbSet<MonitoringPoint> MonitoringPoints => Set<MonitoringPoint>();

    internal DbSet<Bulletin> Bulletins => Set<Bulletin>();
}
