using System.Text.RegularExpressions;
using Jianfu.Platform.Errors;

namespace Jianfu.Platform.Time;

/// <summary>
/// A date as officials type it — 2026-12-01, 2026/12/1, 2026.12.1 or 2026年12月1日 — with the one message each problem
/// gets: a date that does not exist (2026-02-30) is called that, anything else is shown how to write it.
/// </summary>
public static partial class DateText
{
    public static Result<DateOnly> Parse(string? text, string field, string label)
    {
        var written = text?.Trim() ?? "";
        if (Pattern().Match(written) is not { Success: true } m)
        {
            return Error.Validation(field, $"{label}“{written}”无法识别,请写成 2026-12-01 这样的日期。");
        }

        var (year, month, day) = (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value));
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : Error.Validation(field, $"{label}“{written}”不是真实存在的日期。");
    }

    [GeneratedRegex(@"^(\d{4})(?:-|/|\.|年)(\d{1,2})(?:-|/|\.|月)(\d{1,2})日?$")]
    private static partial Regex Pattern();
}
