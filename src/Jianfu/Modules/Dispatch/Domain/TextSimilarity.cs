namespace Jianfu.Modules.Dispatch.Domain;

/// <summary>Character-bigram Jaccard similarity: Chinese has no spaces, and bigrams are the usual unit for short texts.</summary>
internal static class TextSimilarity
{
    public static double Jaccard(string a, string b)
    {
        var x = Bigrams(a);
        var y = Bigrams(b);
        if (x.Count == 0 && y.Count == 0)
        {
            return 1;
        }

        var shared = x.Count(y.Contains);
        return (double)shared / (x.Count + y.Count - shared);
    }

    private static HashSet<string> Bigrams(string text)
    {
        var chars = text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray();
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Length; i++)
        {
            set.Add(string.Concat(chars[i], chars[i + 1]));
        }

        if (chars.Length == 1)
        {
            set.Add(chars[0].ToString());
        }

        return set;
    }
}
