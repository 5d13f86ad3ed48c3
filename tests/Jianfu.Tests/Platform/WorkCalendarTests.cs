using Jianfu.Platform.Time;

namespace Jianfu.Tests.Platform;

public sealed class WorkCalendarTests
{
    [Fact]
    public void HolidaysAreSkipped_AndAdjustedWeekendsCount()
    {
        var calendar = new WorkCalendar(holidays: [new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2)], workingWeekends: [new DateOnly(2026, 10, 10)]);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 11)));
        Assert.Equal(new DateOnly(2026, 10, 7), calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 3));
        Assert.Equal(2, calendar.WorkingDaysBetween(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 6)));
    }

    [Fact]
    public void ChinaDays_BeginAt16UtcTheDayBefore_AndUtcMomentsFallOnTheirChinaDate()
    {
        Assert.Equal(new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc), new DateOnly(2026, 12, 1).StartUtc());
        Assert.Equal(DateTimeKind.Utc, new DateOnly(2026, 12, 1).StartUtc().Kind);
        Assert.Equal(new DateOnly(2026, 12, 1), new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc).ChinaDate());
        Assert.Equal(new DateOnly(2026, 11, 30), new DateTime(2026, 11, 30, 15, 59, 59, DateTimeKind.Utc).ChinaDate());
        Assert.Equal(new DateTime(2026, 12, 1, 1, 30, 0, DateTimeKind.Utc), Clock.ChinaToUtc(new DateTime(2026, 12, 1, 9, 30, 0)));
    }
}
