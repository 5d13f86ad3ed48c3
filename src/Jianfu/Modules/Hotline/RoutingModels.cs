using Jianfu.Modules.Hotline.Domain;
using Jianfu.Modules.Hotline.Routing;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Hotline;

/// <summary>
/// The district's routing models, one active at a time (ListRoutingModels, UploadRoutingModel; the demo trains its
/// own), and the orders that wait for one.
/// </summary>
public static class RoutingModels
{
    public const long MaxBytes = 100 * 1024 * 1024;

    public sealed record ModelSummary(int Id, string Version, DateTime TrainedAt, int TrainingRows, float Threshold,
        double CalibrationPrecision, double CalibrationCoverage, IReadOnlyList<string> Labels, bool IsActive, DateTime UploadedAt, string UploadedBy);

    /// <summary>The orders of a district that waited in triage only because it had no model.</summary>
    internal sealed class WaitingOrders(JianfuDbContext db, HotlineRouter router)
    {
        /// <summary>Orders that waited only for a model are routed by the new one.</summary>
        public async Task<int> RouteAsync(int districtId, CancellationToken ct)
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
}
