namespace Jianfu.Modules.Cases.Domain;

/// <summary>
/// A case of the case library (社区百事能): a problem a community met, what was done, who helped and how it ended,
/// so that another community facing the same thing can find it. Written by the community or made from a confirmed task.
/// </summary>
internal sealed class CommunityCase
{
    public int Id { get; set; }

    public int DistrictId { get; set; }

    public int CommunityId { get; set; }

    public required string CommunityName { get; set; }

    public required string Title { get; set; }

    public required string Problem { get; set; }

    public required string Actions { get; set; }

    public string Helpers { get; set; } = "";

    public string Outcome { get; set; } = "";

    /// <summary>Comma-separated (、 or , in input).</summary>
    public string Tags { get; set; } = "";

    /// <summary>The confirmed task it was made from, if any (one case per task).</summary>
    public int? SourceTaskId { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public IReadOnlyList<string> TagList => Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string NormaliseTags(string? tags) => string.Join(',',
        (tags ?? "").Split([',', ',', '、', ' ', ';', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Length > 20 ? t[..20] : t).Distinct(StringComparer.Ordinal).Take(10));
}
