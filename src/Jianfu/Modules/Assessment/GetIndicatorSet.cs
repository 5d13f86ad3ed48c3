using Jianfu.Modules.Assessment.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>One indicator set as its page shows it: indicators by category, the scheme, what would stop its publication, its history.</summary>
public static class GetIndicatorSet
{
    public sealed record IndicatorView(
        int Id, int Number, string Category, string Name, string Description, decimal Points, string Evaluator, string EvaluatorName,
        string Source, string SourceName, string? Metric, string? MetricName, string Component, string ComponentName);

    public sealed record CategoryTotal(string Category, int Count, decimal Points);

    public sealed record ComponentView(string Key, string Name, decimal Weight);

    public sealed record HistoryEntry(DateTime At, string Actor, string Action, string? Note);

    /// <summary>A choice of the add-indicator form: an evaluating body, a metric, a component.</summary>
    public sealed record Option(string Value, string Name);

    public sealed record BallotLink(int Id, string Title, bool Closed);

    public sealed record Response(
        int Id, string District, int Year, string Level, string LevelName, string Title, string Status, string StatusName, string Scheme, string SchemeName,
        IReadOnlyList<ComponentView> Components, IReadOnlyList<string> Categories, IReadOnlyList<IndicatorView> Indicators, IReadOnlyList<CategoryTotal> Totals,
        decimal Points, IReadOnlyList<AddIndicator.Check> PublishChecks, bool CanEdit, IReadOnlyList<HistoryEntry> History)
    {
        /// <summary>For the keeper of a draft: the bodies that may evaluate, the metrics of the level.</summary>
        public IReadOnlyList<Option> Evaluators { get; init; } = [];

        public IReadOnlyList<Option> Metrics { get; init; } = [];

        /// <summary>Whether the reader evaluates one of its indicators (the scoring page).</summary>
        public bool CanScore { get; init; }

        /// <summary>Whether the reader keeps the set (publishes boards, opens ballots).</summary>
        public bool Keeper { get; init; }

        public IReadOnlyList<BallotLink> Ballots { get; init; } = [];
    }

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access)
    {
        public async Task<Result<Response>> HandleAsync(int id, CancellationToken ct)
        {
            var found = await access.SetAsync(id, ct);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var (_, district, set, keeper) = found.Value;
            var indicators = set.Indicators.OrderBy(i => i.Number).ToList();
            var views = indicators.Select(i =>
            {
                var component = set.ComponentOf(i);
                return new IndicatorView(i.Id, i.Number, i.Category, i.Name, i.Description, i.Points, i.Evaluator, i.EvaluatorName, i.Source.ToString().ToLowerInvariant(),
                    i.Source.Chinese(), i.Metric?.ApiName(), i.Metric?.Chinese(), component?.Key ?? "", component?.Name ?? "");
            }).ToList();
            var totals = set.CategoryList.Select(c => new CategoryTotal(c, indicators.Count(i => i.Category == c), indicators.Where(i => i.Category == c).Sum(i => i.Points))).ToList();
            var publishChecks = set.Status == SetStatus.Draft
                ? IndicatorChecks.CheckPublish(indicators.Select(i => i.ToDraft()).ToList()).Select(c => new AddIndicator.Check(c.Rule, c.Severity.ToString(), c.Message)).ToList()
                : [];
            var history = keeper
                ? await db.AssessmentEvents.AsNoTracking().Where(e => e.Subject == "set" && e.SubjectId == id).OrderByDescending(e => e.Id).Take(50)
                    .Select(e => new HistoryEntry(e.At, e.Actor, e.Action, e.Note)).ToListAsync(ct)
                : [];
            var user = found.Value.User;
            var evaluators = new List<Option>();
            if (keeper && set.Status == SetStatus.Draft)
            {
                if (set.Level == AssessedLevel.Community)
                {
                    evaluators.Add(new(Indicator.OwnTownship, Indicator.OwnTownshipName));
                }

                evaluators.AddRange((await access.Directory.DepartmentsOfAsync(district.Id, ct)).Select(d => new Option(d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Name)));
                evaluators.AddRange((await access.Directory.UnitsBelowAsync(district.Path, ct)).Where(u => u.Level == Organisation.Contracts.UnitLevel.Township)
                    .Prepend(district).Select(u => new Option(u.Code, u.Name)));
            }

            var metrics = Enum.GetValues<SystemMetric>().Where(m => IndicatorChecks.Fits(set.Level, IndicatorSource.System, m))
                .Select(m => new Option(m.ApiName(), m.Chinese())).ToList();
            var ballots = await db.Ballots.AsNoTracking().Where(b => b.SetId == id && (keeper || b.Voters.Any(v => v.UserId == user.UserId)))
                .OrderByDescending(b => b.Id).Select(b => new BallotLink(b.Id, b.Title, b.IsClosed)).ToListAsync(ct);
            var canScore = set.Status == SetStatus.Published && indicators.Any(i => i.Source == IndicatorSource.Evaluator && ScoreIndicator.Handler.IsEvaluator(user, i));
            return new Response(set.Id, district.Code, set.Year, set.Level.ApiName(), set.Level.Chinese(), set.Title, set.Status.ToString(), set.Status.Chinese(),
                set.Scheme, ScoringScheme.NameOf(set.Scheme), set.Components.OrderBy(c => c.Id).Select(c => new ComponentView(c.Key, c.Name, c.Weight)).ToList(),
                set.CategoryList, views, totals, indicators.Sum(i => i.Points), publishChecks, keeper && set.Status == SetStatus.Draft, history)
            {
                Evaluators = evaluators, Metrics = metrics, CanScore = canScore, Keeper = keeper, Ballots = ballots,
            };
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assessment/sets/{id:int}", async (int id, Handler handler, CancellationToken ct) => (await handler.HandleAsync(id, ct)).ToHttp(Results.Ok))
            .WithName("GetIndicatorSet")
            .WithSummary("一个考核指标体系:指标、类别合计、评分方案、发布前检查和修改记录")
            .Produces<Response>();
}
