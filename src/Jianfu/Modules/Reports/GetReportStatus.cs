using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>Anyone with the receipt follows the report: status and public reply, never who reported it.</summary>
internal static class GetReportStatus
{
    public sealed record Response(string Receipt, string Category, string CategoryName, string Status, string StatusText, DateTime ReceivedAt, string? PublicReply, IReadOnlyList<Step> Steps);

    public sealed record Step(DateTime At, string Action);

    public sealed class Handler(JianfuDbContext db)
    {
        public async Task<Result<Response>> HandleAsync(string receipt, CancellationToken ct)
        {
            var key = receipt.Trim().ToUpperInvariant();
            var report = key.Length is > 0 and <= 20
                ? await db.BurdenReports.AsNoTracking().Include(r => r.History).FirstOrDefaultAsync(r => r.Receipt == key, ct)
                : null;
            if (report is null)
            {
                return Error.NotFound("没有这个回执号的线索,请核对后再查。");
            }

            // The steps show what happened and when, not who did it: the reporter sees progress, not the handlers' names.
            var steps = report.History.OrderBy(h => h.At).ThenBy(h => h.Id)
                .Select(h => new Step(DateTime.SpecifyKind(h.At, DateTimeKind.Utc), h.Action.StartsWith("要求", StringComparison.Ordinal) ? "要求责任单位整改" : h.Action))
                .ToList();
            return new Response(report.Receipt, report.Category, ReportCategories.NameOf(report.Category), report.Status.ToString(), report.Status.Chinese(),
                DateTime.SpecifyKind(report.ReceivedAt, DateTimeKind.Utc), Disclosure.Public(report.PublicReply), steps);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/reports/{receipt}", async (string receipt, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(receipt, ct)).ToHttp(Results.Ok))
            .AllowAnonymous()
            .WithName("GetReportStatus")
            .WithSummary("凭回执号查询线索办理状态和公开答复(不含反映人信息)")
            .Produces<Response>();
}
