using System.Text.RegularExpressions;

namespace Jianfu.Platform.Text;

/// <summary>
/// Masks the personal data people type into free text — mobile and landline numbers, resident ID numbers (GB 11643)
/// and e-mail addresses — for every reader who does not need them. What is kept (the first and last digits) is enough
/// to tell two numbers apart, not to call or find anyone.
/// </summary>
public static partial class PersonalData
{
    public static string Mask(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        text = IdNumber().Replace(text, m => m.Groups["head"].Value + new string('*', m.Length - m.Groups["head"].Length - m.Groups["tail"].Length) + m.Groups["tail"].Value);
        text = Mobile().Replace(text, "${head}****${tail}");
        text = Landline().Replace(text, "${area}${dash}****${tail}");
        return Email().Replace(text, "${first}***${domain}");
    }

    public static string? MaskOrNull(string? text) => text is null ? null : Mask(text);

    // 18 digits (the last may be X), or the old 15-digit form; not inside a longer run of digits.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?<head>[1-9]\d{5})(\d{8}(?<tail>\d{3}[\dXx])|\d{6}(?<tail>\d{3}))(?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    [GeneratedRegex(@"(?<!\d)(?<head>(\+?86[- ]?)?1[3-9]\d)\d{4}(?<tail>\d{4})(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<![\d*])(?<area>0\d{2,3})(?<dash>[- ]?)\d{3,4}(?<tail>\d{4})(?!\d)")]
    private static partial Regex Landline();

    [GeneratedRegex(@"(?<first>[A-Za-z0-9])[A-Za-z0-9._%+-]*(?<domain>@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)")]
    private static partial Regex Email();
}
