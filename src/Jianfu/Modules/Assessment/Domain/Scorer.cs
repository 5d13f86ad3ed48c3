namespace Jianfu.Modules.Assessment.Domain;

/// <summary>A part of a result: a scheme component (weight and contribution to the 100) or a board's metric.</summary>
internal sealed record ComponentScore(string Name, decimal? Score, decimal Weight);

/// <summary>
/// One assessed unit's result: the scheme's total (null when nothing could be scored yet), its components, the
/// deductions taken off, and the board's score from system indicators alone with its parts.
/// </summary>
internal sealed record UnitResult(decimal? Total, IReadOnlyList<ComponentScore> Components, decimal Deduction, decimal? Board, IReadOnlyList<ComponentScore> BoardParts);

/// <summary>
/// What scores a unit beyond the platform's figures: the evaluating bodies' scores summed per scheme component (with
/// the points of the indicators scored so far), its ballot, and its deductions.
/// </summary>
internal sealed record UnitInputs(IReadOnlyDictionary<string, (decimal Earned, decimal Points)>? Evaluated, decimal? DemocraticFraction, decimal Deduction)
{
    public static readonly UnitInputs None = new(null, null, 0m);
}

/// <summary>
/// The scoring arithmetic of a set, prepared once and applied to every assessed unit.
/// An indicator scores its points times the share earned; an indicator with nothing to measure it by (no tasks that
/// month, no rating yet, not scored yet) is left out and its component is scored on the indicators that remain — a
/// unit is neither punished nor rewarded for a figure it could not have. A component with nothing scored is left out
/// the same way and the weights of the others are scaled up to 100. Each component's contribution is rounded half up
/// to two decimals and the total is their sum, so a published row adds up; deductions come off the total, never below 0.
/// The board counts system indicators only: what was done, computed by the platform.
/// </summary>
internal sealed class Scorer
{
    private readonly Item[] _items;
    private readonly (string Key, string Name, decimal Weight)[] _components;
    private readonly SystemMetric[] _boardMetrics;

    private readonly record struct Item(decimal Points, IndicatorSource Source, SystemMetric? Metric, int Component);

    public Scorer(IndicatorSet set)
    {
        _components = set.Components.OrderBy(c => c.Id).Select(c => (c.Key, c.Name, c.Weight)).ToArray();
        var keys = _components.Select(c => c.Key).ToList();
        // The evaluating bodies' scores come in summed per component (UnitInputs.Evaluated): only the other indicators are scored one by one.
        _items = set.Indicators.Where(i => i.Source != IndicatorSource.Evaluator).OrderBy(i => i.Number)
            .Select(i => new Item(i.Points, i.Source, i.Metric, set.ComponentOf(i) is { } c ? keys.IndexOf(c.Key) : -1))
            .ToArray();
        _boardMetrics = _items.Where(i => i.Source == IndicatorSource.System).Select(i => i.Metric!.Value).Distinct().Order().ToArray();
    }

    /// <summary>The names of a result's parts, in their order: the scheme's components, and the board's metrics.</summary>
    public IReadOnlyList<string> ComponentNames => _components.Select(c => c.Name).ToList();

    public IReadOnlyList<string> BoardNames => _boardMetrics.Select(m => m.Chinese()).ToList();

    /// <summary>One indicator's score, or null when there is nothing to score it by (<paramref name="evaluated"/>: the evaluating body's score, if given).</summary>
    public static decimal? IndicatorScore(IndicatorSource source, SystemMetric? metric, decimal points, UnitFigures figures, decimal? democratic, decimal? evaluated)
    {
        var fraction = source switch
        {
            IndicatorSource.System => figures.Fraction(metric!.Value, points),
            IndicatorSource.Residents => figures.RatingFraction(),
            IndicatorSource.Democratic => democratic,
            _ => evaluated is { } s ? Math.Clamp(s, 0m, points) / points : null,
        };
        return fraction * points;
    }

    public UnitResult Score(UnitFigures figures, UnitInputs inputs)
    {
        var earned = new decimal[_components.Length];
        var counted = new decimal[_components.Length];
        var boardEarned = new decimal[_boardMetrics.Length];
        var boardCounted = new bool[_boardMetrics.Length];
        var boardPoints = 0m;
        for (var c = 0; c < _components.Length; c++)
        {
            if (inputs.Evaluated?.TryGetValue(_components[c].Key, out var evaluated) == true)
            {
                earned[c] += evaluated.Earned;
                counted[c] += evaluated.Points;
            }
        }

        foreach (var item in _items)
        {
            if (IndicatorScore(item.Source, item.Metric, item.Points, figures, inputs.DemocraticFraction, null) is not { } score)
            {
                continue;
            }

            if (item.Component >= 0)
            {
                earned[item.Component] += score;
                counted[item.Component] += item.Points;
            }

            if (item.Source == IndicatorSource.System)
            {
                var m = Array.IndexOf(_boardMetrics, item.Metric!.Value);
                boardEarned[m] += score;
                boardCounted[m] = true;
                boardPoints += item.Points;
            }
        }

        var weightPresent = 0m;
        for (var c = 0; c < _components.Length; c++)
        {
            weightPresent += counted[c] > 0 ? _components[c].Weight : 0m;
        }

        var components = new ComponentScore[_components.Length];
        decimal? total = null;
        for (var c = 0; c < _components.Length; c++)
        {
            decimal? part = counted[c] > 0 ? ScoringScheme.Round(earned[c] / counted[c] * _components[c].Weight * ScoringScheme.TotalWeight / weightPresent) : null;
            components[c] = new ComponentScore(_components[c].Name, part, _components[c].Weight);
            total = part is { } p ? (total ?? 0m) + p : total;
        }

        var deduction = ScoringScheme.Round(inputs.Deduction);
        if (total is { } t)
        {
            total = Math.Max(0m, t - deduction);
        }

        var parts = new ComponentScore[_boardMetrics.Length];
        decimal? board = null;
        for (var m = 0; m < _boardMetrics.Length; m++)
        {
            decimal? part = boardCounted[m] ? ScoringScheme.Round(boardEarned[m] * ScoringScheme.TotalWeight / boardPoints) : null;
            parts[m] = new ComponentScore(_boardMetrics[m].Chinese(), part, 0m);
            board = part is { } p ? (board ?? 0m) + p : board;
        }

        return new UnitResult(total, components, deduction, board, parts);
    }

    /// <summary>Competition ranks (1, 2, 2, 4) of scores in descending order; a unit without a score has no rank.</summary>
    public static int?[] Ranks(IReadOnlyList<decimal?> scores)
    {
        var ranks = new int?[scores.Count];
        var order = Enumerable.Range(0, scores.Count).Where(i => scores[i] is not null).OrderByDescending(i => scores[i]).ToList();
        for (var k = 0; k < order.Count; k++)
        {
            ranks[order[k]] = k > 0 && scores[order[k]] == scores[order[k - 1]] ? ranks[order[k - 1]] : k + 1;
        }

        return ranks;
    }
}
