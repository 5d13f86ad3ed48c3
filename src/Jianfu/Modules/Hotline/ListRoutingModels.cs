using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Hotline;

/// <summary>The district's routing models, newest first, with the threshold each was calibrated to and what it promised.</summary>
internal static class ListRoutingModels
{
    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current)
    {
        public async Task<Result<IReadOnlyList<RoutingModels.ModelSummary>>> HandleAsync(CancellationToken ct)
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
            return models.Select(m => new RoutingModels.ModelSummary(m.Id, m.Version, m.TrainedAt, m.TrainingRows, m.Threshold, m.CalibrationPrecision,
                m.CalibrationCoverage, m.Labels.Split('\n'), m.IsActive, m.UploadedAt, m.UploadedBy)).ToList();
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/hotline/models", async (Handler handler, CancellationToken ct) => (await handler.HandleAsync(ct)).ToHttp(Results.Ok))
            .WithName("ListRoutingModels")
            .WithSummary("本区分拨模型:版本、训练行数、自动分拨阈值及其交叉验证精确率和覆盖率、是否在用");
}
