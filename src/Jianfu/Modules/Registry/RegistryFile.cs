using System.Globalization;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Errors;
using MiniExcelLibs;

namespace Jianfu.Modules.Registry;

/// <summary>The rows of a file as (row number, field getter by the shape's field index), read as a stream.</summary>
internal sealed record RowSource(IEnumerable<(int Row, Func<int, string?> Field)> Rows, int[] Columns)
{
    /// <summary>The file has a column for the field (by the shape's index).</summary>
    public bool Has(int field) => Columns[field] >= 0;

    public static Result<RowSource> Open(Stream stream, bool csv, FileShape shape) => csv ? Csv(stream, shape) : Xlsx(stream, shape);

    public static readonly Error WrongMode = Error.Validation("mode", "导入方式应为 all-or-nothing(全部正确才导入)或 valid-rows(只导入正确的行)。");

    /// <summary>Why an uploaded file cannot be imported (none, empty, neither .xlsx nor .csv), or null; <paramref name="csv"/> says which it is.</summary>
    public static Error? Refuse(IFormFile? file, out bool csv)
    {
        csv = file?.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) == true;
        if (file is null || file.Length == 0)
        {
            return Error.Validation("file", "请选择要导入的 .xlsx 或 .csv 文件。");
        }

        return !csv && !file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? Error.Validation("file", "只能导入 .xlsx 或 UTF-8 编码的 .csv 文件。") : null;
    }

    /// <summary>An import request's file, mode and preview, from the form (or the query string for mode and preview).</summary>
    public static async Task<(IFormFile? File, string Mode, bool Preview)> FormAsync(HttpContext http, CancellationToken ct)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
        var mode = form?["mode"].ToString() is { Length: > 0 } m ? m : http.Request.Query["mode"].ToString();
        var preview = (form?["preview"].ToString() is { Length: > 0 } p ? p : http.Request.Query["preview"].ToString()) is "true" or "1";
        return (form?.Files["file"], mode, preview);
    }

    /// <summary>The import's mode: false for the whole file or nothing (the default), true for the valid rows only, null when neither.</summary>
    public static bool? ValidRowsOnly(string? mode) => mode?.Trim() switch
    {
        null or "" or "all-or-nothing" => false,
        "valid-rows" => true,
        _ => null,
    };

    private static Result<RowSource> Csv(Stream stream, FileShape shape)
    {
        var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        try
        {
            if (!csv.Read() || !csv.ReadHeader())
            {
                return Error.Validation("file", "文件为空。");
            }
        }
        catch (CsvHelper.CsvHelperException)
        {
            return Error.Validation("file", "CSV 文件表头格式有误,请使用 UTF-8 编码、逗号分隔、首行为表头。");
        }

        var map = shape.Map(csv.HeaderRecord!);
        if (!shape.Complete(map))
        {
            return Error.Validation("file", shape.MissingHeaders);
        }

        return new RowSource(Read(), map);

        IEnumerable<(int, Func<int, string?>)> Read()
        {
            var row = 1;
            while (true)
            {
                try
                {
                    if (!csv.Read())
                    {
                        break;
                    }
                }
                catch (CsvHelper.CsvHelperException e)
                {
                    throw new InvalidDataException($"CSV 文件第{e.Context?.Parser?.RawRow ?? row + 1}行格式有误(引号不成对或字段不完整),没有导入任何数据。");
                }

                row++;
                yield return (row, i => map[i] >= 0 && map[i] < csv.Parser.Count ? csv.Parser[map[i]] : null);
            }
        }
    }

    private static Result<RowSource> Xlsx(Stream stream, FileShape shape)
    {
        IEnumerator<IDictionary<string, object?>> rows;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>().GetEnumerator();
            if (!rows.MoveNext())
            {
                return Error.Validation("file", "文件为空。");
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or NotSupportedException or ArgumentException or System.Xml.XmlException)
        {
            return Error.Validation("file", "不是有效的 Excel (.xlsx) 文件;也可导入 UTF-8 编码的 .csv。");
        }

        var columns = rows.Current.Keys.ToList();
        var map = shape.Map(columns.Select(k => rows.Current[k]?.ToString() ?? "").ToList());
        if (!shape.Complete(map))
        {
            return Error.Validation("file", shape.MissingHeaders);
        }

        return new RowSource(Read(), map);

        IEnumerable<(int, Func<int, string?>)> Read()
        {
            var row = 1;
            while (rows.MoveNext())
            {
                row++;
                var current = rows.Current;
                yield return (row, i => map[i] >= 0 && current.TryGetValue(columns[map[i]], out var v) ? Text(v) : null);
            }
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e15 => n.ToString("0", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
