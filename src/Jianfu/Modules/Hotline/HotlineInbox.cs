using Jianfu.Modules.Hotline.Contracts;
using Jianfu.Modules.Hotline.Domain;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Hotline;

internal sealed class HotlineInbox(JianfuDbContext db) : IHotlineInbox
{
    public Task<int> OpenOrdersAsync(IReadOnlyCollection<int> communityIds, CancellationToken ct) =>
        db.HotlineOrders.CountAsync(o => o.CommunityId != null && communityIds.Contains(o.CommunityId.Value) &&
                                         o.Status == OrderStatus.Routed && o.RouteKind == RouteKind.Community, ct);
}
