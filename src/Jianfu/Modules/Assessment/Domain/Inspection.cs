using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;

namespace Jianfu.Modules.Assessment.Domain;

internal enum InspectionMethod
{
    /// <summary>实地</summary>
    OnSite,

    /// <summary>暗访</summary>
    Unannounced,

    /// <summary>数据核查</summary>
    DataCheck,
}

internal static class InspectionMethodNames
{
    public static string Chinese(this InspectionMethod method) => method switch
    {
        InspectionMethod.OnSite => "实地",
        InspectionMethod.Unannounced => "暗访",
        _ => "数据核查",
    };

    public static InspectionMethod? Parse(string? text) => text?.Trim() switch
    {
        "实地" or "onsite" or "OnSite" or "on-site" => InspectionMethod.OnSite,
        "暗访" or "unannounced" or "Unannounced" => InspectionMethod.Unannounced,
        "数据核查" or "data" or "DataCheck" or "data-check" => InspectionMethod.DataCheck,
        _ => null,
    };
}

/// <summary>
/// A district's annual 督查检查考核 plan: every inspection, check and assessment of the year, published before the year
/// (Minqin: 41 → 30 items). An inspection not in it needs a recorded one-by-one approval (一事一报).
/// </summary>
internal sealed class InspectionPlan : IVersioned
{
    public int Id { get; set; }

    public int RowVersion { get; set; }

    public int DistrictId { get; set; }

    public required string DistrictCode { get; set; }

    public int Year { get; set; }

    public bool IsPublished { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public List<InspectionPlanItem> Items { get; set; } = [];

    public Error? Publish(string actor, DateTime now)
    {
        if (IsPublished)
        {
            return Error.Conflict("年度计划已经发布。");
        }

        if (Items.Count == 0)
        {
            return new Error("plan-empty", "计划中还没有任何督查检查考核事项,不能发布。");
        }

        IsPublished = true;
        PublishedAt = now;
        PublishedBy = actor;
        return null;
    }

    /// <summary>Estimated bigram similarity of name and content above which two items with the same targets should be merged.</summary>
    public const double MergeSimilarity = 0.35;

    /// <summary>Pairs of items that inspect the same targets for similar content (督查检查考核 "同类合并").</summary>
    public static IReadOnlyList<(InspectionPlanItem A, InspectionPlanItem B)> MergeSuggestions(IReadOnlyList<InspectionPlanItem> items)
    {
        var signatures = items.Select(i => Platform.Text.MinHash.Of(i.Name + i.Content)).ToList();
        var pairs = new List<(InspectionPlanItem, InspectionPlanItem)>();
        for (var a = 0; a < items.Count; a++)
        {
            for (var b = a + 1; b < items.Count; b++)
            {
                if (items[a].TargetSet.SetEquals(items[b].TargetSet) && Platform.Text.MinHash.Similarity(signatures[a], signatures[b]) >= MergeSimilarity)
                {
                    pairs.Add((items[a], items[b]));
                }
            }
        }

        return pairs;
    }
}

/// <summary>
/// One item of the plan: what, by whom, when, whom, how and by which fixed team. No field asks for materials,
/// reports or accompaniment (不听汇报、不看材料、不陪同接待): there is nothing of the kind to fill in.
/// </summary>
internal sealed class InspectionPlanItem : IAggregatePart
{
    public const int MaxName = 100;
    public const int MaxContent = 1000;

    public int Id { get; set; }

    public int PlanId { get; set; }

    public InspectionPlan? Plan { get; set; }

    public object? Aggregate => Plan;

    public required string Name { get; set; }

    public string Content { get; set; } = "";

    public required string Organiser { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    /// <summary>Whom it inspects: "community", "township", or unit codes separated by commas.</summary>
    public required string Targets { get; set; }

    public InspectionMethod Method { get; set; }

    /// <summary>The fixed team's members, separated by "、".</summary>
    public required string Team { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public HashSet<string> TargetSet => [.. Targets.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>Whether the item inspects this unit: its level ("community", "township"), its code, or a township it lies in.</summary>
    public bool Covers(string unitPath, string unitCode, string unitLevel) =>
        TargetSet.Any(t => t == unitCode || t == unitLevel || unitPath.Contains($"{t}/", StringComparison.Ordinal));

    public bool IsOpenOn(DateOnly day) => From <= day && day <= To;
}

/// <summary>A recorded one-by-one approval (一事一报) for an inspection outside the plan.</summary>
internal sealed class InspectionApproval
{
    public const int MaxReference = 200;

    public int Id { get; set; }

    public int DistrictId { get; set; }

    /// <summary>The approval as written: its document number or who approved it, and why.</summary>
    public required string Reference { get; set; }

    public DateTime RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>
/// An inspection visit as it happened: against a plan item, or outside the plan with its approval. The visited unit
/// is not told in advance: recording a visit sends it nothing.
/// </summary>
internal sealed class InspectionVisit
{
    public const int MaxFindings = 2000;

    public int Id { get; set; }

    public int DistrictId { get; set; }

    public int? PlanItemId { get; set; }

    public int? ApprovalId { get; set; }

    public InspectionApproval? Approval { get; set; }

    public int UnitId { get; set; }

    public required string UnitCode { get; set; }

    public required string UnitName { get; set; }

    public DateOnly Date { get; set; }

    public required string Team { get; set; }

    public required string Findings { get; set; }

    public DateTime RecordedAt { get; set; }

    public required string RecordedBy { get; set; }

    /// <summary>The visit in one line, as the visited unit and the burden-reduction office read it.</summary>
    /// <param name="itemName">The plan item's name, for a planned visit.</param>
    public string Title(string? itemName) =>
        $"{Date:yyyy-MM-dd} {UnitName} · "
        + (itemName is not null ? $"计划事项:{itemName}" : Approval is { } a ? $"计划外(审批:{a.Reference})" : "计划外")
        + (Team.Length > 0 ? $" · 检查组:{Team}" : "");
}
