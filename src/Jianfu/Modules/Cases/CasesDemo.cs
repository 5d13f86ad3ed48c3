using Jianfu.Modules.Cases.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Time;
using static Jianfu.Modules.Organisation.Contracts.DemoOrganisation;

namespace Jianfu.Modules.Cases;

/// <summary>Ten cases of the case library (社区百事能), written for the demo in the way communities tell them.</summary>
internal sealed class CasesDemo(JianfuDbContext db, IOrganisationDirectory directory, TimeProvider time)
{
        public async Task SeedAsync(CancellationToken ct)
    {
        var now = time.UtcNow();
        var district = (await directory.FindUnitAsync(DistrictCode, ct))!;
        var communities = (await directory.CommunitiesWithinAsync(district.Path, ct)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        (string Title, string Problem, string Actions, string Helpers, string Outcome, string Tags)[] cases =
        [
            ("老旧小区加装电梯,低层住户反对", "小区6层无电梯,高层老人出行难,想加装电梯,但一二楼住户担心采光和噪音,意见不统一。",
                "社区召集居民会议,请设计单位现场讲解方案,对一二楼住户给予补偿,协商出资比例,签订协议后报住建部门审批。", "区住房和城乡建设局、电梯公司、设计院", "3个月后电梯开工,半年投入使用。", "加装电梯、居民协商、老旧小区"),
            ("电动自行车楼道充电屡禁不止", "楼道里电动车停放充电,飞线充电多,存在火灾隐患,劝导效果差。",
                "在小区空地建集中充电棚,安装智能充电桩,按次收费;网格员夜间巡查,对飞线充电上门劝导。", "区消防救援大队、物业公司", "楼道充电基本杜绝,一年内未发生电动车火情。", "消防安全、电动自行车、充电"),
            ("独居老人突发疾病无人知晓", "辖区独居老人多,曾有老人在家摔倒两天后才被发现。",
                "建立独居老人结对关爱名单,志愿者每天电话问候,安装智能水表异常提醒,邻里互助小组轮流上门。", "区民政局、志愿者协会、自来水公司", "一年内及时发现3起老人突发情况。", "独居老人、养老服务、邻里互助"),
            ("小区垃圾分类投放点臭味大", "投放点夏季异味重,周边住户投诉多,要求搬走投放点。",
                "调整定时定点投放时间,增加清运频次,投放点加装喷淋除臭和洗手池,居民议事会商定新位置。", "区综合行政执法局、环卫公司", "投诉明显减少,分类准确率提升到85%。", "垃圾分类、环境卫生、居民议事"),
            ("低保申请家庭收入核实难", "申请低保的家庭有人在外打零工,收入难以核实,村里担心认定不公。",
                "协助镇社会救助站入户调查,经家庭经济状况核对系统比对,召开村民代表评议会并张榜公示。", "镇社会救助站、区民政局", "认定结果公示无异议,群众认可。", "低保、社会救助、入户调查"),
            ("台风前山塘下游人员转移不配合", "台风来临前,部分老人不愿离开家,转移工作推进难。",
                "按预案提前一天逐户上门,请亲属电话劝说,安置点准备好饭菜和药品,党员干部包户转移。", "镇应急办、卫生院", "危险区域128人全部安全转移,无人员伤亡。", "防汛防台、人员转移、应急管理"),
            ("邻里因漏水纠纷闹到派出所", "楼上卫生间漏水,楼下多次协商无果,双方争吵升级。",
                "村调委会组织双方现场查看,请物业检测漏点,约定维修费用分担,签订人民调解协议。", "物业公司、派出所", "维修完成,双方和解。", "矛盾纠纷、人民调解、邻里关系"),
            ("群租房人员复杂,居民担忧安全", "一处民房隔成十多间出租,人员流动大,消防通道堵塞。",
                "协助派出所开展出租房屋信息登记,督促房东整改隔断和消防设施,建立房东责任书制度。", "派出所、区消防救援大队", "群租房整改到位,租户信息登记率100%。", "出租房屋、流动人口、消防安全"),
            ("老年人优待证集中办理排长队", "每月办理老年优待证的老人多,便民服务中心排队时间长。",
                "社区提前收集材料统一代办,预约分时段办理,行动不便的老人上门拍照采集。", "区民政局、便民服务中心", "老人办证平均等待时间从半天缩短到15分钟。", "老年优待证、养老服务、代办"),
            ("反诈宣传老人听不进去", "辖区老人接连遭遇保健品诈骗,发传单效果差。",
                "请民警用身边案例开讲座,组织老人排演反诈小品,子女群发提醒,银行网点设劝阻点。", "派出所、银行", "半年内拦截诈骗转账2起。", "反诈宣传、老年人、电信网络诈骗"),
        ];
        for (var i = 0; i < cases.Length; i++)
        {
            var c = cases[i];
            var community = communities[i * 4 % communities.Count];
            db.Cases.Add(new CommunityCase
            {
                DistrictId = district.Id, CommunityId = community.Id, CommunityName = community.Name, Title = c.Title, Problem = c.Problem,
                Actions = c.Actions, Helpers = c.Helpers, Outcome = c.Outcome, Tags = CommunityCase.NormaliseTags(c.Tags),
                CreatedAt = now.AddDays(-60 + i * 5), CreatedBy = Actor,
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
