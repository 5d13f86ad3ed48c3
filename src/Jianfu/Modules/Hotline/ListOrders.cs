using Jianfu.Modules.Hotline.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Hotline;

public sealed record OrderSummary(
    int Id, string ExternalId, string Text, string? Community, string Status, string? RouteKind, string? ScreeningCode, string? DutyItemName,
    string? Department, string? PredictedLabel, float? Confidence, string? ModelVersion, string? TriageReason, string? RoutedBy, DateTime ReceivedAt)
{
    internal static OrderSummary From(HotlineOrder o) => new(
        o.Id, o.ExternalId, o.Text, o.CommunityName, o.Status.ToString(), o.RouteKind?.ToString(), o.ScreeningCode, o.DutyItemName,
        o.DepartmentName, o.PredictedLabel, o.Confidence, o.ModelVersion, o.TriageReason, o.RoutedBy, o.ReceivedAt);
}

public sealed record OrderHistoryEntry(DateTime At, string Actor, string Action, string? Note);

public sealed record OrderDetail(OrderSummary Order, string? Reply, DateTime? HandledAt, IReadOnlyList<OrderHistoryEntry> History, bool CanTriage, bool CanHandle);

/// <summary>The orders a user may see: the centre sees its district's (by queue), a destination sees what was routed to it.</summary>
public static class ListOrders
{
    public enum Queue
    {
        Triage,
        Routed,
        Handled,
        All,
    }

    internal sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current)
    {
        public async Task<IReadOnlyList<OrderSummary>> HandleAsync(Queue queue, int take, CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var districts = HotlineAccess.CentreDistricts(user);
            var departments = HotlineAccess.Departments(user);
            var communities = HotlineAccess.Communities(user);
            var orders = db.HotlineOrders.AsNoTracking().Where(o =>
                districts.Contains(o.DistrictId) ||
                (o.Status != OrderStatus.Triage && o.RouteKind == RouteKind.Department && o.DepartmentId != null && departments.Contains(o.DepartmentId.Value)) ||
                (o.Status != OrderStatus.Triage && o.RouteKind == RouteKind.Community && o.CommunityId != null && communities.Contains(o.CommunityId.Value)));
            orders = queue switch
            {
                Queue.Triage => orders.Where(o => o.Status == OrderStatus.Triage),
                Queue.Routed => orders.Where(o => o.Status == OrderStatus.Routed),
                Queue.Handled => orders.Where(o => o.Status == OrderStatus.Handled),
                _ => orders,
            };
            var found = await orders.OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
            return found.Select(OrderSummary.From).ToList();
        }

        public async Task<Result<OrderDetail>> GetAsync(int id, CancellationToken ct)
        {
            var order = await db.HotlineOrders.AsNoTracking().Include(o => o.History).FirstOrDefaultAsync(o => o.Id == id, ct);
            if (order is null)
            {
                return Error.NotFound($"工单{id}不存在。");
            }

            var user = await current.GetAsync(ct);
            if (!HotlineAccess.CanSee(user, order))
            {
                return Error.Forbidden("该工单不在您的管辖范围内。");
            }

            return new OrderDetail(OrderSummary.From(order), order.Reply, order.HandledAt,
                order.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new OrderHistoryEntry(h.At, h.Actor, h.Action, h.Note)).ToList(),
                HotlineAccess.IsCentre(user, order.DistrictId) && order.Status == OrderStatus.Triage,
                HotlineAccess.IsDestination(user, order) && order.Status == OrderStatus.Routed);
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/hotline/orders", async (Handler handler, Queue? queue, int? take, CancellationToken ct) =>
                Results.Ok(await handler.HandleAsync(queue ?? Queue.All, take ?? 100, ct)))
            .WithName("ListHotlineOrders")
            .WithSummary("12345 工单列表:分拨中心看本区全部(queue=Triage 为人工分拨队列),部门和村社区只看分拨给自己的");
        api.MapGet("/hotline/orders/{id:int}", async (int id, Handler handler, CancellationToken ct) =>
                (await handler.GetAsync(id, ct)).ToHttp(Results.Ok))
            .WithName("GetHotlineOrder")
            .WithSummary("一条工单:分拨结果、模型版本和置信度、办理记录");
    }
}
