using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;

namespace Jianfu.Modules.Assessment.Domain;

internal enum SetStatus
{
    Draft,
    Published,
    Superseded,
}

/// <summary>
/// The indicators one level of units of a district is assessed by in a year (百分考), kept by the assessment office:
/// Draft while it is written, Published once its points total exactly 100 and no indicator breaks a rule, Superseded
/// when the next set of the same year and level is published — like the catalogue's versions.
/// </summary>
internal sealed class IndicatorSet : IVersioned
{
    public const int MaxTitle = 100;

    public int Id { get; set; }

    public int RowVersion { get; set; }

    public int DistrictId { get; set; }

    public required string DistrictCode { get; set; }

    public int Year { get; set; }

    public AssessedLevel Level { get; set; }

    public required string Title { get; set; }

    public SetStatus Status { get; set; }

    /// <summary>The categories indicators are grouped in, one per line (default 党的建设, 高质量发展).</summary>
    public string Categories { get; set; } = string.Join('\n', DefaultCategories);

    /// <summary>The scheme's preset (<see cref="ScoringScheme"/>): hundred, 7+3, 4321, or custom once a weight is edited.</summary>
    public string Scheme { get; set; } = ScoringScheme.Hundred;

    /// <summary>Points taken off a department's total for each of its dispatches rejected at the gate in the year.</summary>
    public decimal RejectedDispatchDeduction { get; set; } = 1m;

    /// <summary>The most a department loses to deductions in one year.</summary>
    public decimal DeductionCap { get; set; } = 10m;

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public List<Indicator> Indicators { get; set; } = [];

    public List<SchemeComponent> Components { get; set; } = [];

    public static readonly string[] DefaultCategories = ["党的建设", "高质量发展"];

    public IReadOnlyList<string> CategoryList => Categories.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public Error? EnsureDraft() => Status == SetStatus.Draft ? null : Error.Conflict("考核指标体系已发布,不能再修改;如需调整,请新建下一版。");

    /// <summary>The component an indicator's score counts in: the one it names, or the scheme's default for its source.</summary>
    public SchemeComponent? ComponentOf(Indicator indicator) =>
        Components.FirstOrDefault(c => c.Key == indicator.ComponentKey) ??
        Components.FirstOrDefault(c => c.Key == ScoringScheme.DefaultComponent(Scheme, indicator.Source));

    public Error? Publish(IReadOnlyList<IndicatorCheck> checks, string actor, DateTime now)
    {
        if (EnsureDraft() is { } error)
        {
            return error;
        }

        if (IndicatorChecks.Blocks(checks))
        {
            return BlockedError(checks);
        }

        Status = SetStatus.Published;
        PublishedAt = now;
        PublishedBy = actor;
        return null;
    }

    public static Error BlockedError(IReadOnlyList<IndicatorCheck> checks) =>
        new("checks-blocked", "未通过指标检查:" + string.Join(" ", checks.Where(c => c.Severity == IndicatorSeverity.Block).Select(c => c.Message)))
        {
            Extensions = new Dictionary<string, object?> { ["checks"] = checks },
        };
}

/// <summary>One indicator of a set: points, exactly one evaluating body, and where its score comes from.</summary>
internal sealed class Indicator : IAggregatePart
{
    public const int MaxName = 100;
    public const int MaxDescription = 1000;

    /// <summary>The evaluator of a community indicator scored by each community's own township.</summary>
    public const string OwnTownship = "township";

    public const string OwnTownshipName = "所在镇(街道)";

    public int Id { get; set; }

    public int SetId { get; set; }

    public IndicatorSet? Set { get; set; }

    public object? Aggregate => Set;

    /// <summary>Its place in the set (1, 2, …), as the keeper added them.</summary>
    public int Number { get; set; }

    public required string Category { get; set; }

    public required string Name { get; set; }

    public string Description { get; set; } = "";

    public decimal Points { get; set; }

    /// <summary>The evaluating body as given: a department id or a unit code.</summary>
    public required string Evaluator { get; set; }

    public required string EvaluatorName { get; set; }

    /// <summary>Set when the evaluating body is a department.</summary>
    public int? EvaluatorDepartmentId { get; set; }

    /// <summary>Set when the evaluating body is a unit (a township, the district committee…).</summary>
    public int? EvaluatorUnitId { get; set; }

    public IndicatorSource Source { get; set; }

    public SystemMetric? Metric { get; set; }

    /// <summary>The scheme component it counts in, when not the default for its source.</summary>
    public string? ComponentKey { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>How an evaluating department is named: a district's as it is (区民政局), a township's with its township (富盛镇党政办公室).</summary>
    public static string NameOf(Organisation.Contracts.DepartmentInfo department) =>
        department.UnitLevel == Organisation.Contracts.UnitLevel.District ? department.Name : department.UnitName + department.Name;

    public IndicatorDraft ToDraft() => new(Category, Name, Description, Points, EvaluatorName, Source, Metric, false);
}

/// <summary>One weighted part of a set's scheme (e.g. residents' evaluation, 70).</summary>
internal sealed class SchemeComponent : IAggregatePart
{
    public int Id { get; set; }

    public int SetId { get; set; }

    public IndicatorSet? Set { get; set; }

    public object? Aggregate => Set;

    public required string Key { get; set; }

    public required string Name { get; set; }

    public decimal Weight { get; set; }
}
