using System.Globalization;
using System.Text.Json;
using Jianfu.Platform.Errors;

namespace Jianfu.Modules.Registry.Domain;

/// <summary>One condition as sent: a field, an operator and a value, from the fixed vocabulary below; never SQL.</summary>
public sealed record LedgerCondition(string? Field, string? Op, JsonElement Value);

/// <summary>A column of a generated list: its id (the API's row key) and its Chinese heading.</summary>
public sealed record LedgerColumn(string Id, string Name);

/// <summary>A condition read and checked, ready to run.</summary>
internal abstract record Criterion
{
    /// <summary>name, idNumber, sex, grid, residence, household equal to one of the values (or, negated, to none).</summary>
    public sealed record Text(string Field, string[] Values, bool Negated) : Criterion;

    /// <summary>Full years of age compared with a number: <c>=</c>, <c>!=</c>, <c>&gt;=</c>, <c>&lt;=</c>.</summary>
    public sealed record Age(string Op, int Years) : Criterion;

    /// <summary>Reaches <see cref="Years"/> full years from today to <see cref="Months"/> months on (the 90-year milk).</summary>
    public sealed record TurnsWithin(int Years, int Months) : Criterion;

    public sealed record Born(string Op, DateOnly Date) : Criterion;

    public sealed record HasTag(string Tag) : Criterion;

    /// <summary>A yes-or-no field (a shop's 是否沿街) equal to the value.</summary>
    public sealed record Flag(string Field, bool Value) : Criterion;
}

/// <summary>
/// 台账随手出: a ledger is a saved condition over the registry's residents and the columns to show. The vocabulary is
/// fixed and typed — fields, operators <c>= != &gt;= &lt;= in has-tag turns-within-months</c>, values — so that no
/// condition is ever text run as a query, and a wrong one gets a Chinese message naming it.
/// </summary>
internal static class LedgerQuery
{
    public const int MaxConditions = 10;

    /// <summary>The columns a ledger may show, in the order offered, with their Chinese headings.</summary>
    public static readonly IReadOnlyList<(string Id, string Name)> Columns =
    [
        ("name", "姓名"), ("sex", "性别"), ("age", "年龄"), ("birthDate", "出生日期"), ("idNumber", "公民身份号码"), ("phone", "联系电话"),
        ("community", "村(社区)"), ("grid", "网格"), ("gridWorker", "网格员"), ("address", "住址"), ("residence", "居住关系"), ("household", "户号"), ("tags", "标签"),
    ];

    public static readonly string[] DefaultColumns = ["name", "sex", "age", "address", "phone"];

    private static readonly string[] TextFields = ["name", "idNumber", "sex", "grid", "residence", "household"];

    public static string ColumnName(string id) => Columns.FirstOrDefault(c => c.Id == id).Name ?? id;

    public static string FieldName(string field) => field switch
    {
        "tags" => "标签",
        "age" => "年龄",
        _ => ColumnName(field),
    };

    /// <summary>The conditions checked, each error naming its place (第2项) in Chinese.</summary>
    public static Result<IReadOnlyList<Criterion>> Read(IReadOnlyList<LedgerCondition>? conditions)
    {
        if (conditions is null || conditions.Count == 0)
        {
            return Error.Validation("conditions", "请至少设置一个条件。");
        }

        if (conditions.Count > MaxConditions)
        {
            return Error.Validation("conditions", $"条件不能超过{MaxConditions}个。");
        }

        var read = new List<Criterion>();
        for (var i = 0; i < conditions.Count; i++)
        {
            var c = conditions[i];
            var result = ReadOne(c?.Field?.Trim() ?? "", c?.Op?.Trim() ?? "", c?.Value ?? default);
            if (!result.IsSuccess)
            {
                return Error.Validation("conditions", $"第{i + 1}个条件:{result.Error!.Message}");
            }

            read.Add(result.Value);
        }

        return read;
    }

    /// <summary>A whole ledger as sent — conditions, then columns — checked, the first problem named.</summary>
    public static Result<(IReadOnlyList<Criterion> Criteria, IReadOnlyList<string> Columns)> Read(IReadOnlyList<LedgerCondition>? conditions, IReadOnlyList<string>? columns)
    {
        var criteria = Read(conditions);
        var read = ReadColumns(columns);
        return !criteria.IsSuccess ? criteria.Error! : !read.IsSuccess ? read.Error! : (criteria.Value, read.Value);
    }

    /// <summary>The columns checked; none given means <see cref="DefaultColumns"/>.</summary>
    public static Result<IReadOnlyList<string>> ReadColumns(IReadOnlyList<string>? columns)
    {
        if (columns is null || columns.Count == 0)
        {
            return DefaultColumns;
        }

        var unknown = columns.FirstOrDefault(c => Columns.All(k => k.Id != c));
        if (unknown is not null)
        {
            return Error.Validation("columns", $"没有“{unknown}”这一列;可选:{string.Join("、", Columns.Select(c => $"{c.Id}({c.Name})"))}。");
        }

        return columns.Distinct(StringComparer.Ordinal).ToList();
    }

    private static Result<Criterion> ReadOne(string field, string op, JsonElement value)
    {
        switch (field, op)
        {
            case ("age", "turns-within-months"):
                return value is { ValueKind: JsonValueKind.Array } pair && pair.GetArrayLength() == 2
                       && pair[0].TryGetInt32(out var years) && pair[1].TryGetInt32(out var months) && years is >= 0 and <= 150 && months is >= 1 and <= 24
                    ? new Criterion.TurnsWithin(years, months)
                    : Error.Validation("value", "“年满…周岁”的值应为[年龄, 月数],如[90, 3]:未来3个月内年满90周岁(月数1到24)。");
            case ("age", "=" or "!=" or ">=" or "<="):
                return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var age) && age is >= 0 and <= 150
                    ? new Criterion.Age(op, age)
                    : Error.Validation("value", "年龄应为0到150之间的整数。");
            case ("birthDate", "=" or ">=" or "<="):
                return value.ValueKind == JsonValueKind.String
                       && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? new Criterion.Born(op, date)
                    : Error.Validation("value", "出生日期应写成 yyyy-MM-dd,如 1936-02-29。");
            case ("tags", "has-tag"):
                return value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 and <= 20 } tag
                    ? new Criterion.HasTag(tag)
                    : Error.Validation("value", "请填写一个标签名称,如“独居”。");
            case (_, "=" or "!=" or "in") when TextFields.Contains(field):
                var values = op == "in"
                    ? value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim() : "").ToArray() : []
                    : value.ValueKind == JsonValueKind.String ? [value.GetString()!.Trim()] : [];
                if (values.Length is 0 or > 200 || values.Any(v => v.Length is 0 or > 100))
                {
                    return Error.Validation("value", op == "in" ? "“属于”的值应为文字列表,如[\"租住\", \"寄住\"]。" : "请填写要比较的文字。");
                }

                if (field == "sex" && values.Any(v => v is not ("男" or "女")))
                {
                    return Error.Validation("value", "性别应为“男”或“女”。");
                }

                if (field == "residence" && values.Any(v => ResidenceNames.Parse(v) is null))
                {
                    return Error.Validation("value", "居住关系应为“自住”“租住”或“寄住”。");
                }

                return new Criterion.Text(field, values, op == "!=");
            default:
                return Columns.Any(c => c.Id == field) || field == "tags"
                    ? Error.Validation("op", $"“{FieldName(field)}”不能用“{op}”;可用 = != >= <= in has-tag turns-within-months 中适合该字段的。")
                    : Error.Validation("field", $"没有“{field}”这个条件字段;可用:name、idNumber、sex、birthDate、age、grid、residence、household、tags。");
        }
    }
}
