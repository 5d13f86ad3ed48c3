using Jianfu.Modules.Registry.Domain;
using MiniExcelLibs;

namespace Jianfu.Modules.Registry;

/// <summary>A generated list as an Excel workbook: the list under its Chinese headings, and a sheet 说明 of what it is, when and for whom.</summary>
internal static class LedgerWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> BytesAsync(
        string sheet, IReadOnlyList<LedgerColumn> columns, IReadOnlyList<IReadOnlyDictionary<string, string>> rows, IEnumerable<(string Item, object? Value)> about, CancellationToken ct)
    {
        var list = rows.Select(row => columns.ToDictionary(c => c.Name, c => (object?)row[c.Id])).ToList();
        // An empty list still shows its headings.
        var shown = list.Count > 0 ? list : [columns.ToDictionary(c => c.Name, _ => (object?)"")];
        var notes = about.Select(a => new Dictionary<string, object?> { ["项目"] = a.Item, ["内容"] = a.Value }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { [sheet] = shown, ["说明"] = notes }, cancellationToken: ct);
        return stream.ToArray();
    }
}
