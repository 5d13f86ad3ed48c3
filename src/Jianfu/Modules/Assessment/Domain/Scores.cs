using Jianfu.Platform.Database;

namespace Jianfu.Modules.Assessment.Domain;

/// <summary>An evaluating body's score of one of its own indicators for one assessed unit, with a one-line basis.</summary>
internal sealed class EvaluatorScore : IVersioned
{
    public const int MaxBasis = 100;

    public long Id { get; set; }

    public int RowVersion { get; set; }

    public int SetId { get; set; }

    public int IndicatorId { get; set; }

    /// <summary>The assessed unit's id, or the department's for a set of departments.</summary>
    public int AssessedId { get; set; }

    /// <summary>The score in tenths of a point (scores have one decimal): summed fast and exactly by either database.</summary>
    public int ScoreTenths { get; set; }

    public decimal Score
    {
        get => ScoreTenths / 10m;
        set => ScoreTenths = (int)decimal.Round(value * 10m, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The indicator's points (in tenths) and the scheme component it counts in, copied when it is scored: a published
    /// set never changes, and a board sums a year of scores without reading them one by one.
    /// </summary>
    public int PointsTenths { get; set; }

    public required string Component { get; set; }

    public required string Basis { get; set; }

    public DateTime ScoredAt { get; set; }

    public required string ScoredBy { get; set; }

    /// <summary>A new score of <paramref name="indicator"/> of the published <paramref name="set"/> for one assessed unit.</summary>
    public static EvaluatorScore Of(IndicatorSet set, Indicator indicator, int assessedId, decimal score, string basis, string scoredBy, DateTime at) => new()
    {
        SetId = set.Id, IndicatorId = indicator.Id, AssessedId = assessedId, Score = score, PointsTenths = (int)(indicator.Points * 10m),
        Component = set.ComponentOf(indicator)?.Key ?? "", Basis = basis, ScoredBy = scoredBy, ScoredAt = at,
    };
}

internal enum RunKind
{
    /// <summary>Recomputed from the platform's data as it is now.</summary>
    Live,

    /// <summary>The month's published board: kept as it was.</summary>
    Published,
}

/// <summary>One scoring of a set for a month: every assessed unit's result and board, stored so that boards read fast.</summary>
internal sealed class ScoreRun
{
    public int Id { get; set; }

    public int SetId { get; set; }

    /// <summary>yyyyMM.</summary>
    public int Month { get; set; }

    public RunKind Kind { get; set; }

    public DateTime ComputedAt { get; set; }

    public required string ComputedBy { get; set; }

    public int Units { get; set; }
}

/// <summary>One row of a run: the unit's result and board score with their parts (their scores in the set's order, "52.5;22.5").</summary>
internal sealed class UnitScore
{
    public long Id { get; set; }

    public int RunId { get; set; }

    public int AssessedId { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The unit's path (units) for scoping reads; empty for departments.</summary>
    public required string Path { get; set; }

    public decimal? Total { get; set; }

    public int? TotalRank { get; set; }

    public decimal Deduction { get; set; }

    public decimal? Board { get; set; }

    public int? BoardRank { get; set; }

    public required string Components { get; set; }

    public required string BoardParts { get; set; }
}

/// <summary>Who did what to an assessment record, and when (sets, plans, posters, scores, visits).</summary>
internal sealed class AssessmentEvent
{
    public long Id { get; set; }

    public int DistrictId { get; set; }

    /// <summary>set, plan, poster, questionnaire, score, visit, run.</summary>
    public required string Subject { get; set; }

    public int SubjectId { get; set; }

    public DateTime At { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public string? Note { get; set; }
}
