namespace Jianfu.Platform.Time;

/// <summary>
/// Working days for deadlines: Monday to Friday, less the public holidays the district configures
/// (Jianfu:Calendar:Holidays), plus the adjusted working weekends (Jianfu:Calendar:WorkingWeekends, 调休).
/// </summary>
public sealed class WorkCalendar(IEnumerable<DateOnly>? holidays = null, IEnumerable<DateOnly>? workingWeekends = null)
{
    private readonly HashSet<DateOnly> _holidays = [.. holidays ?? []];
    private readonly HashSet<DateOnly> _workingWeekends = [.. workingWeekends ?? []];

    public bool IsWorkingDay(DateOnly day) =>
        _workingWeekends.Contains(day) ||
        (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day));

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }

    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var day = from;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                days--;
            }
        }

        return day;
    }
}
