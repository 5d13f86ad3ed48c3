using Jianfu.Modules.Assessment.Domain;
using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// The cadres' board (先锋干部榜) of a published community set: each cadre's tasks of the year so far or of a month — done on time,
/// confirmed, done right the first time — scored by the set's task indicators, in real time. What a cadre did, never
/// how much they used the platform. Rows within the reader's scope, like the communities' board.
/// </summary>
public static class GetCadreBoard
{
    public sealed record Row(string Name, string Community, int Tasks, decimal? Score, int? Rank, IReadOnlyList<GetRankings.Part> Components);

    internal sealed class Handler(AssessmentAccess access, ITaskFigures tasks)
    {
        public async Task<Result<IReadOnlyList<Row>>> HandleAsync(int? setId, string? monthText, CancellationToken ct)
        {
            if (setId is null)
            {
                return Error.Validation("set", "请指定考核指标体系(set)。");
            }

            var found = await access.SetAsync(setId.Value, ct);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var (user, district, set, _) = found.Value;
            if (set.Status == SetStatus.Draft || set.Level != AssessedLevel.Community)
            {
                return Error.Conflict("先锋干部榜只用于已发布的村(社区)考核指标体系。");
            }

            var period = Period.Parse(monthText, set.Year);
            if (!period.IsSuccess)
            {
                return period.Error!;
            }

            var facts = await tasks.TasksIssuedAsync(set.DistrictId, period.Value.From.StartUtc(), period.Value.Until.StartUtc(), ct);
            var communities = (await access.AssessedAsync(district, set.Level, ct)).ToDictionary(c => c.Id);
            var scope = GetRankings.Handler.ScopeOf(user, district);
            var scorer = new Scorer(set);
            var cadres = facts.Where(f => f.AssigneeId is not null && communities.ContainsKey(f.CommunityId))
                .GroupBy(f => (f.AssigneeId, f.CommunityId))
                .Select(g => (Name: g.First().AssigneeName ?? "", Community: communities[g.Key.CommunityId], Tasks: g.Count(), Result: scorer.Score(ScoreRunner.Tally(g), UnitInputs.None)))
                .ToList();
            var ranks = Scorer.Ranks(cadres.Select(c => c.Result.Board).ToList());
            return cadres.Select((c, k) => new Row(c.Name, c.Community.Name, c.Tasks, c.Result.Board, ranks[k],
                    c.Result.BoardParts.Where(p => p.Score is not null).Select(p => new GetRankings.Part(p.Name, p.Score)).ToList()))
                .Where((_, k) => cadres[k].Community.Path.StartsWith(scope, StringComparison.Ordinal))
                .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Community).ThenBy(r => r.Name)
                .ToList();
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assessment/rankings/cadres", async (int? set, string? month, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(set, month, ct)).ToHttp(Results.Ok))
            .WithName("GetCadreBoard")
            .WithSummary("先锋干部榜:按干部本月承办任务的按时完成、确认办结和一次办结情况排名(只计工作实效)")
            .Produces<IReadOnlyList<Row>>();
}
