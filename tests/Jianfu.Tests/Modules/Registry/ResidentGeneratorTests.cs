using System.Text.RegularExpressions;
using Jianfu.Modules.Registry;
using Jianfu.Modules.Registry.Domain;

namespace Jianfu.Tests.Modules.Registry;

/// <summary>The synthetic residents the benchmarks and the demo are made of: valid, unique, and shaped like a population.</summary>
public sealed class ResidentGeneratorTests
{
    [Fact]
    public void GeneratedResidents_HaveValidUniqueIdNumbers_ChineseNames_AndACensusShape()
    {
        var today = new DateOnly(2026, 12, 1);
        var rows = new ResidentGenerator(7).Residents(20_000, [("330602108200", "富盛村委会"), ("330602108202", "金家岙村委会")], "330602", today).ToList();
        Assert.Equal(20_000, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r[1]).Distinct().Count());
        var ages = new List<int>();
        foreach (var row in rows)
        {
            Assert.True(CitizenId.TryRead(row[1], today, out var id, out var checkHolds, out _));
            Assert.True(checkHolds);
            Assert.Matches(new Regex(@"^\p{IsCJKUnifiedIdeographs}{2,3}$"), row[0]);
            Assert.Equal(row[12]!.Contains("高龄", StringComparison.Ordinal), Birthdays.Age(id.BirthDate, today) >= 80);
            ages.Add(Birthdays.Age(id.BirthDate, today));
        }

        // 2020 census: about 2.6% aged 80 or more, 18% aged 60 or more.
        Assert.InRange(ages.Count(a => a >= 80) / (double)ages.Count, 0.015, 0.04);
        Assert.InRange(ages.Count(a => a >= 60) / (double)ages.Count, 0.14, 0.23);
    }
}
