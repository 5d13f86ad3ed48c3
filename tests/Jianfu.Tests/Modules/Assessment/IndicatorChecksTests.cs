using Jianfu.Modules.Assessment.Domain;

namespace Jianfu.Tests.Modules.Assessment;

/// <summary>The rules of an indicator set (百分考), each with the case that trips it and the case that does not.</summary>
public sealed class IndicatorChecksTests
{
    private static IndicatorDraft Indicator(string name, decimal points = 5, string? evaluator = "区民政局", IndicatorSource source = IndicatorSource.Evaluator,
        SystemMetric? metric = null, bool veto = false, string? description = null, string category = "高质量发展") =>
        new(category, name, description, points, evaluator, source, metric, veto);

    private static string[] Rules(IEnumerable<IndicatorCheck> checks) => [.. checks.Select(c => c.Rule)];

    [Fact]
    public void AnOutcomeIndicatorWithOneBody_PassesEveryCheck()
    {
        Assert.Empty(IndicatorChecks.Check(Indicator("困难群众救助政策落实到位"), []));
        Assert.Empty(IndicatorChecks.Check(Indicator("派单按时完成率", source: IndicatorSource.System, metric: SystemMetric.TasksOnTime), []));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(2.25)]
    public void Points_OutOfRangeOrTooFine_AreRefused(double points)
    {
        var checks = IndicatorChecks.Check(Indicator("垃圾分类准确率提升", (decimal)points), []);
        Assert.Equal([IndicatorChecks.PointsInvalid], Rules(checks));
        Assert.True(IndicatorChecks.Blocks(checks));
    }

    [Fact]
    public void AnIndicatorWithoutItsEvaluatingBody_IsRefused()
    {
        var check = Assert.Single(IndicatorChecks.Check(Indicator("老旧小区加装电梯推进", evaluator: " "), []));
        Assert.Equal((IndicatorChecks.EvaluatorMissing, IndicatorSeverity.Block), (check.Rule, check.Severity));
        Assert.Contains("评价单位", check.Message);
    }

    [Fact]
    public void AOneVoteVeto_IsRefused() =>
        Assert.Equal([IndicatorChecks.VetoRefused], Rules(IndicatorChecks.Check(Indicator("安全生产", veto: true), [])));

    [Theory]
    [InlineData("党建工作台账规范完整", "台账")]
    [InlineData("防汛工作", "现场检查并查阅照片留痕")]
    [InlineData("学习贯彻情况", "以会议记录和学习笔记为准")]
    [InlineData("落实领导批示", null)]
    public void LedgersMaterialsPhotosAndInstructions_AreNotEvidence(string name, string? description)
    {
        var check = Assert.Single(IndicatorChecks.Check(Indicator(name, description: description), []));
        Assert.Equal(IndicatorChecks.LedgerEvidence, check.Rule);
        Assert.Contains("不作为考核依据", check.Message);
    }

    [Theory]
    [InlineData("网格员每日打卡率")]
    [InlineData("学习强国积分排名")]
    [InlineData("政务App在线时长")]
    [InlineData("信息点赞转发数")]
    public void MeasuresOfAppUse_AreRefused(string name)
    {
        var check = Assert.Single(IndicatorChecks.Check(Indicator(name), []), c => c.Rule == IndicatorChecks.AppUsage);
        Assert.Contains("国办函〔2026〕12号", check.Message);
    }

    [Fact]
    public void OnlySystemIndicators_HaveAComputation_AndTheyAlwaysDo()
    {
        Assert.Equal([IndicatorChecks.MetricMismatch], Rules(IndicatorChecks.Check(Indicator("派单按时完成率", source: IndicatorSource.System), [])));
        Assert.Equal([IndicatorChecks.MetricMismatch], Rules(IndicatorChecks.Check(Indicator("群众满意度", metric: SystemMetric.ResidentRating), [])));
    }

    [Fact]
    public void TheSameContentForASecondBody_IsCaught_NamingTheFirst()
    {
        var existing = Indicator("农村生活垃圾分类工作成效", evaluator: "区农业农村局");
        var check = Assert.Single(IndicatorChecks.Check(Indicator("农村生活垃圾分类工作成效评价", evaluator: "区综合行政执法局"), [existing]));
        Assert.Equal(IndicatorChecks.DuplicateIndicator, check.Rule);
        Assert.Contains("区农业农村局", check.Message);
        Assert.Empty(IndicatorChecks.Check(Indicator("老年人助餐服务覆盖率", evaluator: "区民政局"), [existing]));
    }

    [Fact]
    public void ASet_IsPublishedOnlyWhenItsPointsTotalExactly100()
    {
        string[] names = ["基层党组织建设成效", "困难群众救助落实", "农村人居环境改善", "安全生产事故防控", "矛盾纠纷就地化解", "集体经济收入增长",
            "老年人助餐服务覆盖", "河湖水质达标", "便民服务事项办结"];
        var ninetyNine = names.Select((n, i) => Indicator(n, 11, evaluator: $"部门{i}")).ToList();
        var refused = Assert.Single(IndicatorChecks.CheckPublish(ninetyNine));
        Assert.Equal(IndicatorChecks.PointsNot100, refused.Rule);
        Assert.Contains("现为99分", refused.Message);
        Assert.Empty(IndicatorChecks.CheckPublish([.. ninetyNine, Indicator("群众获得感", 1, evaluator: "区委社会工作部")]));
    }

    [Fact]
    public void Publishing_NamesEachIndicatorThatBreaksARule()
    {
        var checks = IndicatorChecks.CheckPublish([Indicator("安全生产", 50, veto: true), Indicator("村级组织建设", 50, evaluator: null)]);
        Assert.Equal([IndicatorChecks.VetoRefused, IndicatorChecks.EvaluatorMissing], Rules(checks));
        Assert.StartsWith("“安全生产”", checks[0].Message);
    }
}
