using Jianfu.Modules.Hotline.Domain;
using Jianfu.Modules.Hotline.Routing;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Time;
using static Jianfu.Modules.Organisation.Contracts.DemoOrganisation;

namespace Jianfu.Modules.Hotline;

/// <summary>
/// Six 12345 orders of the demo district waiting in triage for the demo routing model, which DemoRoutingModel trains
/// in the background and then routes them with.
/// </summary>
internal sealed class HotlineDemo(JianfuDbContext db, IOrganisationDirectory directory, TimeProvider time)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var now = time.UtcNow();
        (string Id, string Text, string? Community)[] orders =
        [
            ("12345-202611-0001", "我父亲今年满60岁了,想办老年人优待证,请问去哪里办理,需要带什么材料", VillageCode),
            ("12345-202611-0002", "楼道里好几辆电动车在充电,电线从窗户拉出来,很危险,希望社区管一管", "330602001004"),
            ("12345-202611-0003", "越城区解放路公交站台的顶棚破损,下雨天乘客没有地方避雨", null),
            ("12345-202611-0004", "小区旁边的工厂夜里排放刺鼻气体,居民晚上不敢开窗", null),
            ("12345-202611-0005", "孩子就读的小学午餐质量差,家长多次反映没有改善", null),
            ("12345-202611-0006", "希望社区帮忙联系一下", VillageCode),
        ];
        var district = (await directory.FindUnitAsync(DistrictCode, ct))!;
        var units = (await directory.FindUnitsAsync(orders.Where(o => o.Community is not null).Select(o => o.Community!), ct)).ToDictionary(u => u.Code);
        foreach (var (id, text, community) in orders)
        {
            var unit = community is null ? null : units.GetValueOrDefault(community);
            var order = new HotlineOrder
            {
                DistrictId = district.Id, ExternalId = id, Text = text, CommunityId = unit?.Id, CommunityName = unit?.Name, ReceivedAt = now.AddHours(-2),
            };
            order.Receive(Actor, now.AddHours(-2));
            order.SendToTriage(HotlineRouter.NoModelReason, HotlineRouter.System, now.AddHours(-2));
            db.HotlineOrders.Add(order);
        }

        await db.SaveChangesAsync(ct);
    }
}
