namespace Jianfu.Modules.Registry.Domain;

/// <summary>The columns a registry file may have — for each field the headings it goes by (Chinese, then the API's name) — and which are required.</summary>
internal sealed record FileShape(IReadOnlyList<(string Field, string[] Headers)> Fields, int[] Required, string MissingHeaders)
{
    /// <summary>For each field, the column that holds it (or −1), from the file's header row.</summary>
    public int[] Map(IReadOnlyList<string> header)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        return Fields.Select(f => f.Headers.Select(h => names.IndexOf(h.ToLowerInvariant())).FirstOrDefault(i => i >= 0, -1)).ToArray();
    }

    public bool Complete(int[] map) => Required.All(i => map[i] >= 0);

    /// <summary>The heading an error file gives each field: its first (Chinese) name, which the import reads again.</summary>
    public IEnumerable<string> Headings => Fields.Select(f => f.Headers[0]);
}
