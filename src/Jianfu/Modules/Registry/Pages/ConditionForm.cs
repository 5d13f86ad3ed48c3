using System.Text.Json;
using Jianfu.Modules.Registry.Domain;

namespace Jianfu.Modules.Registry.Pages;

/// <summary>The conditions of <see cref="ConditionFields"/> as posted, read into the ledgers' vocabulary (which then checks them).</summary>
internal static class ConditionForm
{
    public static List<LedgerCondition> Read(IFormCollection form)
    {
        var (fields, ops, values) = (form["field"], form["op"], form["value"]);
        var conditions = new List<LedgerCondition>();
        for (var i = 0; i < fields.Count; i++)
        {
            if (!string.IsNullOrEmpty(fields[i]))
            {
                conditions.Add(new LedgerCondition(fields[i], i < ops.Count ? ops[i] : null, ValueOf(fields[i]!, i < ops.Count ? ops[i] ?? "" : "", i < values.Count ? values[i] ?? "" : "")));
            }
        }

        return conditions;
    }

    /// <summary>What a person types, as the value: a number for an age, two numbers for "turns within", text otherwise.</summary>
    private static JsonElement ValueOf(string field, string op, string text)
    {
        text = text.Trim();
        var numbers = text.Split([',', ',', ' ', '、'], StringSplitOptions.RemoveEmptyEntries).Select(t => int.TryParse(t, out var n) ? (int?)n : null).ToList();
        object value = op == "turns-within-months" && numbers.Count == 2 && numbers.All(n => n is not null) ? numbers.Select(n => n!.Value).ToArray()
            : field == "age" && numbers is [{ } one] ? one
            : text;
        return JsonSerializer.SerializeToElement(value);
    }

    /// <summary>A condition's value as it is typed back into the form.</summary>
    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => string.Join(",", value.EnumerateArray().Select(Text)),
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Undefined => "",
        _ => value.ToString(),
    };
}
