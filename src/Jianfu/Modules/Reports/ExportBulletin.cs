using Jianfu.Platform.Errors;
using MiniExcelLibs;

namespace Jianfu.Modules.Reports;

/// <summary>A published bulletin as an Excel sheet, one row per finding, for officials who file it with their papers.</summary>
internal static class ExportBulletin
{
    public static async Task<byte[]> ToXlsxAsync(GetBulletin.Published bulletin, CancellationToken ct)
    {
        var rows = bulletin.Content.Bodies.SelectMany(b => b.Entries.Select(e => new Dictionary<string, object?>
        {
            ["责任单位"] = b.Body, ["扣分合计"] = b.DeductionPoints, ["问题类型"] = e.Category,
            ["查实问题"] = e.Summary, ["整改状态"] = e.Status, ["整改期限"] = e.RectifyDue, ["整改超期"] = e.RectificationOverdue ? "是" : "否",
        })).ToList();
        if (rows.Count == 0)
        {
            rows.Add(new Dictionary<string, object?> { ["责任单位"] = "本期无查实问题" });
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "通报", cancellationToken: ct);
        return stream.ToArray();
    }

    public static async Task<IResult> HandleAsync(int id, GetBulletin.Handler bulletins, CancellationToken ct)
    {
        var bulletin = await bulletins.HandleAsync(id, ct);
        return bulletin.IsSuccess
            ? Results.File(await ToXlsxAsync(bulletin.Value, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"减负通报-{bulletin.Value.From}.xlsx")
            : bulletin.Error!.ToProblem();
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/bulletins/{id:int}/export", HandleAsync)
            .AllowAnonymous().WithName("ExportBulletin").WithSummary("导出通报为 Excel (.xlsx)");
}
