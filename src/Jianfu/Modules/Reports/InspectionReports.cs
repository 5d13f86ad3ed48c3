using Jianfu.Modules.Reports.Contracts;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>The reports that name an inspection visit (<see cref="IInspectionReports"/>).</summary>
internal sealed class InspectionReports(JianfuDbContext db) : IInspectionReports
{
    public async Task<IReadOnlyDictionary<int, int>> CountByVisitAsync(IReadOnlyCollection<int> visitIds, CancellationToken ct) =>
        visitIds.Count == 0
            ? new Dictionary<int, int>()
            : await db.BurdenReports.AsNoTracking()
                .Where(r => r.InspectionVisitId != null && visitIds.Contains(r.InspectionVisitId.Value))
                .GroupBy(r => r.InspectionVisitId!.Value)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}
