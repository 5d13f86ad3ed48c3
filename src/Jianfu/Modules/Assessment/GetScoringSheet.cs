using Jianfu.Modules.Assessment.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>What an evaluating body has to score in a published set: its own indicators, for the units it evaluates, with the scores already given.</summary>
public static class GetScoringSheet
{
    public sealed record Cell(string UnitCode, string UnitName, decimal? Score, string? Basis);

    public sealed record Row(int IndicatorId, int Number, string Name, decimal Points, IReadOnlyList<Cell> Units);

    public sealed record Response(int SetId, string Title, IReadOnlyList<Row> Indicators);

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access)
    {
        public async Task<Result<Response>> HandleAsync(int setId, CancellationToken ct)
        {
            var found = await access.SetAsync(setId, ct);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var (user, district, set, _) = found.Value;
            if (set.Status != SetStatus.Published)
            {
                return Error.Conflict("只有已发布、正在执行的指标体系可以打分。");
            }

            var mine = set.Indicators.Where(i => i.Source == IndicatorSource.Evaluator && ScoreIndicator.Handler.IsEvaluator(user, i)).OrderBy(i => i.Number).ToList();
            if (mine.Count == 0)
            {
                return Error.Forbidden("这个指标体系中没有由您所在单位评价的指标。");
            }

            var units = await access.AssessedAsync(district, set.Level, ct);
            var ids = mine.Select(i => i.Id).ToList();
            var given = await db.EvaluatorScores.AsNoTracking().Where(s => ids.Contains(s.IndicatorId))
                .ToDictionaryAsync(s => (s.IndicatorId, s.AssessedId), s => (s.Score, s.Basis), ct);
            return new Response(set.Id, set.Title, mine.Select(i => new Row(i.Id, i.Number, i.Name, i.Points,
                units.Where(u => ScoreIndicator.Handler.IsEvaluator(user, i, u))
                    .Select(u => given.TryGetValue((i.Id, u.Id), out var g) ? new Cell(u.Code, u.Name, g.Score, g.Basis) : new Cell(u.Code, u.Name, null, null))
                    .ToList())).ToList());
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assessment/sets/{id:int}/scoring", async (int id, Handler handler, CancellationToken ct) => (await handler.HandleAsync(id, ct)).ToHttp(Results.Ok))
            .WithName("GetScoringSheet")
            .WithSummary("评价单位的打分表:本单位负责评价的指标、被评价单位和已打的分")
            .Produces<Response>();
}
