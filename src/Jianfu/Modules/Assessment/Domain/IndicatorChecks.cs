using Jianfu.Platform.Text;

namespace Jianfu.Modules.Assessment.Domain;

/// <summary>
/// The rules an indicator set must keep, checked when an indicator is added and again before the set is published —
/// like the access gate for dispatches, each with a rule id and a Chinese message that says why.
/// Sources: Fengxian's 百分考 (100 points, exactly one evaluating body per content, no one-vote veto), the 2024
/// 若干规定 and Kunming Chenggong (meetings held, documents, photos as trace, study notes, leaders' instructions and
/// ledgers are not valid criteria), the 2026 rules for government apps (国办函〔2026〕12号: check-ins, points
/// rankings, online time, likes, votes, shares and study time may not count) — see ../shared/POLICY-NOTES.md.
/// </summary>
internal static class IndicatorChecks
{
    public const string PointsNot100 = "points-not-100";
    public const string PointsInvalid = "points-invalid";
    public const string EvaluatorMissing = "evaluator-missing";
    public const string DuplicateIndicator = "duplicate-indicator";
    public const string VetoRefused = "veto-refused";
    public const string LedgerEvidence = "ledger-evidence";
    public const string AppUsage = "app-usage";
    public const string MetricMismatch = "metric-mismatch";
    public const string CategoryUnknown = "category-unknown";
    public const string PointsOverTotal = "points-over-total";

    public const decimal TotalPoints = 100m;

    /// <summary>Estimated bigram Jaccard similarity above which two indicators assess the same content.</summary>
    public const double DuplicateSimilarity = 0.6;

    /// <summary>Evidence that makes an indicator a paperwork indicator: what a unit would have to produce to be scored.</summary>
    private static readonly string[] LedgerWords =
        ["台账", "材料", "照片", "拍照", "留痕", "会议记录", "会议纪要", "学习笔记", "笔记", "领导批示", "批示", "档案盒", "佐证", "报送总结", "签字确认"];

    /// <summary>Measures of using an app rather than of work done (国办函〔2026〕12号).</summary>
    private static readonly string[] AppUsageWords =
        ["登录", "打卡", "签到", "在线时长", "在线时间", "积分", "点赞", "转发", "分享", "投票数", "学习时长", "浏览量", "下载量", "安装率", "活跃度", "日活"];

    /// <summary>The checks of one indicator against the set it joins (<paramref name="others"/>: the indicators already in it).</summary>
    public static List<IndicatorCheck> Check(IndicatorDraft indicator, IReadOnlyList<IndicatorDraft> others)
    {
        var checks = new List<IndicatorCheck>();
        var text = $"{indicator.Name}\n{indicator.Description}";
        if (indicator.Points <= 0 || indicator.Points > TotalPoints || decimal.Round(indicator.Points, 1) != indicator.Points)
        {
            checks.Add(new(PointsInvalid, IndicatorSeverity.Block, $"分值应大于0、不超过{TotalPoints:0}分,最多一位小数(现为{indicator.Points})。"));
        }

        if (string.IsNullOrWhiteSpace(indicator.Evaluator))
        {
            checks.Add(new(EvaluatorMissing, IndicatorSeverity.Block, "每项指标须有且只有一个评价单位:请指定由哪个部门或单位评价。"));
        }

        if (indicator.Veto)
        {
            checks.Add(new(VetoRefused, IndicatorSeverity.Block, "不设“一票否决”:请改为按分值计分或扣分。"));
        }

        if (Found(text, LedgerWords) is { } ledger)
        {
            checks.Add(new(LedgerEvidence, IndicatorSeverity.Block,
                $"指标以“{ledger}”为评价依据:会议记录、文件、照片留痕、学习笔记、领导批示和台账材料不作为考核依据(整治形式主义为基层减负若干规定),请改为考核工作实效。"));
        }

        if (Found(text, AppUsageWords) is { } usage)
        {
            checks.Add(new(AppUsage, IndicatorSeverity.Block,
                $"指标考核“{usage}”:打卡签到、积分排名、在线时长以及点赞、转发、学习时长等不得作为考核内容(国办函〔2026〕12号)。"));
        }

        if ((indicator.Source == IndicatorSource.System) != (indicator.Metric is not null))
        {
            checks.Add(new(MetricMismatch, IndicatorSeverity.Block, indicator.Source == IndicatorSource.System
                ? "由系统计算的指标须选择计算口径(如按时完成率、群众评价)。"
                : "只有由系统计算的指标才选择计算口径。"));
        }

        if (Twin(indicator, others) is { } twin)
        {
            checks.Add(new(DuplicateIndicator, IndicatorSeverity.Block,
                $"与已有指标“{twin.Name}”(评价单位:{twin.Evaluator})考核的内容相同或相近:同一内容只由一个单位评价,请合并。"));
        }

        return checks;
    }

    /// <summary>What stops a set from being published: its points must total exactly 100, and no indicator may break a rule.</summary>
    public static List<IndicatorCheck> CheckPublish(IReadOnlyList<IndicatorDraft> indicators)
    {
        var checks = new List<IndicatorCheck>();
        var total = indicators.Sum(i => i.Points);
        if (total != TotalPoints)
        {
            checks.Add(new(PointsNot100, IndicatorSeverity.Block, $"百分制考核的分值合计须为{TotalPoints:0}分,现为{total:0.#}分({indicators.Count}项)。"));
        }

        for (var i = 0; i < indicators.Count; i++)
        {
            checks.AddRange(Check(indicators[i], indicators.Take(i).ToList()).Where(c => c.Severity == IndicatorSeverity.Block)
                .Select(c => c with { Message = $"“{indicators[i].Name}”:{c.Message}" }));
        }

        return checks;
    }

    /// <summary>
    /// The checks that depend on the set the indicator joins: its categories, the level it assesses (a community has no
    /// departments to be reported against; a department has no tasks of its own nor residents rating it) and the points
    /// already given.
    /// </summary>
    public static List<IndicatorCheck> CheckInSet(IndicatorDraft indicator, AssessedLevel level, IReadOnlyList<string> categories, decimal pointsSoFar)
    {
        var checks = new List<IndicatorCheck>();
        if (!categories.Contains(indicator.Category))
        {
            checks.Add(new(CategoryUnknown, IndicatorSeverity.Block, $"类别应为:{string.Join("、", categories)}。"));
        }

        if (!Fits(level, indicator.Source, indicator.Metric))
        {
            checks.Add(new(MetricMismatch, IndicatorSeverity.Block, level == AssessedLevel.Community
                ? "村(社区)不是问题线索的责任单位:“被查实的问题线索”只用于镇街和区级部门的考核。"
                : "区级部门没有村社任务和群众评价:请选择“被查实的问题线索”或“12345工单按时办结率”,或由评价单位打分。"));
        }

        if (pointsSoFar + indicator.Points > TotalPoints)
        {
            checks.Add(new(PointsOverTotal, IndicatorSeverity.Warn, $"加上这项后分值合计{pointsSoFar + indicator.Points:0.#}分,超过{TotalPoints:0}分;发布前须调整为正好{TotalPoints:0}分。"));
        }

        return checks;
    }

    /// <summary>Whether an indicator of this source and metric can be scored for units of this level.</summary>
    public static bool Fits(AssessedLevel level, IndicatorSource source, SystemMetric? metric) => level switch
    {
        AssessedLevel.Community => metric != SystemMetric.SubstantiatedReports,
        AssessedLevel.Department => source != IndicatorSource.Residents && metric is null or SystemMetric.SubstantiatedReports or SystemMetric.HotlineAnsweredInTime,
        _ => true,
    };

    public static bool Blocks(IEnumerable<IndicatorCheck> checks) => checks.Any(c => c.Severity == IndicatorSeverity.Block);

    private static string? Found(string text, string[] words) => words.FirstOrDefault(w => text.Contains(w, StringComparison.Ordinal));

    /// <summary>The indicator already in the set that assesses the same content (by name and description), if any.</summary>
    private static IndicatorDraft? Twin(IndicatorDraft indicator, IReadOnlyList<IndicatorDraft> others)
    {
        var signature = MinHash.Of(indicator.Name + indicator.Description);
        return others
            .Select(o => (Other: o, Similarity: MinHash.Similarity(signature, MinHash.Of(o.Name + o.Description))))
            .Where(o => o.Similarity >= DuplicateSimilarity)
            .OrderByDescending(o => o.Similarity)
            .Select(o => o.Other)
            .FirstOrDefault();
    }
}
