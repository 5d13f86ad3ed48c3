using Jianfu.Modules.Assessment.Domain;

namespace Jianfu.Tests.Modules.Assessment;

/// <summary>The scoring arithmetic: shares earned, scheme weights, half-up rounding, what is missing, deductions, ranks.</summary>
public sealed class ScorerTests
{
    private static IndicatorSet Set(string scheme, params (decimal Points, IndicatorSource Source, SystemMetric? Metric)[] indicators)
    {
        var set = new IndicatorSet
        {
            DistrictCode = "330602", Title = "测试", CreatedBy = "测试", Scheme = scheme,
            Components = ScoringScheme.ComponentsOf(scheme).Select(c => new SchemeComponent { Key = c.Key, Name = c.Name, Weight = c.Weight }).ToList(),
        };
        set.Indicators = indicators.Select((i, k) => new Indicator
        {
            Id = k + 1, Number = k + 1, Category = "高质量发展", Name = $"指标{k + 1}", Points = i.Points, Evaluator = "1", EvaluatorName = "区民政局", Source = i.Source,
            Metric = i.Metric, CreatedBy = "测试",
        }).ToList();
        return set;
    }

    /// <summary>The evaluating bodies' scores as the database sums them: per component, what was earned of how many points scored.</summary>
    private static Dictionary<string, (decimal, decimal)> Evaluated(params (string Component, decimal Earned, decimal Points)[] sums) =>
        sums.ToDictionary(s => s.Component, s => (s.Earned, s.Points));

    private static readonly UnitFigures Tasks = new() { TasksIssued = 4, TasksOnTime = 3, TasksCompleted = 4, TasksConfirmed = 2, TasksReturned = 1 };

    [Fact]
    public void Hundred_IsTheSumOfEachIndicatorsShareOfItsPoints()
    {
        var set = Set(ScoringScheme.Hundred,
            (40, IndicatorSource.System, SystemMetric.TasksOnTime), (30, IndicatorSource.System, SystemMetric.TasksConfirmed),
            (20, IndicatorSource.System, SystemMetric.TasksReturned), (10, IndicatorSource.Evaluator, null));
        var result = new Scorer(set).Score(Tasks, new UnitInputs(Evaluated(("indicators", 8, 10)), null, 0));
        // 40 × 3/4 + 30 × 2/4 + 20 × (1 − 1/4) + 8 = 30 + 15 + 15 + 8.
        Assert.Equal(68m, result.Total);
        // The board counts the 90 system points only, scaled to 100: 60 of 90.
        Assert.Equal(66.67m, result.Board);
        Assert.Equal([33.33m, 16.67m, 16.67m], result.BoardParts.Select(p => p.Score!.Value).ToArray());
    }

    [Fact]
    public void SevenThree_WeightsTheResidentsSeventyAndTheTownshipThirty()
    {
        var set = Set(ScoringScheme.SevenThree, (60, IndicatorSource.Residents, null), (40, IndicatorSource.Evaluator, null));
        var figures = new UnitFigures { Ratings = 10, RatingAverage = 4.0 };
        var result = new Scorer(set).Score(figures, new UnitInputs(Evaluated(("township", 30, 40)), null, 0));
        // Residents: (4 − 1) / 4 = 75% of 70 = 52.5; township: 30/40 = 75% of 30 = 22.5.
        Assert.Equal([52.5m, 22.5m], result.Components.Select(c => c.Score!.Value).ToArray());
        Assert.Equal(75m, result.Total);
    }

    [Fact]
    public void FourThreeTwoOne_WeightsEachPart_AndEditedWeightsApply()
    {
        var set = Set(ScoringScheme.FourThreeTwoOne,
            (40, IndicatorSource.System, SystemMetric.TasksOnTime), (30, IndicatorSource.Evaluator, null), (20, IndicatorSource.Democratic, null), (10, IndicatorSource.Evaluator, null));
        set.Indicators[3].ComponentKey = "overall";
        var inputs = new UnitInputs(Evaluated(("annual", 27, 30), ("overall", 10, 10)), 0.8m, 0);
        var result = new Scorer(set).Score(Tasks, inputs);
        // Daily 75% × 40 = 30, annual 90% × 30 = 27, democratic 80% × 20 = 16, overall 100% × 10 = 10.
        Assert.Equal([30m, 27m, 16m, 10m], result.Components.Select(c => c.Score!.Value).ToArray());
        Assert.Equal(83m, result.Total);

        set.Components.Single(c => c.Key == "daily").Weight = 50;
        set.Components.Single(c => c.Key == "overall").Weight = 0;
        Assert.Equal(37.5m + 27m + 16m, new Scorer(set).Score(Tasks, inputs).Total);
    }

    [Fact]
    public void AMissingFigure_LeavesItsIndicatorOut_AndAMissingComponentScalesTheOthersUp()
    {
        var set = Set(ScoringScheme.SevenThree, (70, IndicatorSource.Residents, null), (20, IndicatorSource.System, SystemMetric.TasksOnTime),
            (10, IndicatorSource.System, SystemMetric.HotlineAnsweredInTime));
        // No ratings yet and no 12345 orders: the township part stands for the whole, on the task indicator alone.
        var result = new Scorer(set).Score(Tasks, UnitInputs.None);
        Assert.Null(result.Components[0].Score);
        Assert.Equal(75m, result.Components[1].Score);
        Assert.Equal(75m, result.Total);
        Assert.Null(result.BoardParts.Single(p => p.Name == SystemMetric.HotlineAnsweredInTime.Chinese()).Score);

        // Nothing to score at all: no total, no board, no rank.
        var nothing = new Scorer(set).Score(UnitFigures.None, UnitInputs.None);
        Assert.Null(nothing.Total);
        Assert.Null(nothing.Board);
    }

    [Fact]
    public void Rounding_IsHalfUpToTwoDecimals_AndTheRowAddsUp()
    {
        var set = Set(ScoringScheme.Hundred, (1, IndicatorSource.System, SystemMetric.TasksOnTime), (2, IndicatorSource.System, SystemMetric.TasksConfirmed));
        var figures = new UnitFigures { TasksIssued = 8, TasksOnTime = 1, TasksConfirmed = 1 };
        var result = new Scorer(set).Score(figures, UnitInputs.None);
        // (1 × 1/8 + 2 × 1/8) / 3 × 100 = 12.5 exactly; the parts 4.1666… and 8.3333… round to 4.17 and 8.33.
        Assert.Equal([4.17m, 8.33m], result.BoardParts.Select(p => p.Score!.Value).ToArray());
        Assert.Equal(12.5m, result.Board);
        Assert.Equal(0.13m, ScoringScheme.Round(0.125m));
        Assert.Equal(-0.13m, ScoringScheme.Round(-0.125m));
    }

    [Fact]
    public void Deductions_ComeOffTheTotal_NeverBelowZero()
    {
        var set = Set(ScoringScheme.Hundred, (100, IndicatorSource.System, SystemMetric.SubstantiatedReports));
        Assert.Equal(97m - 2.5m, new Scorer(set).Score(new UnitFigures { SubstantiatedReports = 3 }, new UnitInputs(null, null, 2.5m)).Total);
        Assert.Equal(0m, new Scorer(set).Score(new UnitFigures { SubstantiatedReports = 3 }, new UnitInputs(null, null, 200m)).Total);
    }

    [Fact]
    public void AnIndicatorsOwnScore_IsItsShareOfItsPoints_OrNothingWhenNotScored()
    {
        Assert.Equal(8m, Scorer.IndicatorScore(IndicatorSource.Evaluator, null, 10, UnitFigures.None, null, 8m));
        Assert.Equal(10m, Scorer.IndicatorScore(IndicatorSource.Evaluator, null, 10, UnitFigures.None, null, 12m));
        Assert.Null(Scorer.IndicatorScore(IndicatorSource.Evaluator, null, 10, UnitFigures.None, null, null));
        Assert.Equal(16m, Scorer.IndicatorScore(IndicatorSource.Democratic, null, 20, UnitFigures.None, 0.8m, null));
        Assert.Equal(15m, Scorer.IndicatorScore(IndicatorSource.System, SystemMetric.TasksOnTime, 20, Tasks, null, null));
    }

    [Fact]
    public void Ranks_ShareTies_AndSkipAfterThem()
    {
        Assert.Equal([2, 1, 2, null, 4], Scorer.Ranks([80m, 90m, 80m, null, 70m]));
    }

    [Theory]
    [InlineData("2026-11", 202611, "2026年11月")]
    [InlineData("2026", 202600, "2026年全年")]
    [InlineData(null, 203000, "2030年全年")]
    public void Periods_AreAMonthOrAYear(string? text, int key, string chinese)
    {
        var period = Period.Parse(text, 2030);
        Assert.Equal((key, chinese), (period.Value.Key, period.Value.Chinese));
        Assert.Equal(period.Value, Period.FromKey(key));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("1999")]
    [InlineData("十一月")]
    public void Periods_OutOfShape_AreRefused(string text) => Assert.False(Period.Parse(text, 2026).IsSuccess);

    [Fact]
    public void Comparison_FindsRemovedMergedAndNew()
    {
        SetComparison.Entry E(string name) => new("高质量发展", name);
        var result = SetComparison.Compare([E("安全生产"), E("安全生产专项整治"), E("统计报表按时报送"), E("信访工作")], [E("安全生产"), E("信访工作"), E("群众满意度")], e => e.Name);
        Assert.Equal(["统计报表按时报送"], result.Removed.Select(r => r.Name));
        Assert.Equal(2, result.Merged.Single().From.Count);
        Assert.Equal(["群众满意度"], result.Added.Select(r => r.Name));
        Assert.Equal(1, result.Kept);
        Assert.Equal(-0.4237m, SetComparison.Reduction(118, 68));
        Assert.Null(SetComparison.Reduction(0, 5));
    }
}
