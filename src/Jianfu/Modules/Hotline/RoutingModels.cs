using System.Globalization;
using System.Text;
using Jianfu.Modules.Hotline.Domain;
using Jianfu.Modules.Hotline.Routing;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Hotline;

/// <summary>
/// The district's routing models: the administrator uploads a model file made by `jianfu routing train`; it becomes
/// the active one, and orders that waited only because there was no model are routed by it. The centre downloads
/// its manual decisions and answered orders as training data for the next model.
/// </summary>
public static class RoutingModels
{
    public const long MaxBytes = 100 * 1024 * 1024;

    public sealed record ModelSummary(int Id, string Version, DateTime TrainedAt, int TrainingRows, float Threshold,
        double CalibrationPrecision, double CalibrationCoverage, IReadOnlyList<string> Labels, bool IsActive, DateTime UploadedAt, string UploadedBy);

    internal sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, HotlineRouter router, TimeProvider time)
    {
        public async Task<Result<IReadOnlyList<ModelSummary>>> ListAsync(CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var districts = HotlineAccess.CentreDistricts(user);
            if (districts.Count == 0)
            {
                return Error.Forbidden("只有分拨中心和系统管理员可以查看分拨模型。");
            }

            var models = await db.RoutingModels.AsNoTracking().Where(m => districts.Contains(m.DistrictId))
                .OrderByDescending(m => m.UploadedAt)
                .Select(m => new { m.Id, m.Version, m.TrainedAt, m.TrainingRows, m.Threshold, m.CalibrationPrecision, m.CalibrationCoverage, m.Labels, m.IsActive, m.UploadedAt, m.UploadedBy })
                .ToListAsync(ct);
            return models.Select(m => new ModelSummary(m.Id, m.Version, m.TrainedAt, m.TrainingRows, m.Threshold, m.CalibrationPrecision,
                m.CalibrationCoverage, m.Labels.Split('\n'), m.IsActive, m.UploadedAt, m.UploadedBy)).ToList();
        }

        public async Task<Result<ModelSummary>> UploadAsync(IFormFile? file, CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var district = user.Grants.FirstOrDefault(g => g.Role == Role.Admin)?.Unit.DistrictId;
            if (district is null)
            {
                return Error.Forbidden("只有系统管理员可以上传分拨模型。");
            }

            if (file is null || file.Length == 0 || file.Length > MaxBytes)
            {
                return Error.Validation("file", "请选择 jianfu routing train 生成的模型文件(不超过100 MB)。");
            }

            await using var stream = new MemoryStream();
            await file.CopyToAsync(stream, ct);
            var bytes = stream.ToArray();
            RoutingClassifier classifier;
            try
            {
                classifier = RoutingClassifier.Load(bytes);
                classifier.Predict("测试");
            }
            catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or ArgumentException or FormatException or System.Text.Json.JsonException)
            {
                return Error.Validation("file", "不是有效的分拨模型文件,请上传 jianfu routing train 生成的文件。");
            }

            var model = await ActivateAsync(db, district.Value, classifier.Info, bytes, user.DisplayName, time.UtcNow(), ct);
            if (!model.IsSuccess)
            {
                return model.Error!;
            }

            await RouteWaitingAsync(district.Value, ct);
            return model;
        }

        /// <summary>Orders that waited only for a model are routed by the new one.</summary>
        public async Task<int> RouteWaitingAsync(int districtId, CancellationToken ct)
        {
            // A person may route one of these by hand meanwhile: then the batch is read again and the rest routed.
            for (var attempt = 1; ; attempt++)
            {
                var waiting = await db.HotlineOrders.Include(o => o.History)
                    .Where(o => o.DistrictId == districtId && o.Status == OrderStatus.Triage && o.ModelVersion == null && o.ManualLabel == null)
                    .Take(ReceiveOrders.MaxRows)
                    .ToListAsync(ct);
                await router.RouteAsync(districtId, waiting, ct);
                if (await db.TrySaveAsync(ct) is null || attempt == 3)
                {
                    return waiting.Count;
                }
            }
        }

        public async Task<Result<string>> TrainingDataAsync(CancellationToken ct)
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

    internal static async Task<Result<ModelSummary>> ActivateAsync(JianfuDbContext db, int districtId, RoutingModelInfo info, byte[] file, string by, DateTime now, CancellationToken ct)
    {
        // One active model per district: of two uploads at the same moment one is active and the other is told.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.RoutingModels.Where(m => m.DistrictId == districtId && m.IsActive).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, false), ct);
        var model = new RoutingModel
        {
            DistrictId = districtId, Version = info.Version, TrainedAt = info.TrainedAt, TrainingRows = info.TrainingRows, Threshold = info.Threshold,
            CalibrationPrecision = info.CalibrationPrecision, CalibrationCoverage = info.CalibrationCoverage, Labels = string.Join('\n', info.Labels),
            File = file, IsActive = true, UploadedAt = now, UploadedBy = by,
        };
        db.RoutingModels.Add(model);
        if (await db.TrySaveAsync(ct) is { } notSaved)
        {
            return notSaved;
        }

        await tx.CommitAsync(ct);
        return new ModelSummary(model.Id, model.Version, model.TrainedAt, model.TrainingRows, model.Threshold, model.CalibrationPrecision,
            model.CalibrationCoverage, info.Labels, true, now, by);
    }

    private static IResult TrainingFile(string csv) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv", "hotline-training.csv");

    /// <summary>The same download for the 12345 page, with the page's sign-in (the API takes bearer tokens only).</summary>
    public static void MapPages(IEndpointRouteBuilder app) =>
        app.MapGet("/hotline/training-data", async (Handler handler, CancellationToken ct) => (await handler.TrainingDataAsync(ct)).ToHttp(TrainingFile))
            .RequireAuthorization().ExcludeFromDescription();

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/hotline/models", async (Handler handler, CancellationToken ct) => (await handler.ListAsync(ct)).ToHttp(Results.Ok))
            .WithName("ListRoutingModels")
            .WithSummary("本区分拨模型:版本、训练行数、自动分拨阈值及其交叉验证精确率和覆盖率、是否在用");
        api.MapPost("/hotline/models", async (IFormFile? file, Handler handler, CancellationToken ct) =>
                (await handler.UploadAsync(file, ct)).ToHttp(m => Results.Created($"/api/v1/hotline/models/{m.Id}", m)))
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("UploadRoutingModel")
            .WithSummary("系统管理员上传 jianfu routing train 生成的模型并启用;因无模型而等待的工单随即分拨");
        api.MapGet("/hotline/training-data", async (Handler handler, CancellationToken ct) => (await handler.TrainingDataAsync(ct)).ToHttp(TrainingFile))
            .WithName("ExportHotlineTrainingData")
            .WithSummary("导出训练数据 (id,text,label):人工分拨的决定和已办结的工单,供 jianfu routing train 训练下一版模型");
    }
}
