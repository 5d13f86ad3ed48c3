using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Platform.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Jianfu.Modules.Catalogue.Domain;

/// <summary>What the matcher reads of an item: its name, its parent's name and its description (事项说明).</summary>
internal sealed record MatchableItem(string Code, string Name, DutyKind Kind, string Description, string? ParentName);

/// <summary>
/// Ranks a catalogue's items against a task text with Lucene (BM25 over character bigrams). The item's name
/// weighs most, then its description — which is where the list keeper writes the words departments use
/// ("常见表述:敬老卡、老年卡…"). One instance per published catalogue version, built in memory (a district's list
/// has a few hundred items) and shared by every request until the list changes.
/// </summary>
internal sealed class ItemMatcher : IDisposable
{
    /// <summary>Below this score the best match is weak: the task may be outside the list. Calibrated on the evaluation set.</summary>
    public const float WeakScore = 12f;

    /// <summary>
    /// Bigrams every dispatch uses ("请各社区协助开展…工作"): they say nothing about which item a task is, and left in
    /// they make an unrelated item with 社区 in its name (社区戒毒) look like a match.
    /// </summary>
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "社区", "区居", "各村", "村社", "村民", "居民", "辖区", "请各", "各社", "协助", "助开", "开展", "做好", "好辖", "工作", "组织",
        "相关", "情况", "及时", "发现", "报送", "上报", "要求", "通知", "活动", "人员", "按时", "完成", "加强", "进行", "有关", "本村",
        "村委", "委会", "居委", "人员", "信息", "名单", "登记", "宣传", "排查", "区级", "镇街", "街道", "乡镇", "部门", "全体",
    };

    private const float NameBoost = 3f;
    private const float ParentBoost = 0.5f;
    private readonly Analyzer _analyzer = ChineseAnalyzer.Create();
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Dictionary<string, (MatchableItem Item, HashSet<string> Terms)> _items;

    public ItemMatcher(IEnumerable<MatchableItem> items)
    {
        _items = items.ToDictionary(i => i.Code, i => (i, ChineseAnalyzer.Tokens(_analyzer, i.Name + " " + i.Description).ToHashSet(StringComparer.Ordinal)), StringComparer.Ordinal);
        var config = new IndexWriterConfig(ChineseAnalyzer.Version, _analyzer) { Similarity = new BM25Similarity() };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var (item, _) in _items.Values)
            {
                writer.AddDocument(new Document
                {
                    new StringField("code", item.Code, Field.Store.YES),
                    new TextField("name", item.Name, Field.Store.NO),
                    new TextField("description", item.Description, Field.Store.NO),
                    new TextField("parent", item.ParentName ?? "", Field.Store.NO),
                });
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public int Count => _items.Count;

    /// <summary>The matcher of a catalogue version: its active items (a retired item is never suggested), each with its parent's name.</summary>
    public static ItemMatcher ForVersion(IReadOnlyCollection<DutyItem> items)
    {
        var names = items.ToDictionary(i => i.ScreeningCode, i => i.Name, StringComparer.Ordinal);
        return new ItemMatcher(items.Where(i => i.Status == DutyItemStatus.Active).Select(i => new MatchableItem(
            i.ScreeningCode, i.Name, i.Kind, i.Description, i.ParentCode is null ? null : names.GetValueOrDefault(i.ParentCode))));
    }

    /// <summary>Every item that shares a word with the text, best first.</summary>
    public IReadOnlyList<ItemMatch> Match(string text, int take)
    {
        var terms = ChineseAnalyzer.Tokens(_analyzer, text).Where(t => !Generic.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        var query = new BooleanQuery();
        foreach (var term in terms)
        {
            // Only words the list knows become clauses: a 4,000-character text stays a small query.
            Add(query, "name", term, NameBoost);
            Add(query, "description", term, 1f);
            Add(query, "parent", term, ParentBoost);
        }

        if (query.Clauses.Count == 0)
        {
            return [];
        }

        var textTerms = terms.ToHashSet(StringComparer.Ordinal);
        return _searcher.Search(query, Math.Max(1, take)).ScoreDocs
            .Select(hit =>
            {
                var (item, itemTerms) = _items[_searcher.Doc(hit.Doc).Get("code")];
                var shared = itemTerms.Where(textTerms.Contains).ToHashSet(StringComparer.Ordinal);
                return new ItemMatch(item, hit.Score, ChineseAnalyzer.MatchedRuns(text, shared));
            })
            .ToList();
    }

    private void Add(BooleanQuery query, string field, string term, float boost)
    {
        var t = new Term(field, term);
        if (_reader.DocFreq(t) > 0 && query.Clauses.Count < BooleanQuery.MaxClauseCount)
        {
            query.Add(new TermQuery(t) { Boost = boost }, Occur.SHOULD);
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}

internal sealed record ItemMatch(MatchableItem Item, float Score, IReadOnlyList<string> MatchedWords);
