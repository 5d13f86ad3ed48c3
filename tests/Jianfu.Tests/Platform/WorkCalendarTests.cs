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
}
