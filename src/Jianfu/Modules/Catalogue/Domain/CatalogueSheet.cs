using System.Globalization;
using Jianfu.Modules.Catalogue.Contracts;

namespace Jianfu.Modules.Catalogue.Domain;

/// <summary>One bad cell of an imported sheet: row number as the official sees it in Excel, column header, reason.</summary>
internal sealed record SheetError(int Row, string Column, string Reason)
{
    public override string ToString() => $"第{Row}行「{Column}」:{Reason}";
}

/// <summary>
/// The catalogue as officials keep it in Excel: Chinese column headers, one item a row. Import validates every
/// row and yields either all items or all errors, never a part.
/// </summary>
internal static class CatalogueSheet
{
    public const string Code = "过筛编码";
    public const string Name = "事项名称";
    public const string Kind = "事项类型";
    public const string Parent = "上级事项编码";
    public const string BasisDocument = "依据文件";
    public const string BasisArticle = "依据条款";
    public const string Department = "责任部门";
    public const string Description = "事项说明";
    public const string ByLaw = "法律法规明文规定";
    public const string Customary = "约定俗成需村社协助";
    public const string Capacity = "在村社能力范围";
    public const string Status = "状态";
    public const string RetiredReason = "停用原因";

    public static readonly string[] Headers =
        [Code, Name, Kind, Parent, BasisDocument, BasisArticle, Department, Description, ByLaw, Customary, Capacity, Status, RetiredReason];

    private static readonly string[] Required = [Code, Name, Kind, BasisDocument];

    public static string KindText(DutyKind kind) => kind switch
    {
        DutyKind.Statutory => "依法履职",
        DutyKind.Assistance => "协助",
        _ => "负面清单",
    };

    public static DutyKind? ParseKind(string text) => text.Trim() switch
    {
        "依法履职" or "依法履职事项" or "Statutory" => DutyKind.Statutory,
        "协助" or "协助事项" or "依法协助" or "Assistance" => DutyKind.Assistance,
        "负面清单" or "负面清单事项" or "不应出具证明" or "Excluded" => DutyKind.Excluded,
        _ => null,
    };

    public static Dictionary<string, object?> ToRow(DutyItem i) => new()
    {
        [Code] = i.ScreeningCode,
        [Name] = i.Name,
        [Kind] = KindText(i.Kind),
        [Parent] = i.ParentCode ?? "",
        [BasisDocument] = i.BasisDocument,
        [BasisArticle] = i.BasisArticle,
        [Department] = i.ResponsibleDepartment,
        [Description] = i.Description,
        [ByLaw] = i.RequiredByLaw ? "是" : "否",
        [Customary] = i.CustomaryAssistance ? "是" : "否",
        [Capacity] = i.WithinCapacity ? "是" : "否",
        [Status] = i.Status == DutyItemStatus.Active ? "有效" : "已停用",
        [RetiredReason] = i.RetiredReason ?? "",
    };

    /// <param name="rows">Rows keyed by header; the first data row is row 2 of the sheet.</param>
    /// <param name="knownCodes">Codes outside the sheet that a parent code may name (the rest of a version).</param>
    public static (List<DutyItem> Items, List<SheetError> Errors) Parse(
        IReadOnlyList<IReadOnlyDictionary<string, string?>> rows, IReadOnlyCollection<string> headers, DateOnly today, IReadOnlySet<string>? knownCodes = null)
    {
        var errors = new List<SheetError>();
        var missing = Headers.Take(8).Where(h => !headers.Contains(h)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new SheetError(1, string.Join("、", missing), "缺少此列,请使用导出的模板"));
            return ([], errors);
        }

        var items = new List<DutyItem>();
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var rowNumber = i + 2;
            var row = rows[i];
            string Get(string column) => row.TryGetValue(column, out var v) ? (v ?? "").Trim() : "";
            if (Headers.All(h => Get(h).Length == 0))
            {
                continue;
            }

            foreach (var column in Required.Where(c => Get(c).Length == 0))
            {
                errors.Add(new SheetError(rowNumber, column, "不能为空"));
            }

            foreach (var column in Headers)
            {
                if (Platform.Database.StoredText.Problem(Get(column)) is { } problem)
                {
                    errors.Add(new SheetError(rowNumber, column, problem));
                }
            }

            var code = Get(Code).ToUpperInvariant();
            if (code.Length > 32 || code.Any(ch => !(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '.' or '_')))
            {
                errors.Add(new SheetError(rowNumber, Code, "只能由字母、数字和 - . _ 组成,不超过32位"));
            }
            else if (code.Length > 0 && !codes.TryAdd(code, rowNumber))
            {
                errors.Add(new SheetError(rowNumber, Code, $"与第{codes[code]}行重复"));
            }

            CheckLength(rowNumber, Name, Get(Name), 200, errors);
            CheckLength(rowNumber, BasisDocument, Get(BasisDocument), 500, errors);
            CheckLength(rowNumber, BasisArticle, Get(BasisArticle), 200, errors);
            CheckLength(rowNumber, Department, Get(Department), 100, errors);
            CheckLength(rowNumber, Description, Get(Description), 2000, errors);

            var kind = ParseKind(Get(Kind));
            if (kind is null && Get(Kind).Length > 0)
            {
                errors.Add(new SheetError(rowNumber, Kind, $"“{Get(Kind)}”无效,应为 依法履职、协助 或 负面清单"));
            }

            var status = Get(Status) switch
            {
                "" or "有效" or "Active" => DutyItemStatus.Active,
                "已停用" or "停用" or "Retired" => (DutyItemStatus?)DutyItemStatus.Retired,
                _ => null,
            };
            if (status is null)
            {
                errors.Add(new SheetError(rowNumber, Status, $"“{Get(Status)}”无效,应为 有效 或 已停用"));
            }
            else if (status == DutyItemStatus.Retired && Get(RetiredReason).Length == 0)
            {
                errors.Add(new SheetError(rowNumber, RetiredReason, "已停用的事项须写明停用原因"));
            }

            var flags = new[] { ByLaw, Customary, Capacity }.Select(c => (c, Value: ParseBool(Get(c)))).ToList();
            foreach (var (column, _) in flags.Where(f => f.Value is null))
            {
                errors.Add(new SheetError(rowNumber, column, $"“{Get(column)}”无效,应为 是 或 否"));
            }

            items.Add(new DutyItem
            {
                ScreeningCode = code,
                Name = Get(Name),
                Kind = kind ?? DutyKind.Assistance,
                ParentCode = Get(Parent) is { Length: > 0 } p ? p.ToUpperInvariant() : null,
                BasisDocument = Get(BasisDocument),
                BasisArticle = Get(BasisArticle),
                ResponsibleDepartment = Get(Department),
                Description = Get(Description),
                RequiredByLaw = flags[0].Value ?? false,
                CustomaryAssistance = flags[1].Value ?? false,
                WithinCapacity = flags[2].Value ?? false,
                Status = status ?? DutyItemStatus.Active,
                RetiredReason = status == DutyItemStatus.Retired ? Get(RetiredReason) : null,
                RetiredOn = status == DutyItemStatus.Retired ? today : null,
            });
        }

        foreach (var item in items.Where(x => x.ParentCode is not null && !codes.ContainsKey(x.ParentCode) && knownCodes?.Contains(x.ParentCode) != true))
        {
            errors.Add(new SheetError(codes.GetValueOrDefault(item.ScreeningCode, 0), Parent, $"上级事项编码“{item.ParentCode}”不在本清单中"));
        }

        if (items.Count == 0 && errors.Count == 0)
        {
            errors.Add(new SheetError(2, Code, "表中没有事项"));
        }

        return (errors.Count == 0 ? items : [], errors.OrderBy(e => e.Row).ToList());
    }

    private static void CheckLength(int row, string column, string value, int max, List<SheetError> errors)
    {
        if (value.Length > max)
        {
            errors.Add(new SheetError(row, column, $"超过{max}字"));
        }
    }

    private static bool? ParseBool(string text) => text switch
    {
        "" or "否" or "N" or "n" or "0" or "false" or "FALSE" => false,
        "是" or "Y" or "y" or "1" or "true" or "TRUE" => true,
        _ => null,
    };

    public static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
