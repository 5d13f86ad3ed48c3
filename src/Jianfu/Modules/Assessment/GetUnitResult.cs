using Jianfu.Modules.Assessment.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// One assessed unit's result for a month or the year so far, indicator by indicator: the figure it was computed from or the evaluating
/// body's score with its basis — what the unit sees of its own assessment, and what its township and district see.
/// </summary>
public static class GetUnitResult
{
    public sealed record Line(int Number, string Category, string Name, decimal Points, string Source, string Evaluator, decimal? Score, string Basis);

    public sealed record Part(string Name, decimal Weight, decimal? Score);

    public sealed record Response(
        int SetId, string Title, string Month, string PeriodName, string UnitCode, string Name, decimal? Total, decimal Deduction, decimal? Board,
        IReadOnlyList<Part> Components, IReadOnlyList<Part> BoardParts, IReadOnlyList<Line> Lines);

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access, ScoreRunner runner)
    {
        public async Task<Result<Response>> HandleAsync(int setId, string code, string? monthText, CancellationToken ct)
        {
            var found = await access.SetAsync(setId, ct);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var (user, district, set, _) = found.Value;
            var period = Period.Parse(monthText, set.Year);
            if (!period.IsSuccess)
            {
                return period.Error!;
            }

            var unit = (await access.AssessedAsync(district, set.Level, ct)).FirstOrDefault(a => a.Code == code.Trim());
            if (unit is null)
            {
                return Error.NotFound("该单位不在这个指标体系的考核对象中。");
            }

            var scope = GetRankings.Handler.ScopeOf(user, district);
            var own = unit.Unit is not null && user.Grants.Any(g => g.Unit.Id == unit.Unit.Id);
            if (!own && !(unit.Path.Length > 0 ? unit.Path.StartsWith(scope, StringComparison.Ordinal) : scope == district.Path))
            {
                return Error.Forbidden("只能查看本单位和下辖单位的考核结果。");
            }

            var figures = (await runner.FiguresAsync(set, [unit], period.Value, ct))[unit.Id];
            var inputs = (await runner.InputsAsync(set, [unit], period.Value, ct))[unit.Id];
            var given = await db.EvaluatorScores.AsNoTracking().Where(s => s.SetId == set.Id && s.AssessedId == unit.Id)
                .ToDictionaryAsync(s => s.IndicatorId, s => (s.Score, Basis: $"{s.Basis}({s.ScoredBy})"), ct);
            var lines = set.Indicators.OrderBy(i => i.Number).Select(i =>
            {
                var scored = given.TryGetValue(i.Id, out var g) ? g : ((decimal Score, string Basis)?)null;
                return new Line(i.Number, i.Category, i.Name, i.Points, i.Source.Chinese(), i.EvaluatorName,
                    Scorer.IndicatorScore(i.Source, i.Metric, i.Points, figures, inputs.DemocraticFraction, scored?.Score) is { } s ? ScoringScheme.Round(s) : null,
                    i.Source switch
                    {
                        IndicatorSource.System => figures.Describe(i.Metric!.Value),
                        IndicatorSource.Residents => figures.Describe(SystemMetric.ResidentRating),
                        IndicatorSource.Democratic => inputs.DemocraticFraction is { } d ? $"民主测评得分率{d * 100:0.#}%" : "民主测评尚未进行",
                        _ => scored?.Basis ?? "评价单位尚未打分",
                    });
            }).ToList();
            var result = new Scorer(set).Score(figures, inputs);
            return new Response(set.Id, set.Title, period.Value.Text, period.Value.Chinese, unit.Code, unit.Name, result.Total, result.Deduction, result.Board,
                result.Components.Select(c => new Part(c.Name, c.Weight, c.Score)).ToList(), result.BoardParts.Select(c => new Part(c.Name, c.Weight, c.Score)).ToList(), lines);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assessment/sets/{id:int}/units/{code}", async (int id, string code, string? month, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, code, month, ct)).ToHttp(Results.Ok))
            .WithName("GetUnitResult")
            .WithSummary("一个单位某月的考核结果:逐项指标的计算依据或评价单位的打分和理由,各部分得分、扣分和总分")
            .Produces<Response>();
}
