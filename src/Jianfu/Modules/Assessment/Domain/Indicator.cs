namespace Jianfu.Modules.Assessment.Domain;

/// <summary>Who an indicator set assesses: the communities, the townships or the departments of a district.</summary>
internal enum AssessedLevel
{
    Community,
    Township,
    Department,
}

/// <summary>
/// Where an indicator's score comes from: a figure the platform computes (<see cref="System"/>), the evaluating body's
/// score with a one-line basis, residents' ratings, or a democratic ballot.
/// </summary>
internal enum IndicatorSource
{
    System,
    Evaluator,
    Residents,
    Democratic,
}

/// <summary>
/// The figures a <see cref="IndicatorSource.System"/> indicator may be computed from: what was done, from the
/// platform's own records — never how much the platform itself was used.
/// </summary>
internal enum SystemMetric
{
    /// <summary>Share of the unit's tasks completed by their due date.</summary>
    TasksOnTime,

    /// <summary>Share of the unit's tasks confirmed done.</summary>
    TasksConfirmed,

    /// <summary>Share of completed tasks sent back to be redone (lower is better).</summary>
    TasksReturned,

    /// <summary>Burden reports against the unit found true (lower is better).</summary>
    SubstantiatedReports,

    /// <summary>Share of 12345 orders answered within their time limit.</summary>
    HotlineAnsweredInTime,

    /// <summary>The residents' average rating.</summary>
    ResidentRating,
}

/// <summary>An indicator as its set's keeper writes it, before it is checked and stored.</summary>
/// <param name="Evaluator">The one evaluating body: a department id or a unit code.</param>
internal sealed record IndicatorDraft(
    string Category, string Name, string? Description, decimal Points, string? Evaluator, IndicatorSource Source, SystemMetric? Metric, bool Veto);

/// <summary>One finding of the indicator checks: a rule id for the API, a severity, a message in Chinese.</summary>
internal sealed record IndicatorCheck(string Rule, IndicatorSeverity Severity, string Message);

internal enum IndicatorSeverity
{
    /// <summary>Shown to the keeper; the indicator may stay.</summary>
    Warn,

    /// <summary>The indicator (or the set's publication) is refused.</summary>
    Block,
}
