using System.Text.RegularExpressions;
using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Modules.Registry.Contracts;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Dispatch.Domain;

/// <summary>An earlier dispatch to one of the same communities and how similar its text is (0–1), for the duplicate check.</summary>
internal sealed record RecentDispatch(int Id, string Title, string? ScreeningCode, DateOnly SubmittedOn, IReadOnlyList<string> SharedCommunities, double Similarity);

internal sealed record GateInput(
    string Title,
    string Content,
    string? ScreeningCode,
    DutyItemInfo? Item,
    string? Justification,
    DateOnly? DueDate,
    string? UrgencyReason,
    DateOnly Today,
    IReadOnlyList<RecentDispatch> Recent,
    IReadOnlyDictionary<string, int> OpenTasksThisWeek,
    int LoadThreshold,
    CodeSuggestions? Suggestions = null,
    HeldData? Held = null);

/// <summary>
/// The automatic checks of the access gate (准入审核), in the order of DESIGN.md. Each returns a typed
/// result with its rule id; the sources of the rules are cited beside them.
/// </summary>
internal static partial class AccessGate
{
    public const int MaxContentLength = 4000;
    public const int MinJustificationLength = 10;
    public const int DuplicateWindowDays = 30;
    /// <summary>Estimated Jaccard similarity of the character bigrams at which two dispatches count as near-duplicates.</summary>
    public const double DuplicateSimilarity = 0.6;
    public const int MinWorkingDays = 3;

    /// <summary>The chosen item scores below this share of the best match: the code does not fit the text.</summary>
    public const double MismatchRatio = 0.5;

    public static IReadOnlyList<GateCheck> Run(GateInput input, WorkCalendar calendar)
    {
        var checks = new List<GateCheck>();
        CheckScreeningCode(input, checks);
        CheckCodeMatchesText(input, checks);
        CheckLength(input, checks);
        CheckRequirements(input, checks);
        CheckDuplicates(input, checks);
        CheckFormalism(input, checks);
        CheckHeldBySystem(input, checks);
        CheckDeadline(input, calendar, checks);
        CheckLoad(input, checks);
        return checks;
    }

    public static bool Blocks(IEnumerable<GateCheck> checks) => checks.Any(c => c.Severity == Severity.Block);

    // Shaoxing 浙里兴村治社: "派任务找不到过筛编码…除非有特殊情况,否则派不下来"; items are revised yearly and
    // the negative list (负面清单) may never be sent down.
    private static void CheckScreeningCode(GateInput input, List<GateCheck> checks)
    {
        if (string.IsNullOrWhiteSpace(input.ScreeningCode))
        {
            var justified = (input.Justification?.Trim().Length ?? 0) >= MinJustificationLength;
            checks.Add(justified
                ? new GateCheck(GateRules.ScreeningCodeMissing, Severity.Warn,
                    "清单外事项(特殊情况):该任务没有过筛编码,已填写特殊情况说明,须附集体研究决策记录后方可批准。")
                : new GateCheck(GateRules.ScreeningCodeMissing, Severity.Block,
                    $"该任务没有过筛编码,属于清单外事项,不能下派。确属特殊情况的,请填写不少于{MinJustificationLength}字的特殊情况说明,经集体研究后报审核。"));
            return;
        }

        if (input.Item is null)
        {
            checks.Add(new GateCheck(GateRules.ScreeningCodeUnknown, Severity.Block,
                $"过筛编码“{input.ScreeningCode}”不在本区已发布的涉村(社区)工作事项清单中,不能下派。"));
            return;
        }

        if (input.Item.Status == DutyItemStatus.Retired)
        {
            checks.Add(new GateCheck(GateRules.ScreeningCodeRetired, Severity.Block,
                $"事项“{input.Item.Name}”({input.Item.ScreeningCode})已停用:{input.Item.RetiredReason ?? "依据已变化"}。不能再以此编码下派。"));
        }

        if (input.Item.Kind == DutyKind.Excluded)
        {
            checks.Add(new GateCheck(GateRules.ExcludedItem, Severity.Block,
                $"事项“{input.Item.Name}”({input.Item.ScreeningCode})在负面清单中,不得交由村(社区)承担。"));
        }
    }

    // Shaoxing's review gate asks whether the task really is the item its code names; a code picked only to pass
    // the gate is the loophole. The reviewer sees which items the text actually matches.
    private static void CheckCodeMatchesText(GateInput input, List<GateCheck> checks)
    {
        if (input.Item is not { } item || item.Kind == DutyKind.Excluded || item.Status == DutyItemStatus.Retired ||
            input.Suggestions is not { MayBeOutsideList: false, Items.Count: > 0 } found)
        {
            return;
        }

        var best = found.Items[0];
        var chosen = found.Chosen?.Score ?? 0;
        if (found.Items.Any(s => Related(s.ScreeningCode, item.ScreeningCode)) || chosen >= best.Score * MismatchRatio)
        {
            return;
        }

        var closer = string.Join("、", found.Items.Select(s =>
            $"{s.ScreeningCode} {s.Name}" + (s.MatchedWords.Count > 0 ? $"(匹配“{string.Join("”“", s.MatchedWords.Take(3))}”)" : "")));
        checks.Add(new GateCheck(GateRules.CodeMismatch, Severity.Warn,
            $"所选过筛编码“{item.ScreeningCode} {item.Name}”与任务内容不符(匹配分{chosen:0.#},最匹配事项{best.Score:0.#}):内容更接近 {closer}。请核对编码,不得为通过审核套用编码。"));
    }

    /// <summary>The same item, or one is the parent of the other (XZ-01 and XZ-01-01).</summary>
    private static bool Related(string a, string b) =>
        a == b || a.StartsWith(b + "-", StringComparison.Ordinal) || b.StartsWith(a + "-", StringComparison.Ordinal);

    // 整治形式主义为基层减负若干规定 (2024): 针对具体工作的文件原则上不超过4000字.
    private static void CheckLength(GateInput input, List<GateCheck> checks)
    {
        if (input.Content.Length > MaxContentLength)
        {
            checks.Add(new GateCheck(GateRules.ContentTooLong, Severity.Block,
                $"任务内容共{input.Content.Length}字,超过{MaxContentLength}字的上限,请精简后再派。"));
        }
    }

    // Shaoxing: "要求不明晰的任务…驳回或修改".
    private static void CheckRequirements(GateInput input, List<GateCheck> checks)
    {
        var problems = new List<string>();
        if (input.DueDate is null)
        {
            problems.Add("未写明完成时限");
        }

        if (Substance(input.Content) < 15)
        {
            problems.Add("任务要求过于笼统,未写明具体做什么、做到什么程度");
        }

        if (problems.Count > 0)
        {
            checks.Add(new GateCheck(GateRules.RequirementsUnclear, Severity.Warn, $"要求不明晰:{string.Join(";", problems)}。"));
        }
    }

    // Shaoxing: "重复下派的任务" are returned. Near-identical text to the same community within 30 days, whatever
    // code it was sent under: a duplicate under another code is the same burden.
    private static void CheckDuplicates(GateInput input, List<GateCheck> checks)
    {
        var earlier = input.Recent
            .Where(r => r.SubmittedOn >= input.Today.AddDays(-DuplicateWindowDays) && r.Similarity >= DuplicateSimilarity)
            .OrderByDescending(r => r.Similarity).ThenByDescending(r => r.SubmittedOn)
            .FirstOrDefault();
        if (earlier is null)
        {
            return;
        }

        var places = string.Join("、", earlier.SharedCommunities.Take(5)) + (earlier.SharedCommunities.Count > 5 ? "等" : "");
        checks.Add(new GateCheck(GateRules.DuplicateDispatch, Severity.Warn,
            $"疑似重复派单:{earlier.SubmittedOn:yyyy-MM-dd} 已向{places}下派内容相近的任务(第{earlier.Id}号“{earlier.Title}”" +
            $"{(earlier.ScreeningCode is null ? "" : $",编码{earlier.ScreeningCode}")},内容{(earlier.Similarity >= 0.85 ? "几乎相同" : "大部分相同")})。"));
    }

    // 整治形式主义为基层减负若干规定; Kunming 4321; Chenggong: no check-ins, photo-only traces, paper ledgers,
    // signed responsibility letters, or re-reporting what the system already holds.
    private static readonly (Regex Pattern, string Meaning)[] FormalismPatterns =
    [
        (CheckInPattern(), "要求打卡签到"),
        (PhotoPattern(), "要求拍照、截图或视频留痕"),
        (LedgerPattern(), "要求建立或报送纸质/手工台账"),
        (PledgePattern(), "要求签订责任书、承诺书"),
        (ReReportPattern(), "要求报送系统已有的数据"),
    ];

    private static void CheckFormalism(GateInput input, List<GateCheck> checks)
    {
        var text = input.Title + "\n" + input.Content;
        var found = FormalismPatterns.Where(p => p.Pattern.IsMatch(text)).Select(p => p.Meaning).ToList();
        if (found.Count > 0)
        {
            checks.Add(new GateCheck(GateRules.FormalismDemand, Severity.Warn,
                $"含形式主义要求:{string.Join("、", found)}。依《整治形式主义为基层减负若干规定》,不得以留痕代替实绩,请审核人重点把关。"));
        }
    }

    // Pudong Nancheng: 从向居委要数据转变为向系统要数据 — what the registry holds is asked of the system, not of the village.
    private static void CheckHeldBySystem(GateInput input, List<GateCheck> checks)
    {
        if (input.Held is not { } held)
        {
            return;
        }

        var ledgers = held.Ledgers.Count > 0 ? $"(台账:{string.Join("、", held.Ledgers.Select(l => l.Name))})" : "";
        checks.Add(new GateCheck(GateRules.DataHeldBySystem, Severity.Warn,
            $"要求村(社区)采集或报送的{string.Join("、", held.Subjects)}数据,系统人口数据中已有{ledgers}。请改为向区数据管理员提交数据申请,村(社区)无需填报。"));
    }

    private static void CheckDeadline(GateInput input, WorkCalendar calendar, List<GateCheck> checks)
    {
        if (input.DueDate is not { } due || !string.IsNullOrWhiteSpace(input.UrgencyReason))
        {
            return;
        }

        var days = calendar.WorkingDaysBetween(input.Today, due);
        if (days < MinWorkingDays)
        {
            checks.Add(new GateCheck(GateRules.DeadlineTooShort, Severity.Warn,
                $"完成时限仅{days}个工作日,少于{MinWorkingDays}个工作日且未说明紧急原因。"));
        }
    }

    // 小马拉大车: a community already carrying more open tasks this week than the district allows.
    private static void CheckLoad(GateInput input, List<GateCheck> checks)
    {
        var overloaded = input.OpenTasksThisWeek.Where(kv => kv.Value >= input.LoadThreshold).OrderByDescending(kv => kv.Value).ToList();
        if (overloaded.Count > 0)
        {
            var list = string.Join("、", overloaded.Take(5).Select(kv => $"{kv.Key}({kv.Value}项)"));
            checks.Add(new GateCheck(GateRules.CommunityLoad, Severity.Warn,
                $"{list}{(overloaded.Count > 5 ? $"等{overloaded.Count}个村(社区)" : "")}本周在办任务已达{input.LoadThreshold}项的上限。"));
        }
    }

    private static int Substance(string text) => text.Count(char.IsLetterOrDigit);

    [GeneratedRegex("打卡|签到|定位上报")]
    private static partial Regex CheckInPattern();

    [GeneratedRegex("拍照|照片|截图|截屏|视频留痕|留痕")]
    private static partial Regex PhotoPattern();

    [GeneratedRegex("纸质台账|手工台账|(建立|完善|报送|上报|提交)[^。;;\\n]{0,6}台账")]
    private static partial Regex LedgerPattern();

    [GeneratedRegex("责任书|责任状|承诺书")]
    private static partial Regex PledgePattern();

    [GeneratedRegex("(重新|再次|重复)(填报|报送|统计|上报)")]
    private static partial Regex ReReportPattern();
}
