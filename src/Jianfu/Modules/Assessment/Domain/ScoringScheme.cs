namespace Jianfu.Modules.Assessment.Domain;

/// <summary>
/// How a set's indicator scores become one result: weighted components, from three presets — 百分考 (the indicators
/// alone), Pudong's 7+3 (residents 70, township 30) and Kunming Wuhua's 4321 (daily work 40, annual assessment 30,
/// democratic evaluation 20, the district committee's overall evaluation 10). Weights may be edited; they total 100.
/// </summary>
internal static class ScoringScheme
{
    public const string Hundred = "hundred";
    public const string SevenThree = "7+3";
    public const string FourThreeTwoOne = "4321";

    public const decimal TotalWeight = 100m;

    public static readonly string[] Presets = [Hundred, SevenThree, FourThreeTwoOne];

    public static bool IsPreset(string? scheme) => scheme is Hundred or SevenThree or FourThreeTwoOne;

    public static string NameOf(string scheme) => scheme switch
    {
        SevenThree => "7+3(居民评价70%、街镇评价30%)",
        FourThreeTwoOne => "4321(平时40%、年度30%、民主测评20%、综合评价10%)",
        _ => "百分考(按指标计分)",
    };

    public static IReadOnlyList<(string Key, string Name, decimal Weight)> ComponentsOf(string scheme) => scheme switch
    {
        SevenThree => [("residents", "居民评价", 70m), ("township", "街镇评价", 30m)],
        FourThreeTwoOne => [("daily", "平时工作", 40m), ("annual", "年度考核", 30m), ("democratic", "民主测评", 20m), ("overall", "综合评价", 10m)],
        _ => [("indicators", "指标得分", 100m)],
    };

    /// <summary>The component an indicator of this source counts in when it names none.</summary>
    public static string DefaultComponent(string scheme, IndicatorSource source) => scheme switch
    {
        SevenThree => source == IndicatorSource.Residents ? "residents" : "township",
        FourThreeTwoOne => source switch
        {
            IndicatorSource.System => "daily",
            IndicatorSource.Evaluator => "annual",
            _ => "democratic",
        },
        _ => "indicators",
    };

    /// <summary>Half up to two decimals (四舍五入), the way results are published.</summary>
    public static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);
}

/// <summary>What the platform recorded of one assessed unit in a period: the inputs of its system indicators.</summary>
internal sealed record UnitFigures
{
    public int TasksIssued { get; init; }

    public int TasksOnTime { get; init; }

    public int TasksCompleted { get; init; }

    public int TasksConfirmed { get; init; }

    public int TasksReturned { get; init; }

    public int SubstantiatedReports { get; init; }

    public int HotlineOrders { get; init; }

    public int HotlineInTime { get; init; }

    public int Ratings { get; init; }

    public double RatingAverage { get; init; }

    public static readonly UnitFigures None = new();

    /// <summary>The indicator's share of its points earned, in [0, 1], or null when the unit had nothing to measure it by.</summary>
    public decimal? Fraction(SystemMetric metric, decimal points) => metric switch
    {
        SystemMetric.TasksOnTime => Share(TasksOnTime, TasksIssued),
        SystemMetric.TasksConfirmed => Share(TasksConfirmed, TasksIssued),
        SystemMetric.TasksReturned => TasksCompleted == 0 ? null : 1m - Share(TasksReturned, TasksCompleted),
        // Each substantiated report costs one point of the indicator, down to nothing; none is the full points.
        SystemMetric.SubstantiatedReports => points <= 0 ? null : Math.Max(0m, points - SubstantiatedReports) / points,
        SystemMetric.HotlineAnsweredInTime => Share(HotlineInTime, HotlineOrders),
        SystemMetric.ResidentRating => RatingFraction(),
        _ => null,
    };

    /// <summary>The residents' average (1–5) as a share of the points: 5 is all of them, 1 none.</summary>
    public decimal? RatingFraction() => Ratings == 0 ? null : Math.Clamp(((decimal)RatingAverage - 1m) / 4m, 0m, 1m);

    /// <summary>What the figure reads as on the board, e.g. "按时完成 18/20".</summary>
    public string Describe(SystemMetric metric) => metric switch
    {
        SystemMetric.TasksOnTime => $"按时完成{TasksOnTime}/{TasksIssued}项",
        SystemMetric.TasksConfirmed => $"确认办结{TasksConfirmed}/{TasksIssued}项",
        SystemMetric.TasksReturned => $"退回重办{TasksReturned}/{TasksCompleted}项",
        SystemMetric.SubstantiatedReports => $"查实问题线索{SubstantiatedReports}件",
        SystemMetric.HotlineAnsweredInTime => $"按时办结工单{HotlineInTime}/{HotlineOrders}件",
        _ => Ratings == 0 ? "暂无群众评价" : $"群众评价{RatingAverage:0.00}分({Ratings}人次)",
    };

    private static decimal? Share(int part, int whole) => whole == 0 ? null : Math.Min(1m, (decimal)part / whole);
}

internal static class MetricNames
{
    public static string Chinese(this SystemMetric metric) => metric switch
    {
        SystemMetric.TasksOnTime => "任务按时完成率",
        SystemMetric.TasksConfirmed => "任务确认办结率",
        SystemMetric.TasksReturned => "任务一次办结率(未被退回)",
        SystemMetric.SubstantiatedReports => "被查实的减负问题线索",
        SystemMetric.HotlineAnsweredInTime => "12345工单按时办结率",
        _ => "群众满意度评价",
    };

    public static string ApiName(this SystemMetric metric) => metric switch
    {
        SystemMetric.TasksOnTime => "tasks-on-time",
        SystemMetric.TasksConfirmed => "tasks-confirmed",
        SystemMetric.TasksReturned => "tasks-returned",
        SystemMetric.SubstantiatedReports => "substantiated-reports",
        SystemMetric.HotlineAnsweredInTime => "hotline-in-time",
        _ => "resident-rating",
    };

    public static SystemMetric? Parse(string? text) =>
        Enum.GetValues<SystemMetric>().Cast<SystemMetric?>().FirstOrDefault(m => string.Equals(m!.Value.ApiName(), text?.Trim(), StringComparison.OrdinalIgnoreCase) ||
                                                                                 string.Equals(m.Value.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
