using Jianfu.Modules.Hotline.Contracts;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Hotline;

/// <summary>The figures assessment reads of 12345 orders (<see cref="IHotlineFigures"/>).</summary>
internal sealed class HotlineFigures(JianfuDbContext db) : IHotlineFigures
{
    public async Task<IReadOnlyList<OrderFact>> OrdersRoutedAsync(int districtId, DateTime fromUtc, DateTime toUtc, CancellationToken ct) =>
        await db.HotlineOrders.AsNoTracking()
            .Where(o => o.DistrictId == districtId && o.RoutedAt >= fromUtc && o.RoutedAt < toUtc)
            .Select(o => new OrderFact(o.CommunityId, o.DepartmentId, o.RoutedAt!.Value, o.HandledAt))
            .ToListAsync(ct);
}
