using System.Globalization;
using Jianfu.Platform.Errors;

namespace Jianfu.Modules.Assessment.Domain;

/// <summary>
/// What a score covers: one month, or the set's whole year so far (<see cref="Month"/> 0) — the real-time board of a
/// year's assessment. Stored as yyyyMM, with 00 for the year.
/// </summary>
internal readonly record struct Period(int Year, int Month)
{
    public int Key => Year * 100 + Month;

    public bool IsYear => Month == 0;

    public DateOnly From => new(Year, IsYear ? 1 : Month, 1);

    /// <summary>The first day after the period.</summary>
    public DateOnly Until => IsYear ? From.AddYears(1) : From.AddMonths(1);

    public string Text => IsYear ? Year.ToString("0000", CultureInfo.InvariantCulture) : $"{Year:0000}-{Month:00}";

    public string Chinese => IsYear ? $"{Year}年全年" : $"{Year}年{Month}月";

    /// <summary>The rating months (yyyyMM) it spans, first and last.</summary>
    public (int First, int Last) Months => IsYear ? (Year * 100 + 1, Year * 100 + 12) : (Key, Key);

    public static Period FromKey(int key) => new(key / 100, key % 100);

    /// <summary>"yyyy-MM" for a month, "yyyy" for a year; nothing means the whole of <paramref name="year"/>.</summary>
    public static Result<Period> Parse(string? text, int year)
    {
        var t = text?.Trim() ?? "";
        if (t.Length == 0)
        {
            return new Period(year, 0);
        }

        if (t.Length == 4 && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100)
        {
            return new Period(y, 0);
        }

        return DateOnly.TryParseExact(t + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2100
            ? new Period(day.Year, day.Month)
            : Error.Validation("month", "期间格式应为 yyyy-MM(某月)或 yyyy(全年),例如 2026-11。");
    }
}
