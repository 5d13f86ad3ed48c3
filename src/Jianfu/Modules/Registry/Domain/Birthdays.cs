namespace Jianfu.Modules.Registry.Domain;

/// <summary>
/// Ages in full years (周岁), as the welfare rules count them: one has N full years on the N-th anniversary of one's birth.
/// Someone born on 29 February has an anniversary on 1 March in a common year — the day after 28 February, when the
/// full year is complete (the 周岁 reading of 最高人民法院 法释〔2006〕1号 第二条: counted from the day after the birthday).
/// </summary>
internal static class Birthdays
{
    /// <summary>The day in <paramref name="year"/> one born on <paramref name="birth"/> completes another year.</summary>
    public static DateOnly Anniversary(DateOnly birth, int year) =>
        birth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year) ? new DateOnly(year, 3, 1) : new DateOnly(year, birth.Month, birth.Day);

    public static int Age(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        return Anniversary(birth, on.Year) > on ? age - 1 : age;
    }

    /// <summary>The day one reaches <paramref name="age"/> full years.</summary>
    public static DateOnly Reaches(DateOnly birth, int age) => Anniversary(birth, birth.Year + age);

    /// <summary>Whether one reaches <paramref name="age"/> from today to <paramref name="months"/> months on, both days included.</summary>
    public static bool TurnsWithin(DateOnly birth, int age, int months, DateOnly today) =>
        Reaches(birth, age) is var day && day >= today && day <= today.AddMonths(months);

    /// <summary>
    /// Birth dates that can reach <paramref name="age"/> in the window, for the index: one day wider at the early end (a
    /// 29 February birth reaches it on 1 March); <see cref="TurnsWithin"/> decides exactly.
    /// </summary>
    public static (DateOnly From, DateOnly To) BirthsTurningWithin(int age, int months, DateOnly today) =>
        (today.AddYears(-age).AddDays(-1), today.AddMonths(months).AddYears(-age));

    /// <summary>
    /// The latest birth date of one with at least <paramref name="age"/> full years on <paramref name="today"/> (born on or
    /// before it). DateOnly's clamping to 28 February agrees with the 1 March anniversary on both sides.
    /// </summary>
    public static DateOnly BornByForAge(int age, DateOnly today) => today.AddYears(-age);
}
