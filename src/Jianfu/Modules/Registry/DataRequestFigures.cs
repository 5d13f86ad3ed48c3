using System.Globalization;
using Jianfu.Modules.Registry.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Registry;

/// <summary>Each data request answered counts once, in the month of its first answer (<see cref="IDataRequestFigures"/>).</summary>
internal sealed class DataRequestFigures(JianfuDbContext db) : IDataRequestFigures
{
    public async Task<IReadOnlyList<AvoidedTasks>> AvoidedAsync(int districtId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (since, until) = (Clock.ChinaToUtc(from.ToDateTime(TimeOnly.MinValue)), Clock.ChinaToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        var answered = await db.DataRequests.AsNoTracking()
            .Where(d => d.DistrictId == districtId && d.FirstAnsweredAt >= since && d.FirstAnsweredAt < until)
            .Select(d => new { d.DepartmentId, d.DepartmentName, d.FirstAnsweredAt })
            .ToListAsync(ct);
        return answered.GroupBy(d => (d.DepartmentId, d.DepartmentName, Month: d.FirstAnsweredAt!.Value.ChinaDate().ToString("yyyy-MM", CultureInfo.InvariantCulture)))
            .Select(g => new AvoidedTasks(g.Key.DepartmentId, g.Key.DepartmentName, g.Key.Month, g.Count()))
            .OrderBy(a => a.Month, StringComparer.Ordinal).ThenBy(a => a.DepartmentId).ToList();
    }
}
