using System.Text;

namespace Jianfu.Modules.Registry.Domain;

/// <summary>Phones as the registry keeps them: a mobile as 11 digits, a landline as area code-number, whatever was typed around them.</summary>
internal static class PhoneNumber
{
    /// <summary>The number normalised, or null with <paramref name="error"/> when it is none; empty input is no phone.</summary>
    public static string? Normalise(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (c is >= '０' and <= '９')
            {
                digits.Append((char)('0' + (c - '０')));
            }
            else if (c is not (' ' or '-' or '－' or '+' or '(' or ')' or '（' or '）'))
            {
                error = "联系电话只能包含数字(可带区号和“-”)";
                return null;
            }
        }

        var d = digits.ToString();
        if (d.StartsWith("86", StringComparison.Ordinal) && d.Length == 13)
        {
            d = d[2..];
        }

        if (d.Length == 11 && d[0] == '1' && d[1] is >= '3' and <= '9')
        {
            return d;
        }

        if (d.Length is >= 10 and <= 12 && d[0] == '0')
        {
            var area = d[1] is '1' or '2' ? 3 : 4;
            return $"{d[..area]}-{d[area..]}";
        }

        error = "联系电话应为11位手机号或带区号的座机号";
        return null;
    }

    /// <summary>138****5678, 0575-****1234.</summary>
    public static string Mask(string phone) =>
        phone.Length == 11 ? string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(7, 4))
        : phone.IndexOf('-') is var dash and > 0 && phone.Length - dash > 4 ? string.Concat(phone.AsSpan(0, dash + 1), "****", phone.AsSpan(phone.Length - 4)) : "****";
}
