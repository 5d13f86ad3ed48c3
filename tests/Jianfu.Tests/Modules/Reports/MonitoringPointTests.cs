using Jianfu.Modules.Reports.Domain;

namespace Jianfu.Tests.Modules.Reports;

public sealed class MonitoringPointTests
{
    private static readonly MonitoringSchedule Schedule = new();

    private static MonitoringPoint Point() => new() { UnitCode = "330602108200", UnitName = "富盛村委会", DesignatedOn = new DateOnly(2026, 9, 1), DesignatedBy = "x" };

    [Fact]
    public void ContactIsDueMonthly_AndVisitEveryTwoMonths_FromTheLastOne()
    {
        var p = Point();
        Assert.Equal(new DateOnly(2026, 10, 1), p.Due(MonitoringKind.Contact, Schedule));
        Assert.Equal(new DateOnly(2026, 11, 1), p.Due(MonitoringKind.Visit, Schedule));
        Assert.True(p.IsOverdue(MonitoringKind.Contact, Schedule, new DateOnly(2026, 10, 2)));
        Assert.Null(p.Record(MonitoringKind.Contact, new DateOnly(2026, 10, 20), "陈清单", "反映会议偏多", [], new DateOnly(2026, 10, 21), "x"));
        Assert.Equal(new DateOnly(2026, 11, 20), p.Due(MonitoringKind.Contact, Schedule));
        Assert.False(p.IsOverdue(MonitoringKind.Contact, Schedule, new DateOnly(2026, 11, 20)));
        Assert.True(p.IsOverdue(MonitoringKind.Visit, Schedule, new DateOnly(2026, 11, 2)));
    }

    [Fact]
    public void Recording_RefusesFutureDates_AndEmptyFields()
    {
        var p = Point();
        var today = new DateOnly(2026, 11, 23);
        Assert.Equal("validation", p.Record(MonitoringKind.Visit, today.AddDays(1), "x", "y", [], today, "x")?.Code);
        Assert.Equal("validation", p.Record(MonitoringKind.Visit, new DateOnly(2026, 8, 1), "x", "y", [], today, "x")?.Code);
        Assert.Equal("validation", p.Record(MonitoringKind.Visit, today, " ", "y", [], today, "x")?.Code);
        Assert.Equal("validation", p.Record(MonitoringKind.Visit, today, "x", "", [], today, "x")?.Code);
        Assert.Empty(p.Activities);
    }
}
