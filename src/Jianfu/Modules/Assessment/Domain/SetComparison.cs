using Jianfu.Platform.Text;

namespace Jianfu.Modules.Assessment.Domain;

/// <summary>
/// What changed between last year's set and this one (Fengxian: 118 → 68, −42%): an earlier indicator whose content
/// lives on in a current one (similar name and description) is kept, or merged when several earlier ones went into
/// the same current one; an earlier one with no successor was removed; a current one with no predecessor is new.
/// </summary>
internal static class SetComparison
{
    /// <summary>Estimated bigram similarity above which a current indicator continues an earlier one.</summary>
    public const double SameContent = 0.4;

    public sealed record Entry(string Category, string Name);

    public sealed record Merge(Entry Into, IReadOnlyList<Entry> From);

    public sealed record Result(IReadOnlyList<Entry> Removed, IReadOnlyList<Merge> Merged, IReadOnlyList<Entry> Added, int Kept);

    /// <summary>(current − previous) / previous, rounded to four decimals; null without a previous count.</summary>
    public static decimal? Reduction(int previous, int current) => previous == 0 ? null : decimal.Round((decimal)(current - previous) / previous, 4, MidpointRounding.AwayFromZero);

    public static Result Compare(IReadOnlyList<Entry> previous, IReadOnlyList<Entry> current, Func<Entry, string> textOf)
    {
        var currentSignatures = current.Select(c => MinHash.Of(textOf(c))).ToList();
        var successors = new Dictionary<int, List<Entry>>();
        var removed = new List<Entry>();
        foreach (var earlier in previous)
        {
            var signature = MinHash.Of(textOf(earlier));
            var best = -1;
            var bestSimilarity = SameContent;
            for (var k = 0; k < current.Count; k++)
            {
                var similarity = MinHash.Similarity(signature, currentSignatures[k]);
                if (similarity >= bestSimilarity)
                {
                    best = k;
                    bestSimilarity = similarity;
                }
            }

            if (best < 0)
            {
                removed.Add(earlier);
            }
            else
            {
                (successors.TryGetValue(best, out var list) ? list : successors[best] = []).Add(earlier);
            }
        }

        var merged = successors.Where(s => s.Value.Count > 1).OrderBy(s => s.Key).Select(s => new Merge(current[s.Key], s.Value)).ToList();
        var added = current.Where((_, k) => !successors.ContainsKey(k)).ToList();
        return new Result(removed, merged, added, successors.Count(s => s.Value.Count == 1));
    }
}
