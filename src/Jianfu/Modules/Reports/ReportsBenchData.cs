using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Bench;
using Jianfu.Platform.Database;

namespace Jianfu.Modules.Reports;

/// <summary>The reports `jianfu bench bulletin` composes a bulletin over, written in bulk.</summary>
internal static class ReportsBenchData
{
    /// <summary>
    /// <paramref name="count"/> reports of the last 25 days, spread over the communities, categories and bodies, all
    /// substantiated (a third each still substantiated, asked to rectify, closed).
    /// </summary>
    public static async Task WriteSubstantiatedAsync(JianfuDbContext db, UnitInfo district, IReadOnlyList<UnitInfo> communities, IReadOnlyList<DepartmentInfo> bodies, int count)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var start = DateTime.UtcNow.AddDays(-25);
        var categories = ReportCategories.All.Select(x => x.Id).ToArray();
        for (var i = 0; i < count; i++)
        {
            var unit = communities[i % communities.Count];
            var body = bodies[i % bodies.Count];
            var at = start.AddSeconds(i * 20);
            db.BurdenReports.Add(new BurdenReport
            {
                Receipt = $"JFBENCH-{i:D8}", LocationId = 0, DistrictId = district.Id, UnitId = unit.Id, UnitName = unit.Name,
                Category = categories[i % categories.Length], Description = "基准测试线索", Status = (i % 3) switch { 0 => ReportStatus.Substantiated, 1 => ReportStatus.RectificationRequested, _ => ReportStatus.Closed },
                ReceivedAt = at, VerifyDue = DateOnly.FromDateTime(at).AddDays(7), VerifiedAt = at.AddHours(4), Summary = $"基准问题 {i}",
                ResponsibleDepartmentId = body.Id, ResponsibleBody = $"{body.UnitName} {body.Name}", RectifyDue = DateOnly.FromDateTime(at).AddDays(21),
            });
            if (i % 5000 == 4999)
            {
                await BenchData.FlushAsync(db);
            }
        }

        await BenchData.FinishAsync(db);
    }
}
