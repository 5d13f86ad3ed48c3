using Jianfu.Host.Bench;
using Jianfu.Modules.Catalogue;
using Jianfu.Platform.Text;

namespace Jianfu.Tests.Modules.Catalogue;

/// <summary>Screening-code suggestion against the demo catalogue and the 219 written task texts in Data/task-texts.csv (206 labelled, 13 outside the list).</summary>
public sealed class CodeSuggestionTests
{
    private static string TaskTexts => Path.Combine(AppContext.BaseDirectory, "Data", "task-texts.csv");

    [Fact]
    public void EvaluationSet_HasAtLeast200LabelledTexts_CoveringEveryActiveItem_AndTopThreeIsAtLeast95Percent()
    {
        var texts = SuggestionBenchmark.ReadTexts(TaskTexts);
        Assert.True(texts.Count(t => t.Code != "-") >= 200);
        var codes = DemoCatalogueCodes();
        Assert.Empty(texts.Where(t => t.Code != "-").Select(t => t.Code).Except(codes));
        Assert.Empty(codes.Except(texts.Select(t => t.Code)));

        var figures = SuggestionBenchmark.Evaluate(texts);
        Assert.True(figures.Top3 >= 0.95, $"top-3 {figures.Top3:P1}");
        Assert.True(figures.Top1 >= 0.80, $"top-1 {figures.Top1:P1}");
        Assert.True(figures.InsideFlagged <= 0.05, $"in-list texts flagged as outside: {figures.InsideFlagged:P1}");
        Assert.True(figures.OutsideFlagged >= 0.5, $"outside texts flagged: {figures.OutsideFlagged:P1}");
    }

    [Fact]
    public void Suggestion_NamesTheMatchedWords_AndScoresTheChosenCode()
    {
        using var matcher = Jianfu.Modules.Catalogue.CatalogueDemo.Matcher();
        var found = SuggestScreeningCodes.Suggest(matcher, "协助做好敬老卡集中办理\n请社区通知辖区老人携带材料办理老年卡", "XZ-05-02");
        Assert.Equal("XZ-01-01", found.Items[0].ScreeningCode);
        Assert.Contains(found.Items[0].MatchedWords, w => w.Contains("敬老卡"));
        Assert.False(found.MayBeOutsideList);
        Assert.True(found.Chosen is null || found.Chosen.Score < found.Items[0].Score / 2);
    }

    [Fact]
    public void TextOutsideTheList_IsFlagged()
    {
        using var matcher = Jianfu.Modules.Catalogue.CatalogueDemo.Matcher();
        var found = SuggestScreeningCodes.Suggest(matcher, "报送辖区餐馆菜品价格\n请各社区每周报送辖区餐馆主要菜品价格", null);
        Assert.True(found.MayBeOutsideList);
        Assert.Contains("清单外", found.Message);
    }

    [Fact]
    public void MatchedRuns_MergeAdjacentBigramsIntoWords()
    {
        var runs = ChineseAnalyzer.MatchedRuns("请协助办理老年优待证和养老补贴", new HashSet<string> { "老年", "年优", "优待", "待证", "养老" });
        Assert.Equal(["老年优待证", "养老"], runs);
    }

    // A retired item is never suggested; tasks of it are labelled "-" (outside the list) in the evaluation set.
    private static HashSet<string> DemoCatalogueCodes() =>
        Jianfu.Modules.Catalogue.CatalogueDemo.ReadCatalogue(DateOnly.FromDateTime(DateTime.Today)).Items
            .Where(i => i.Status == Jianfu.Modules.Catalogue.Contracts.DutyItemStatus.Active).Select(i => i.ScreeningCode).ToHashSet();
}
