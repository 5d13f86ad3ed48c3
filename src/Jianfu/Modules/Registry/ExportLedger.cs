using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

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
            var about = new List<(string, object?)>
            {
                ("台账", r.Name), ("范围", r.ScopeName), ("条数", r.Count), ("生成时间", r.GeneratedAt.ToLocalText()), ("生成人", r.GeneratedBy),
                ("说明", "由系统根据人口数据即时生成,无需手工填报;含个人信息,仅限工作使用,不得外传。"),
            };
            if (r.Truncated)
            {
                about.Add(("提示", $"共{r.Count}条,本表只含前{r.Rows.Count}条,请缩小范围后再导出。"));
            }

            return (await LedgerWorkbook.BytesAsync("台账", r.Columns, r.Rows, about, ct), $"{r.Name}-{r.ScopeName}.xlsx");
        }
    }

    internal static async Task<IResult> DownloadAsync(int id, string? scope, Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(id, scope, ct)).ToHttp(f => Results.File(f.Content, LedgerWorkbook.ContentType, f.FileName));

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/ledgers/{id:int}/export", DownloadAsync)
            .WithName("ExportLedger")
            .WithSummary("导出台账 .xlsx(含生成时间和生成人),记入访问记录");
}
