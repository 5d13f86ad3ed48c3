using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Jianfu.Platform.Text;

/// <summary>
/// Lucene's CJK analyzer (overlapping character bigrams for Han text, width folding, lower case): Chinese has
/// no spaces, and bigrams are the standard unit for Chinese search without a dictionary. Shared by screening-code
/// suggestion and the case library so both tokenize the same way.
/// </summary>
public static class ChineseAnalyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Create() => new CJKAnalyzer(Version);

    /// <summary>The tokens of a text, in order (duplicates kept).</summary>
    public static List<string> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream("text", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }

    /// <summary>
    /// The words of <paramref name="text"/> made of matched bigrams: runs of consecutive characters whose bigrams
    /// all matched are merged, so 老年 年优 优待 待证 reads back as 老年优待证.
    /// </summary>
    public static IReadOnlyList<string> MatchedRuns(string text, IReadOnlySet<string> matched, int max = 8)
    {
        var runs = new List<string>();
        var i = 0;
        while (i + 1 < text.Length)
        {
            if (!matched.Contains(text.Substring(i, 2).ToLowerInvariant()))
            {
                i++;
                continue;
            }

            var end = i + 2;
            while (end < text.Length && matched.Contains(text.Substring(end - 1, 2).ToLowerInvariant()))
            {
                end++;
            }

            var run = text[i..end];
            if (!runs.Contains(run, StringComparer.Ordinal))
            {
                runs.Add(run);
            }

            i = end;
        }

        return runs.OrderByDescending(r => r.Length).Take(max).ToList();
    }
}
