namespace Jianfu.Modules.Hotline.Routing;

/// <summary>
/// Rows that are one matter told twice: the same title, or the same opening of the body (exports repeat titles, and a
/// complaint is posted again under another title). A held-out order's matter is kept out of the rows that train
/// against it; left in, the test would have seen the answer and the threshold would come out too low.
/// </summary>
internal static class SameMatter
{
    private const int Opening = 30;

    public static IEnumerable<string> Keys(string text)
    {
        var (title, body) = RoutingClassifier.Split(text);
        yield return "T" + title;
        if (body.Length > 0)
        {
            yield return "B" + (body.Length > Opening ? body[..Opening] : body);
        }
    }

    public static List<LabelledText> Without(IEnumerable<LabelledText> rows, IEnumerable<LabelledText> held)
    {
        var keys = held.SelectMany(h => Keys(h.Text)).ToHashSet(StringComparer.Ordinal);
        return rows.Where(r => !Keys(r.Text).Any(keys.Contains)).ToList();
    }
}
