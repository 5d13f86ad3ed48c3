using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using MiniExcelLibs;

namespace Jianfu.Modules.Registry;

/// <summary>A ledger run as an Excel workbook: the list, and a sheet saying what it is, over which unit, when and by whom it was generated.</summary>
public static class ExportLedger
{
    internal sealed class Handler(RunLedger.Handler run)
    {
        public async Task<Result<(byte[] Content, string FileName)>> HandleAsync(int id, string? scope, CancellationToken ct)
        {
            var result = await run.RunAsync(id, scope, AccessKind.Export, LedgerRunner.MaxExportRows, ct);
            if (!result.IsSuccess)
            {
                return result.Error!;
            }

            var r = result.Value;
            var at = r.GeneratedAt.ToLocalText();
            var list = r.Rows.Select(row => r.Columns.ToDictionary(c => c.Name, c => (object?)row[c.Id])).ToList();
            var about = new List<Dictionary<string, object?>>
            {
                new() { ["项目"] = "台账", ["内容"] = r.Name },
                new() { ["项目"] = "范围", ["内容"] = r.ScopeName },
                new() { ["项目"] = "条数", ["内容"] = r.Count },
                new() { ["项目"] = "生成时间", ["内容"] = at },
                new() { ["项目"] = "生成人", ["内容"] = r.GeneratedBy },
                new() { ["项目"] = "说明", ["内容"] = "由系统根据人口数据即时生成,无需手工填报;含个人信息,仅限工作使用,不得外传。" },
            };
            if (r.Truncated)
            {
                about.Add(new() { ["项目"] = "提示", ["内容"] = $"共{r.Count}条,本表只含前{r.Rows.Count}条,请缩小范围后再导出。" });
            }

            using var stream = new MemoryStream();
            await stream.SaveAsAsync(new Dictionary<string, object> { ["台账"] = list.Count > 0 ? list : [r.Columns.ToDictionary(c => c.Name, _ => (object?)"")], ["说明"] = about }, cancellationToken: ct);
            return (stream.ToArray(), $"{r.Name}-{r.ScopeName}.xlsx");
        }
    }

    internal static async Task<IResult> DownloadAsync(int id, string? scope, Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(id, scope, ct)).ToHttp(f => Results.File(f.Content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", f.FileName));

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/ledgers/{id:int}/export", DownloadAsync)
            .WithName("ExportLedger")
            .WithSummary("导出台账 .xlsx(含生成时间和生成人),记入访问记录");
}
