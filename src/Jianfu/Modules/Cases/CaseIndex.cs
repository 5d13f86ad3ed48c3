using System.Net;
using System.Text;
using Jianfu.Modules.Cases.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Cases;

/// <summary>A case found by a search, with a snippet of its text where the query's words are marked (HTML, encoded).</summary>
public sealed record CaseHit(int Id, string Title, string Community, IReadOnlyList<string> Tags, float Score, string SnippetHtml);

/// <summary>
/// The case library's full-text index: Lucene (BM25 over character bigrams, <see cref="ChineseAnalyzer"/>) in
/// {data dir}/index/cases. The database stays the record: the index catches up with cases it has not seen (by id,
/// noted in each commit) before a search, so a new server, or one whose index was deleted, rebuilds it by itself.
/// </summary>
internal sealed class CaseIndex : IDisposable
{
    private const string LastIdKey = "lastCaseId";
    private readonly Analyzer _analyzer = ChineseAnalyzer.Create();
    private readonly Lucene.Net.Store.Directory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly SemaphoreSlim _catchUp = new(1, 1);
    private int _lastId;

    public CaseIndex(IConfiguration config)
    {
        var path = Path.Combine(Platform.Database.DatabaseSetup.DataDirectory(config), "index", "cases");
        System.IO.Directory.CreateDirectory(path);
        _directory = FSDirectory.Open(new DirectoryInfo(path));
        _writer = new IndexWriter(_directory, new IndexWriterConfig(ChineseAnalyzer.Version, _analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
        });
        _lastId = DirectoryReader.IndexExists(_directory) && _writer.CommitData.TryGetValue(LastIdKey, out var last) ? int.Parse(last) : 0;
        _searchers = new SearcherManager(_writer, true, new BM25SearcherFactory());
    }

    /// <summary>Indexes every case with an id above the last one indexed.</summary>
    public async Task CatchUpAsync(JianfuDbContext db, CancellationToken ct)
    {
        var newest = await db.Cases.MaxAsync(c => (int?)c.Id, ct) ?? 0;
        if (newest <= _lastId)
        {
            return;
        }

        await _catchUp.WaitAsync(ct);
        try
        {
            while (true)
            {
                var batch = await db.Cases.AsNoTracking().Where(c => c.Id > _lastId).OrderBy(c => c.Id).Take(5000).ToListAsync(ct);
                if (batch.Count == 0)
                {
                    break;
                }

                foreach (var c in batch)
                {
                    _writer.UpdateDocument(new Term("id", c.Id.ToString()), ToDocument(c));
                }

                _lastId = batch[^1].Id;
                _writer.SetCommitData(new Dictionary<string, string> { [LastIdKey] = _lastId.ToString() });
                _writer.Commit();
            }

            _searchers.MaybeRefreshBlocking();
        }
        finally
        {
            _catchUp.Release();
        }
    }

    public IReadOnlyList<CaseHit> Search(string query, int take, out int total)
    {
        var terms = ChineseAnalyzer.Tokens(_analyzer, query).Distinct(StringComparer.Ordinal).Take(200).ToList();
        total = 0;
        if (terms.Count == 0)
        {
            return [];
        }

        var boolean = new BooleanQuery();
        foreach (var term in terms)
        {
            boolean.Add(new TermQuery(new Term("title", term)) { Boost = 3 }, Occur.SHOULD);
            boolean.Add(new TermQuery(new Term("tags", term)) { Boost = 2 }, Occur.SHOULD);
            boolean.Add(new TermQuery(new Term("problem", term)) { Boost = 1.5f }, Occur.SHOULD);
            boolean.Add(new TermQuery(new Term("body", term)), Occur.SHOULD);
        }

        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(boolean, Math.Clamp(take, 1, 50));
            total = top.TotalHits;
            var wanted = terms.ToHashSet(StringComparer.Ordinal);
            return top.ScoreDocs.Select(hit =>
            {
                var doc = searcher.Doc(hit.Doc);
                var text = doc.Get("problem") + " " + doc.Get("body");
                return new CaseHit(int.Parse(doc.Get("id")), doc.Get("title"), doc.Get("community"),
                    doc.Get("tags").Split(',', StringSplitOptions.RemoveEmptyEntries), hit.Score, Snippet(text, wanted));
            }).ToList();
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>The window of the text holding most of the query's bigrams, HTML-encoded, with the matched runs in &lt;mark&gt;.</summary>
    internal static string Snippet(string text, IReadOnlySet<string> terms, int width = 90)
    {
        var hit = new bool[text.Length];
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (terms.Contains(text.Substring(i, 2).ToLowerInvariant()))
            {
                hit[i] = hit[i + 1] = true;
            }
        }

        var (bestStart, bestCount, count) = (0, -1, 0);
        for (var i = 0; i < text.Length; i++)
        {
            count += hit[i] ? 1 : 0;
            if (i >= width)
            {
                count -= hit[i - width] ? 1 : 0;
            }

            if (count > bestCount)
            {
                (bestCount, bestStart) = (count, Math.Max(0, i - width + 1));
            }
        }

        // Centre the window on the hits it holds, so the words around them are shown too.
        var hits = Enumerable.Range(bestStart, Math.Min(width, text.Length - bestStart)).Where(i => hit[i]).ToList();
        if (hits.Count > 0)
        {
            bestStart = Math.Clamp((hits[0] + hits[^1]) / 2 - width / 2, 0, Math.Max(0, text.Length - width));
        }

        var end = Math.Min(text.Length, bestStart + width);
        var html = new StringBuilder(bestStart > 0 ? "…" : "");
        var open = false;
        for (var i = bestStart; i < end; i++)
        {
            if (hit[i] != open)
            {
                html.Append(hit[i] ? "<mark>" : "</mark>");
                open = hit[i];
            }

            html.Append(WebUtility.HtmlEncode(text[i].ToString()));
        }

        return html.Append(open ? "</mark>" : "").Append(end < text.Length ? "…" : "").ToString();
    }

    private static Document ToDocument(CommunityCase c) =>
    [
        new StringField("id", c.Id.ToString(), Field.Store.YES),
        new TextField("title", c.Title, Field.Store.YES),
        new TextField("tags", c.Tags, Field.Store.YES),
        new TextField("problem", c.Problem, Field.Store.YES),
        new TextField("body", string.Join(" ", c.Actions, c.Helpers, c.Outcome), Field.Store.YES),
        new StoredField("community", c.CommunityName),
    ];

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
        _catchUp.Dispose();
    }

    private sealed class BM25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
