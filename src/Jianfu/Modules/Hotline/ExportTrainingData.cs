using System.Globalization;
using System.Text;
using Jianfu.Modules.Hotline.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Hotline;

/// <summary>The centre downloads its manual decisions and answered orders (id,text,label) as training data for the next model.</summary>
internal static class ExportTrainingData
{
    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current)
    {
        public async Task<Result<string>> HandleAsync(CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var districts = HotlineAccess.CentreDistricts(user);
            if (districts.Count == 0)
            {
                return Error.Forbidden("只有分拨中心可以导出训练数据。");
            }

            var rows = await db.HotlineOrders.AsNoTracking()
                .Where(o => districts.Contains(o.DistrictId) && (o.ManualLabel != null || o.Status == OrderStatus.Handled))
                .OrderBy(o => o.Id)
                .Select(o => new { o.ExternalId, o.Text, Label = o.ManualLabel ?? o.ScreeningCode ?? o.DepartmentName })
                .ToListAsync(ct);
            var text = new StringBuilder();
            using (var writer = new StringWriter(text))
            using (var csv = new CsvHelper.CsvWriter(writer, CultureInfo.InvariantCulture))
            {
                csv.WriteField("id");
                csv.WriteField("text");
                csv.WriteField("label");
                csv.NextRecord();
                foreach (var row in rows.Where(r => r.Label is not null))
                {
                    csv.WriteField(row.ExternalId);
                    csv.WriteField(row.Text);
                    csv.WriteField(row.Label);
                    csv.NextRecord();
                }
            }

            return text.ToString();
        }
    }

    private static IResult TrainingFile(string csv) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv", "hotline-training.csv");

    /// <summary>The same download for the 12345 page, with the page's sign-in (the API takes bearer tokens only).</summary>
    public static void MapPage(IEndpointRouteBuilder app) =>
        app.MapGet("/hotline/training-data", async (Handler handler, CancellationToken ct) => (await handler.HandleAsync(ct)).ToHttp(TrainingFile))
            .RequireAuthorization().ExcludeFromDescription();

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/hotline/training-data", async (Handler handler, CancellationToken ct) => (await handler.HandleAsync(ct)).ToHttp(TrainingFile))
            .WithName("ExportHotlineTrainingData")
            .WithSummary("导出训练数据 (id,text,label):人工分拨的决定和已办结的工单,供 jianfu routing train 训练下一版模型");
}
