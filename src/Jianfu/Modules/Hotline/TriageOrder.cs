using Jianfu.Modules.Hotline.Domain;
using Jianfu.Modules.Hotline.Routing;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Hotline;

/// <summary>
/// 人工分拨: the centre routes an order the model left in the queue, by screening code or department, under the same
/// rules as the model. The label it gives is kept as training data for the next model.
/// </summary>
public static class TriageOrder
{
    public sealed record Request(string? Label, string? CommunityCode);

    internal sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, IOrganisationDirectory directory, HotlineRouter router, TimeProvider time)
    {
        public async Task<Result<OrderSummary>> HandleAsync(int id, Request request, CancellationToken ct)
        {
            var order = await db.HotlineOrders.Include(o => o.History).FirstOrDefaultAsync(o => o.Id == id, ct);
            if (order is null)
            {
                return Error.NotFound($"工单{id}不存在。");
            }

            var user = await current.GetAsync(ct);
            if (!HotlineAccess.IsCentre(user, order.DistrictId))
            {
                return Error.Forbidden("只有本区 12345 工单分拨中心可以人工分拨。");
            }

            if (order.Status != OrderStatus.Triage)
            {
                return Error.Conflict("该工单已分拨,不在人工分拨队列中。");
            }

            var label = request.Label?.Split(' ', 2)[0].Trim() ?? "";
            if (label.Length == 0)
            {
                return Error.Validation("label", "请填写清单事项编码或责任部门。");
            }

            if (request.CommunityCode?.Trim() is { Length: > 0 } code)
            {
                var unit = await directory.FindUnitAsync(code, ct);
                if (unit is null || unit.Level != UnitLevel.Community || unit.DistrictId != order.DistrictId)
                {
                    return Error.Validation("communityCode", $"“{code}”不是本区的村(社区)。");
                }

                (order.CommunityId, order.CommunityName) = (unit.Id, unit.Name);
            }

            // A department is named in full (区民政局); a code is matched as the list writes it (xz-13 is XZ-13).
            var (decision, problem) = await router.DecideAsync(order, label, ct);
            if (decision is null)
            {
                return Error.Validation("label", problem!);
            }

            var storedLabel = decision.Item?.ScreeningCode ?? decision.Department!.Name;
            order.RouteTo(decision, user.DisplayName, time.UtcNow(), manual: true, label: storedLabel);
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return OrderSummary.From(order);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/hotline/orders/{id:int}/route", async (int id, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(Results.Ok))
            .WithName("TriageHotlineOrder")
            .WithSummary("人工分拨:label 为清单事项编码(村社区事项须有村社区)或本区部门名称;结果记为下一版模型的训练数据");
}
