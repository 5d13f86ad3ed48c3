namespace Jianfu.Modules.Registry.Domain;

/// <summary>
/// A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of 0123456789ABCDEFGHJKLMNPQRTUWXY (no
/// I O S V Z) — registration department, category, 6-digit area, 9-character organisation code, check. Weights
/// 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28; check = 31 − (Σ mod 31), 31 → 0.
/// </summary>
internal static class CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static char CheckOf(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>The code read; <paramref name="checkHolds"/> apart, as some real codes fail their check character.</summary>
    public static bool TryRead(string? text, out string code, out bool checkHolds, out string? error)
    {
        (code, checkHolds, error) = (text?.Trim().ToUpperInvariant() ?? "", false, null);
        if (code.Length != 18)
        {
            error = code.Length == 0 ? "统一社会信用代码不能为空" : $"统一社会信用代码应为18位,当前{code.Length}位";
            return false;
        }

        foreach (var c in code)
        {
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                error = $"统一社会信用代码中不能有“{c}”(不使用 I、O、S、V、Z 和小写以外的字符)";
                return false;
            }
        }

        checkHolds = CheckOf(code) == code[17];
        return true;
    }
}
