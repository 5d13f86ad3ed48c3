using Jianfu.Modules.Hotline.Routing;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Hotline;

/// <summary>The administrator uploads a model file made by `jianfu routing train`: it becomes the active one, and orders that waited only because there was no model are routed by it.</summary>
internal static class UploadRoutingModel
{
    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, RoutingModels.WaitingOrders waiting, TimeProvider time)
    {
        public async Task<Result<RoutingModels.ModelSummary>> HandleAsync(IFormFile? file, CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var district = user.Grants.FirstOrDefault(g => g.Role == Role.Admin)?.Unit.DistrictId;
            if (district is null)
            {
                return Error.Forbidden("只有系统管理员可以上传分拨模型。");
            }

            if (file is null || file.Length == 0 || file.Length > RoutingModels.MaxBytes)
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

            var model = await RoutingModels.ActivateAsync(db, district.Value, classifier.Info, bytes, user.DisplayName, time.UtcNow(), ct);
            if (!model.IsSuccess)
            {
                return model.Error!;
            }

            await waiting.RouteAsync(district.Value, ct);
            return model;
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/hotline/models", async (IFormFile? file, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(file, ct)).ToHttp(m => Results.Created($"/api/v1/hotline/models/{m.Id}", m)))
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("UploadRoutingModel")
            .WithSummary("系统管理员上传 jianfu routing train 生成的模型并启用;因无模型而等待的工单随即分拨");
}
