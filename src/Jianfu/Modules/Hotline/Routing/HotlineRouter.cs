using System.Collections.Concurrent;
using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Hotline.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Hotline.Routing;

/// <summary>Loaded models, by id: a model file is read once per process.</summary>
internal sealed class ModelCache
{
    private readonly ConcurrentDictionary<int, Lazy<RoutingClassifier>> _models = new();

    public RoutingClassifier Get(int id, Func<byte[]> file) =>
        _models.GetOrAdd(id, _ => new Lazy<RoutingClassifier>(() => RoutingClassifier.Load(file()))).Value;
}

/// <summary>
/// Routes orders with the district's active model: above the calibrated threshold the label decides the destination
/// (<see cref="RoutingRules"/>); below it, or when the label leads nowhere, the order waits in the triage queue.
/// </summary>
internal sealed class HotlineRouter(JianfuDbContext db, ModelCache models, ICatalogueLookup catalogue, IOrganisationDirectory directory, TimeProvider time)
{
    public const string System = "系统";

    public const string NoModelReason = "本区尚无分拨模型,请人工分拨(管理员上传模型后,等待中的工单会自动分拨)。";

    public async Task RouteAsync(int districtId, IReadOnlyList<HotlineOrder> orders, CancellationToken ct)
    {
        if (orders.Count == 0)
        {
            return;
        }

        var now = time.UtcNow();
        var active = await db.RoutingModels.AsNoTracking()
            .Where(m => m.DistrictId == districtId && m.IsActive)
            .Select(m => new { m.Id, m.Version })
            .FirstOrDefaultAsync(ct);
        if (active is null)
        {
            foreach (var order in orders)
            {
                order.SendToTriage(NoModelReason, System, now);
            }

            return;
        }

        var classifier = models.Get(active.Id, () => db.RoutingModels.AsNoTracking().Where(m => m.Id == active.Id).Select(m => m.File).Single());
        var predictions = classifier.Predict(orders.Select(o => o.Text));
        var departments = await DepartmentsAsync(districtId, ct);
        var items = new Dictionary<string, DutyItemInfo?>(StringComparer.Ordinal);
        foreach (var (order, p) in orders.Zip(predictions))
        {
            order.PredictedLabel = p.Label;
            order.Confidence = p.Confidence;
            order.ModelVersion = active.Version;
            if (!p.Auto)
            {
                // The figures stay on the order (API: modelVersion, confidence); people read what it means.
                order.SendToTriage($"系统判断可能属于“{p.Label}”,但把握不足,请人工确认。", System, now);
                continue;
            }

            if (!items.TryGetValue(p.Label, out var item))
            {
                item = items[p.Label] = await catalogue.FindPublishedAsync(districtId, p.Label, ct);
            }

            var (decision, triage) = RoutingRules.Decide(p.Label, item, departments, order.CommunityId is not null);
            if (decision is null)
            {
                order.SendToTriage(triage!, System, now);
            }
            else
            {
                order.RouteTo(decision, $"模型 {active.Version}", now, manual: false, label: null);
            }
        }
    }

    /// <summary>A person's decision: a screening code or a department name, by the same rules as the model's.</summary>
    public async Task<(RouteDecision? Decision, string? Error)> DecideAsync(HotlineOrder order, string label, CancellationToken ct)
    {
        var item = await catalogue.FindPublishedAsync(order.DistrictId, label, ct);
        return RoutingRules.Decide(label, item, await DepartmentsAsync(order.DistrictId, ct), order.CommunityId is not null);
    }

    private async Task<IReadOnlyList<DepartmentRef>> DepartmentsAsync(int districtId, CancellationToken ct) =>
        (await directory.DepartmentsOfAsync(districtId, ct)).Select(d => new DepartmentRef(d.Id, d.Name)).ToList();
}
