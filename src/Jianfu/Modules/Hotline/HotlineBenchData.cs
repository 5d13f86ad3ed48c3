using Jianfu.Modules.Hotline.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Bench;
using Jianfu.Platform.Database;

namespace Jianfu.Modules.Hotline;

/// <summary>12345 orders for assessment to score (`jianfu bench assessment`), written in bulk as routing would have left them.</summary>
internal static class HotlineBenchData
{
    /// <summary><paramref name="perCommunity"/> orders routed to each community from <paramref name="from"/>, most answered within days.</summary>
    public static async Task WriteRoutedAsync(JianfuDbContext db, IReadOnlyList<UnitInfo> communities, DateTime from, int perCommunity)
    {
        var random = new Random(12345);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var n = 0;
        foreach (var c in communities)
        {
            for (var k = 0; k < perCommunity; k++, n++)
            {
                var routed = from.AddHours(random.Next(24 * 20));
                var handled = random.Next(10) < 8;
                db.HotlineOrders.Add(new HotlineOrder
                {
                    DistrictId = c.DistrictId, ExternalId = $"BENCH-{n:D8}", Text = "基准测试工单:路灯不亮,请尽快维修。", CommunityId = c.Id, CommunityName = c.Name,
                    ReceivedAt = routed.AddMinutes(-5), Status = handled ? OrderStatus.Handled : OrderStatus.Routed, RouteKind = RouteKind.Community,
                    RoutedAt = routed, RoutedBy = "基准", HandledAt = handled ? routed.AddDays(random.Next(0, 9)) : null,
                });
                if (n % 5000 == 4999)
                {
                    await BenchData.FlushAsync(db);
                }
            }
        }

        await BenchData.FinishAsync(db);
    }
}
