using Jianfu.Modules.Assessment.Contracts;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>The recorded visits other modules read (<see cref="IInspectionVisits"/>).</summary>
internal sealed class InspectionVisits(JianfuDbContext db, AssessmentAccess access) : IInspectionVisits
{
    public async Task<VisitFact?> FindReportableAsync(int visitId, CancellationToken ct)
    {
        var visit = await FindAsync(visitId, ct);
        var unit = visit is null ? null : await access.Directory.FindUnitAsync(visit.UnitId, ct);
        return unit is not null && AssessmentAccess.WasVisited(await access.UserAsync(ct), unit) ? visit : null;
    }

    public async Task<VisitFact?> FindAsync(int visitId, CancellationToken ct)
    {
        var v = await db.InspectionVisits.AsNoTracking().Include(x => x.Approval).FirstOrDefaultAsync(x => x.Id == visitId, ct);
        if (v is null)
        {
            return null;
        }

        var item = v.PlanItemId is { } itemId ? await db.InspectionPlanItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => i.Name).FirstOrDefaultAsync(ct) : null;
        return new VisitFact(v.Id, v.DistrictId, v.UnitId, v.UnitName, v.Date, v.PlanItemId is not null, v.Title(item));
    }
}
