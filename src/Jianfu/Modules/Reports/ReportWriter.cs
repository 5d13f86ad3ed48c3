using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;

namespace Jianfu.Modules.Reports;

/// <summary>The one writer of new burden reports (<see cref="GroupCommitWriter{T}"/>): a 201 means the report is in the database.</summary>
internal sealed class ReportWriter(IServiceScopeFactory scopes, ILogger<ReportWriter> logger) : GroupCommitWriter<BurdenReport>(scopes, logger)
{
    protected override async Task SaveAsync(JianfuDbContext db, IReadOnlyList<BurdenReport> rows)
    {
        db.BurdenReports.AddRange(rows);
        await db.SaveChangesAsync();
    }
}
