using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Hotline;

/// <summary>The destination answers the order (办结) with a short reply.</summary>
public static class HandleOrder
{
    public sealed record Request(string? Reply);

    internal sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, TimeProvider time)
    {
        public async Task<Result<OrderSummary>> HandleAsync(int id, Request request, CancellationToken ct)
        {
            var order = await db.HotlineOrders.Include(o => o.History).FirstOrDefaultAsync(o => o.Id == id, ct);
            if (order is null)
            {
                return Error.NotFound($"工单{id}不存在。");
            }

            var user = await current.GetAsync(ct);
            if (!HotlineAccess.IsDestination(user, order))
            {
                return Error.Forbidden("只有工单分拨到的村(社区)或部门可以办结。");
            }

            var reply = request.Reply?.Trim() ?? "";
            if (reply.Length is 0 or > 1000)
            {
                return Error.Validation("reply", "请填写办理结果(不超过1000字)。");
            }

            var error = order.Handle(reply, user.DisplayName, time.UtcNow());
            if (error is not null)
            {
                return error;
            }

            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return OrderSummary.From(order);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/hotline/orders/{id:int}/handle", async (int id, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(Results.Ok))
            .WithName("HandleHotlineOrder")
            .WithSummary("工单分拨到的村(社区)或部门填写办理结果并办结");
}
