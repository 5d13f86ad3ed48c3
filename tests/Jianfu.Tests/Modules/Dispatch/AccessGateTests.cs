using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Platform.Text;
using Jianfu.Platform.Time;

namespace Jianfu.Tests.Modules.Dispatch;

public sealed class AccessGateTests
{
    // A Monday, so that working-day arithmetic is easy to follow.
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly WorkCalendar Calendar = new();

    private static DutyItemInfo Item(DutyKind kind = DutyKind.Assistance, DutyItemStatus status = DutyItemStatus.Active) =>
        new("XZ-13", "协助开展城镇燃气安全宣传", kind, status, "《城镇燃气管理条例》 第八条", null, status == DutyItemStatus.Retired ? "依据已废止" : null, 1, 2026);

    private static GateInput Input(
        string? code = "XZ-13",
        DutyItemInfo? item = null,
        string content = "请各村入户宣传燃气安全,提醒农户定期检查软管和减压阀,结果在系统中勾选。",
        string? justification = null,
        DateOnly? due = null,
        bool noDue = false,
        string? urgency = null,
        IReadOnlyList<RecentDispatch>? recent = null,
        IReadOnlyDictionary<string, int>? load = null,
        string title = "入户开展燃气安全宣传",
        CodeSuggestions? suggestions = null) =>
        new(title, content, code, code is null ? null : item ?? Item(), justification, noDue ? null : due ?? Today.AddDays(14), urgency, Today,
            recent ?? [], load ?? new Dictionary<string, int>(), 10, suggestions);

    private static CodeSuggestion Suggested(string code, double score) => new(code, "事项" + code, DutyKind.Assistance, score, ["老年优待证"]);

    [Fact]
    public void ChosenCodeFarFromText_WarnsCodeMismatch_NamingTheItemsTheTextMatches()
    {
        var found = new CodeSuggestions([Suggested("XZ-01-01", 40), Suggested("XZ-01-02", 22), Suggested("XZ-07", 15)], false, Suggested("XZ-13", 6), 9);
        var check = Assert.Single(Run(Input(suggestions: found)));
        Assert.Equal((GateRules.CodeMismatch, Severity.Warn), (check.Rule, check.Severity));
        Assert.Contains("XZ-13", check.Message);
        Assert.Contains("XZ-01-01 事项XZ-01-01", check.Message);
        Assert.Contains("老年优待证", check.Message);
    }

    [Fact]
    public void CodeMismatch_NotRaised_WhenCodeIsAmongTheMatches_OrCloseEnough_OrTheTextMatchesNothingWell()
    {
        var inTopThree = new CodeSuggestions([Suggested("XZ-12", 40), Suggested("XZ-13", 30)], false, Suggested("XZ-13", 30), 2);
        Assert.Empty(Run(Input(suggestions: inTopThree)));
        var close = new CodeSuggestions([Suggested("XZ-12", 40), Suggested("XZ-14", 30), Suggested("XZ-09", 25)], false, Suggested("XZ-13", 24), 4);
        Assert.Empty(Run(Input(suggestions: close)));
        var weak = new CodeSuggestions([Suggested("XZ-12", 8)], true, null, null);
        Assert.Empty(Run(Input(suggestions: weak)));
        var parent = new CodeSuggestions([Suggested("XZ-13-01", 40)], false, null, null);
        Assert.Empty(Run(Input(suggestions: parent)));
    }

    private static IReadOnlyList<GateCheck> Run(GateInput input) => AccessGate.Run(input, Calendar);

    [Fact]
    public void CleanInListDispatch_HasNoChecks() => Assert.Empty(Run(Input()));

    [Fact]
    public void MissingCode_WithoutJustification_Blocks()
    {
        var check = Assert.Single(Run(Input(code: null)));
        Assert.Equal((GateRules.ScreeningCodeMissing, Severity.Block), (check.Rule, check.Severity));
        Assert.Contains("清单外", check.Message);
    }

    [Fact]
    public void MissingCode_WithTooShortJustification_StillBlocks() =>
        Assert.Equal(Severity.Block, Assert.Single(Run(Input(code: null, justification: "特殊情况"))).Severity);

    [Fact]
    public void MissingCode_WithJustification_WarnsAndAsksForCollectiveDecision()
    {
        var check = Assert.Single(Run(Input(code: null, justification: "省级试点任务,尚未列入本年度清单。")));
        Assert.Equal((GateRules.ScreeningCodeMissing, Severity.Warn), (check.Rule, check.Severity));
        Assert.Contains("集体研究", check.Message);
    }

    [Fact]
    public void UnknownCode_Blocks()
    {
        var input = Input() with { Item = null };
        Assert.Equal((GateRules.ScreeningCodeUnknown, Severity.Block), Run(input).Select(c => (c.Rule, c.Severity)).Single());
    }

    [Fact]
    public void RetiredItem_Blocks_WithTheReason()
    {
        var check = Assert.Single(Run(Input(item: Item(status: DutyItemStatus.Retired))));
        Assert.Equal((GateRules.ScreeningCodeRetired, Severity.Block), (check.Rule, check.Severity));
        Assert.Contains("依据已废止", check.Message);
    }

    [Fact]
    public void ExcludedItem_Blocks() =>
        Assert.Equal((GateRules.ExcludedItem, Severity.Block), Run(Input(item: Item(DutyKind.Excluded))).Select(c => (c.Rule, c.Severity)).Single());

    [Fact]
    public void Content_Of4000Characters_Passes_4001_Blocks()
    {
        Assert.DoesNotContain(Run(Input(content: new string('字', 4000))), c => c.Rule == GateRules.ContentTooLong);
        var check = Assert.Single(Run(Input(content: new string('字', 4001))), c => c.Rule == GateRules.ContentTooLong);
        Assert.Equal(Severity.Block, check.Severity);
    }

    [Fact]
    public void NoDueDate_OrVagueContent_WarnsRequirementsUnclear()
    {
        Assert.Contains("时限", Assert.Single(Run(Input(noDue: true))).Message);
        var vague = Assert.Single(Run(Input(content: "请高度重视,抓好落实。")));
        Assert.Equal((GateRules.RequirementsUnclear, Severity.Warn), (vague.Rule, vague.Severity));
    }

    private static RecentDispatch Earlier(int id, string title, string content, string code, int daysAgo, string current) =>
        new(id, title, code, Today.AddDays(-daysAgo), ["富盛村委会"],
            MinHash.Similarity(MinHash.Of(title + "\n" + content), MinHash.Of(current)));

    [Fact]
    public void NearIdenticalText_WithinThirtyDays_WarnsDuplicate_WhateverTheCode()
    {
        var input = Input();
        var current = input.Title + "\n" + input.Content;
        // The same task reworded slightly and sent under another code is still a duplicate.
        var earlier = Earlier(7, input.Title, input.Content.Replace("。", ",请按时完成。"), "XZ-12", 10, current);
        Assert.InRange(earlier.Similarity, AccessGate.DuplicateSimilarity, 1);
        var check = Assert.Single(Run(Input(recent: [earlier])));
        Assert.Equal((GateRules.DuplicateDispatch, Severity.Warn), (check.Rule, check.Severity));
        Assert.Contains("第7号", check.Message);
        Assert.Contains("富盛村委会", check.Message);
    }

    [Fact]
    public void Duplicate_IgnoresOlderDispatches_AndDifferentText()
    {
        var input = Input();
        var current = input.Title + "\n" + input.Content;
        Assert.Empty(Run(Input(recent: [Earlier(1, input.Title, input.Content, "XZ-13", 31, current)])));
        var other = Earlier(3, "森林防火", "请护林员在山林出入口巡查,发现火情立即报告。", "XZ-13", 3, current);
        Assert.InRange(other.Similarity, 0, 0.2);
        Assert.Empty(Run(Input(recent: [other])));
    }

    [Fact]
    public void MinHash_EstimatesJaccardOfBigrams()
    {
        var a = MinHash.Of("请各村入户宣传燃气安全,提醒农户定期检查软管和减压阀。");
        Assert.Equal(1, MinHash.Similarity(a, MinHash.Of("请各村入户宣传燃气安全,提醒农户定期检查软管和减压阀。")));
        Assert.Equal(1, MinHash.Similarity(a, MinHash.FromBytes(MinHash.ToBytes(a))));
        // Punctuation and width do not count; a different task shares almost nothing.
        Assert.Equal(1, MinHash.Similarity(a, MinHash.Of("请各村入户宣传燃气安全 提醒农户定期检查软管和减压阀")));
        Assert.InRange(MinHash.Similarity(a, MinHash.Of("组织护林员巡山,清明期间严禁带火种上山。")), 0, 0.15);
    }

    [Theory]
    [InlineData("请网格员每日到岗打卡。", "打卡")]
    [InlineData("每户宣传后拍照上传。", "拍照")]
    [InlineData("活动结束后报送纸质台账一式两份。", "台账")]
    [InlineData("请各村签订安全生产责任书。", "责任书")]
    [InlineData("请重新填报各村户籍人口数据。", "系统已有")]
    public void FormalismDemands_Warn(string content, string meaning)
    {
        var check = Assert.Single(Run(Input(content: "请各村开展燃气安全宣传入户工作。" + content)), c => c.Rule == GateRules.FormalismDemand);
        Assert.Equal(Severity.Warn, check.Severity);
        Assert.Contains(meaning, check.Message);
    }

    [Fact]
    public void DeadlineOfTwoWorkingDays_Warns_UnlessUrgent()
    {
        // Monday → Wednesday is two working days.
        Assert.Equal(GateRules.DeadlineTooShort, Assert.Single(Run(Input(due: Today.AddDays(2)))).Rule);
        Assert.Empty(Run(Input(due: Today.AddDays(3))));
        Assert.Empty(Run(Input(due: Today.AddDays(2), urgency: "台风预警,须当日转移")));
    }

    [Fact]
    public void WeekendDoesNotCountAsWorkingDays()
    {
        var friday = new DateOnly(2026, 11, 27);
        var input = Input(due: friday.AddDays(3)) with { Today = friday };
        Assert.Equal(GateRules.DeadlineTooShort, Assert.Single(Run(input)).Rule);
    }

    [Fact]
    public void CommunityAtTheWeeklyThreshold_WarnsLoad()
    {
        var check = Assert.Single(Run(Input(load: new Dictionary<string, int> { ["富盛村委会"] = 10, ["乌石村委会"] = 3 })));
        Assert.Equal((GateRules.CommunityLoad, Severity.Warn), (check.Rule, check.Severity));
        Assert.Contains("富盛村委会", check.Message);
        Assert.DoesNotContain("乌石", check.Message);
    }

    [Fact]
    public void Blocks_IsTrueOnlyWithABlockingCheck()
    {
        Assert.False(AccessGate.Blocks([new GateCheck("x", Severity.Warn, "")]));
        Assert.True(AccessGate.Blocks([new GateCheck("x", Severity.Warn, ""), new GateCheck("y", Severity.Block, "")]));
    }
}
