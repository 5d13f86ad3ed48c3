using System.Text.Json;
using Jianfu.Platform.Errors;

namespace Jianfu.Modules.Registry.Domain;

/// <summary>What a ledger lists: residents (人), shops (铺) or enterprises (企).</summary>
internal enum LedgerSubject
{
    Residents = 1,
    Shops = 2,
    Enterprises = 3,
}

/// <summary>
/// The ledgers over shops and enterprises (沿街商铺, the enterprises of a grid): the same fixed, typed vocabulary as the
/// residents' ledgers — <c>= != in</c> over a few fields — with their own columns.
/// </summary>
internal static class BusinessLedger
{
    public static readonly IReadOnlyList<(string Id, string Name)> ShopColumns =
    [
        ("name", "店名"), ("operator", "经营者"), ("licenceCode", "营业执照号码"), ("address", "地址"), ("streetFacing", "是否沿街"), ("phone", "联系电话"),
        ("community", "村(社区)"), ("grid", "网格"),
    ];

    public static readonly IReadOnlyList<(string Id, string Name)> EnterpriseColumns =
    [
        ("name", "企业名称"), ("creditCode", "统一社会信用代码"), ("address", "地址"), ("contact", "联系人"), ("phone", "联系电话"), ("community", "村(社区)"), ("grid", "网格"),
    ];

    public static LedgerSubject? Parse(string? subject) => subject?.Trim() switch
    {
        null or "" or "residents" => LedgerSubject.Residents,
        "shops" => LedgerSubject.Shops,
        "enterprises" => LedgerSubject.Enterprises,
        _ => null,
    };

    public static string Code(this LedgerSubject subject) => subject.ToString().ToLowerInvariant();

    public static IReadOnlyList<(string Id, string Name)> Columns(LedgerSubject subject) => subject == LedgerSubject.Shops ? ShopColumns : EnterpriseColumns;

    public static string ColumnName(LedgerSubject subject, string id) => Columns(subject).FirstOrDefault(c => c.Id == id).Name ?? id;

    private static string[] TextFields(LedgerSubject subject) => subject == LedgerSubject.Shops ? ["name", "operator", "grid"] : ["name", "grid"];

    /// <summary>A business ledger as sent, checked, the first problem named in Chinese.</summary>
    public static Result<(IReadOnlyList<Criterion> Criteria, IReadOnlyList<string> Columns)> Read(LedgerSubject subject, IReadOnlyList<LedgerCondition>? conditions, IReadOnlyList<string>? columns)
    {
        if (conditions is not { Count: > 0 and <= LedgerQuery.MaxConditions })
        {
            return Error.Validation("conditions", conditions is null or { Count: 0 } ? "请至少设置一个条件。" : $"条件不能超过{LedgerQuery.MaxConditions}个。");
        }

        var criteria = new List<Criterion>();
        for (var i = 0; i < conditions.Count; i++)
        {
            var (field, op, value) = (conditions[i]?.Field?.Trim() ?? "", conditions[i]?.Op?.Trim() ?? "", conditions[i]?.Value ?? default);
            Criterion? read = (field, op) switch
            {
                ("streetFacing", "=") when subject == LedgerSubject.Shops => value.ValueKind switch
                {
                    JsonValueKind.True => new Criterion.Flag(field, true),
                    JsonValueKind.False => new Criterion.Flag(field, false),
                    JsonValueKind.String when BusinessFile.Flag(value.GetString()!) is { } yes => new Criterion.Flag(field, yes),
                    _ => null,
                },
                (_, "=" or "!=" or "in") when TextFields(subject).Contains(field) => Text(field, op, value),
                _ => null,
            };
            if (read is null)
            {
                var fields = string.Join("、", TextFields(subject).Concat(subject == LedgerSubject.Shops ? ["streetFacing"] : []));
                return Error.Validation("conditions", $"第{i + 1}个条件:“{field} {op}”不可用;{(subject == LedgerSubject.Shops ? "商铺" : "企业")}台账可用的字段:{fields}(是否沿街写“是”或“否”)。");
            }

            criteria.Add(read);
        }

        var all = Columns(subject);
        var chosen = columns is { Count: > 0 } ? columns : all.Select(c => c.Id).ToList();
        var unknown = chosen.FirstOrDefault(c => all.All(k => k.Id != c));
        return unknown is null
            ? (criteria, chosen.Distinct(StringComparer.Ordinal).ToList())
            : Error.Validation("columns", $"没有“{unknown}”这一列;可选:{string.Join("、", all.Select(c => $"{c.Id}({c.Name})"))}。");
    }

    private static Criterion? Text(string field, string op, JsonElement value)
    {
        var values = op == "in"
            ? value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()!.Trim() : "").ToArray() : []
            : value.ValueKind == JsonValueKind.String ? [value.GetString()!.Trim()] : [];
        return values.Length is 0 or > 200 || values.Any(v => v.Length is 0 or > 100) ? null : new Criterion.Text(field, values, op == "!=");
    }
}
