namespace Jianfu.Modules.Reports.Domain;

/// <summary>What a cadre can report through the green channel (上海"绿色通道"的问题类型), with stable ids for the API and Open311.</summary>
internal static class ReportCategories
{
    /// <summary>An unplanned or repeated inspection; such a report may name the recorded visit.</summary>
    public const string InspectionOverload = "inspection-overload";

    public static readonly IReadOnlyList<(string Id, string Name, string Hint)> All =
    [
        ("out-of-list-task", "清单外任务", "派来的任务不在涉村(社区)工作事项清单内,或属于负面清单"),
        ("duplicate-demand", "重复派单或重复填报", "同一事项多头派、反复要求填报同样的数据"),
        ("trace-demand", "要求台账/留痕/打卡/拍照", "要求建纸质台账、拍照留痕、打卡签到"),
        (InspectionOverload, "多头考核或督查检查过多", "计划外的督查检查考核,或多个部门重复考核"),
        ("plaque", "挂牌不规范", "要求挂不规范的牌子"),
        ("apps-and-groups", "政务App或工作群过多", "要求下载、注册、打卡的政务App或工作群过多"),
        ("certificate", "不应出具的证明", "要求村(社区)出具不应出具的证明"),
        ("meetings-documents", "会议文件过多", "要求参加的会议或转发的文件过多"),
        ("other", "其他", "其他形式主义、官僚主义问题"),
    ];

    public static bool IsKnown(string? id) => All.Any(c => c.Id == id);

    public static string NameOf(string id) => All.FirstOrDefault(c => c.Id == id).Name ?? id;
}
