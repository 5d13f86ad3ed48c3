using System.Globalization;

namespace Jianfu.Modules.Registry.Domain;

internal enum Sex
{
    Male = 1,
    Female = 2,
}

/// <summary>
/// A citizen ID number (公民身份号码, GB 11643-1999): a 6-digit address code, the birth date yyyyMMdd, a 3-digit sequence
/// (odd for men, even for women) and a check character by ISO 7064 MOD 11-2 — weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2,
/// Σ mod 11 = 0…10 → 1 0 X 9 8 7 6 5 4 3 2.
/// </summary>
internal readonly record struct CitizenId(string Number, DateOnly BirthDate, Sex Sex)
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string Checks = "10X98765432";

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckOf(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return Checks[sum % 11];
    }

    /// <summary>
    /// The number read: what it says (birth date, sex), and, apart, whether its check character holds — real registers
    /// hold a few numbers that fail it, which a keeper may accept with a recorded reason.
    /// </summary>
    /// <param name="error">Why it cannot be a citizen ID number at all (length, digits, birth date), in Chinese.</param>
    public static bool TryRead(string? text, DateOnly today, out CitizenId id, out bool checkHolds, out string? error)
    {
        (id, checkHolds, error) = (default, false, null);
        var number = text?.Trim().ToUpperInvariant() ?? "";
        if (number.Length != 18)
        {
            error = number.Length == 0 ? "公民身份号码不能为空" : $"公民身份号码应为18位,“{Shown(number)}”是{number.Length}位";
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            if (number[i] is < '0' or > '9')
            {
                error = "公民身份号码前17位应为数字";
                return false;
            }
        }

        if (number[17] is not ((>= '0' and <= '9') or 'X'))
        {
            error = "公民身份号码最后一位应为数字或X";
            return false;
        }

        if (!DateOnly.TryParseExact(number.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1800 || birth > today)
        {
            error = $"公民身份号码中的出生日期“{number.Substring(6, 8)}”不是真实的日期";
            return false;
        }

        id = new CitizenId(number, birth, (number[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female);
        checkHolds = CheckOf(number) == number[17];
        return true;
    }

    /// <summary>The number for a reader whose role does not need it: 3306**********1234.</summary>
    public static string Mask(string number) => number.Length == 18 ? string.Concat(number.AsSpan(0, 4), "**********", number.AsSpan(14, 4)) : new string('*', number.Length);

    private static string Shown(string number) => number.Length > 24 ? number[..24] + "…" : number;
}

internal static class SexNames
{
    public static string Chinese(this Sex sex) => sex == Sex.Male ? "男" : "女";
}
