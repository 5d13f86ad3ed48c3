namespace Jianfu.Modules.Organisation.Contracts;

/// <summary>
/// The demo district that the other modules' demo data is written for: 越城区 of Shaoxing, the township 富盛镇 and the
/// village 富盛村, with the demo accounts (all with the one demo password, printed by the startup banner).
/// </summary>
public static class DemoOrganisation
{
    public const string Password = "Demo-2026";
    public const string DistrictCode = "330602";
    public const string TownshipCode = "330602108";
    public const string VillageCode = "330602108200";

    /// <summary>The name the demo data writes in every history it makes.</summary>
    public const string Actor = "演示数据";

    public static readonly (string UserName, string DisplayName, Role Role, string Unit, string? Department, string Purpose)[] Accounts =
    [
        ("admin", "系统管理员", Role.Admin, DistrictCode, null, "用户、授权和单位管理"),
        ("catalogue", "陈清单(区减负办)", Role.CatalogueAdmin, DistrictCode, null, "区减负办:事项清单、准入申请、问题线索、通报;12345 工单人工分拨"),
        ("dispatcher", "张建设(富盛镇村建办)", Role.Dispatcher, TownshipCode, "村镇建设和管理办公室", "镇职能部门起草派单"),
        ("reviewer", "李书记(富盛镇党委副书记)", Role.Reviewer, TownshipCode, null, "富盛镇准入审核"),
        ("secretary", "王书记(富盛村)", Role.Secretary, VillageCode, null, "富盛村收件箱、交办、确认;12345 工单办结;社区百事能案例"),
        ("cadre", "赵网格(富盛村)", Role.Cadre, VillageCode, null, "办理交办的任务"),
        ("district-dispatcher", "周民政(区民政局)", Role.Dispatcher, DistrictCode, "区民政局", "区级部门向全区村社派单"),
        ("district-reviewer", "孙主任(区级准入审核)", Role.Reviewer, DistrictCode, null, "区级派单的准入审核;12345 工单人工分拨"),
        ("enforcement", "吴队长(富盛镇综合行政执法队)", Role.Dispatcher, TownshipCode, "综合行政执法队", "接收转派给执法队的事项"),
        ("gridworker", "钱网格(富盛村)", Role.Cadre, VillageCode, null, "网格员"),
        ("assessor", "郑考核(区委考核办)", Role.Assessor, DistrictCode, null, "考核指标体系、评分方案、排行榜、年度督查检查考核计划"),
        ("datakeeper", "冯数据(区大数据中心)", Role.DataKeeper, DistrictCode, null, "人房企铺数据导入、台账模板、部门数据申请的审批和答复"),
        ("privacy", "何保护(区个人信息保护负责人)", Role.Privacy, DistrictCode, null, "查看人口数据的访问记录"),
    ];
}
