using Jianfu.Modules.Cases.Domain;
using Jianfu.Platform.Bench;
using Jianfu.Platform.Database;

namespace Jianfu.Modules.Cases;

/// <summary>The case library `jianfu bench cases` searches: cases composed from everyday community problems, written in bulk.</summary>
internal static class CasesBenchData
{
    private static readonly string[] Problems =
    [
        "老旧小区加装电梯,低层住户反对", "电动自行车楼道充电屡禁不止", "独居老人突发疾病无人知晓", "垃圾分类投放点臭味大", "低保申请家庭收入核实难",
        "台风前危险区域人员转移不配合", "楼上漏水引发邻里纠纷", "群租房人员复杂,消防通道堵塞", "老年优待证集中办理排长队", "老人遭遇保健品诈骗",
        "小区停车位不足,车辆乱停", "广场舞噪音扰民", "流浪猫狗伤人", "河道漂浮物多", "农村宅基地建房审批慢", "外卖电动车闯红灯",
        "物业退出后小区无人管理", "村道路灯损坏夜间出行难", "耕地上违法搭建大棚房", "残疾人补贴申请材料反复补交",
    ];

    private static readonly string[] Actions =
    [
        "召集居民会议协商,形成一致意见", "请相关部门现场会商,明确责任分工", "网格员逐户走访,登记诉求", "志愿者结对帮扶,定期上门",
        "建立微信群及时通报进展", "引入社会组织提供专业服务", "签订协议,明确费用分担", "设置公示栏接受居民监督",
    ];

    public static async Task WriteAsync(JianfuDbContext db, int total)
    {
        var random = new Random(3);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < total; i++)
        {
            var problem = Problems[random.Next(Problems.Length)];
            db.Cases.Add(new CommunityCase
            {
                DistrictId = 1, CommunityId = 1 + random.Next(300), CommunityName = $"第{1 + random.Next(300)}社区",
                Title = problem + $"(案例{i})", Problem = $"{problem}。居民反映{random.Next(2, 30)}次,涉及{random.Next(5, 200)}户。",
                Actions = string.Join(";", Enumerable.Range(0, 3).Select(_ => Actions[random.Next(Actions.Length)])),
                Helpers = "街道、相关职能部门", Outcome = random.Next(3) == 0 ? "问题基本解决" : "居民满意度明显提升",
                Tags = CommunityCase.NormaliseTags(problem.Split(',')[0]), CreatedAt = DateTime.UtcNow, CreatedBy = "基准",
            });
            if (i % 10_000 == 9_999)
            {
                await BenchData.FlushAsync(db);
            }
        }

        await BenchData.FlushAsync(db);
    }
}
