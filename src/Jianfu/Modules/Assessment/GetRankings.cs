using Jianfu.Modules.Assessment.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// The board of a published set (兴村治社榜 for communities): each unit's score from system indicators only — what was
/// done, computed by the platform — with its parts, in real time over the year so far or a month (the live board,
/// refreshed when stale), or as a month's published snapshot. A reader sees the rows within their scope: the district all of them, a township its own
/// communities, a community its township's; ranks are always the district's.
/// </summary>
public static class GetRankings
{
    public sealed record Part(string Name, decimal? Score);

    public sealed record Row(string UnitCode, string Name, decimal? Score, int? Rank, IReadOnlyList<Part> Components, decimal? Total, int? TotalRank, decimal Deduction, IReadOnlyList<Part> Scheme);

    public sealed record Board(int SetId, string Month, bool Published, DateTime ComputedAt, int Units, int Offset, IReadOnlyList<Row> Rows);

    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access, ScoreRunner runner)
    {
        public async Task<Result<Board>> HandleAsync(int? setId, string? monthText, bool published, int? offset, int? limit, CancellationToken ct)
        {
            if (setId is null)
            {
                return Error.Validation("set", "请指定考核指标体系(set)。");
            }

            if (offset is < 0 || limit is < 1 or > MaxLimit)
            {
                return Error.Validation("limit", $"offset 不能为负,limit 应在1至{MaxLimit}之间。");
            }

            var found = await access.SetAsync(setId.Value, ct);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var (user, district, set, _) = found.Value;
            if (set.Status == SetStatus.Draft)
            {
                return Error.Conflict("指标体系尚未发布,还没有排行榜。");
            }

            var period = Period.Parse(monthText, set.Year);
            if (!period.IsSuccess)
            {
                return period.Error!;
            }

            ScoreRun? run;
            if (published)
            {
                run = await runner.PublishedAsync(set.Id, period.Value, ct);
                if (run is null)
                {
                    return Error.NotFound($"{period.Value.Chinese}的排行榜尚未发布。");
                }
            }
            else
            {
                var live = await runner.RunAsync(set, district, period.Value, RunKind.Live, "系统", refresh: false, ct);
                if (!live.IsSuccess)
                {
                    return live.Error!;
                }

                run = live.Value;
            }

            var scope = ScopeOf(user, district);
            var rows = db.UnitScores.AsNoTracking().Where(s => s.RunId == run.Id);
            if (scope != district.Path)
            {
                rows = rows.Where(s => s.Path.StartsWith(scope));
            }

            var page = await rows.OrderBy(s => s.BoardRank == null).ThenBy(s => s.BoardRank).ThenBy(s => s.Code)
                .Skip(offset ?? 0).Take(limit ?? DefaultLimit).ToListAsync(ct);
            var scorer = new Scorer(set);
            return new Board(set.Id, period.Value.Text, published, run.ComputedAt, run.Units, offset ?? 0, page.Select(s => ToRow(s, scorer)).ToList());
        }

        /// <summary>The rows a reader sees: the district's people all; a township's or a community's people their township's.</summary>
        public static string ScopeOf(CurrentUser user, UnitInfo district)
        {
            if (user.Grants.Any(g => g.Unit.Id == district.Id))
            {
                return district.Path;
            }

            var unit = user.Grants.Select(g => g.Unit).Where(u => u.DistrictId == district.Id).OrderBy(u => u.Level).First();
            return unit.Level == UnitLevel.Community ? unit.Path[..(unit.Path.TrimEnd('/').LastIndexOf('/') + 1)] : unit.Path;
        }

        private static Row ToRow(UnitScore s, Scorer scorer) =>
            new(s.Code, s.Name, s.Board, s.BoardRank, Parts(s.BoardParts, scorer.BoardNames), s.Total, s.TotalRank, s.Deduction, Parts(s.Components, scorer.ComponentNames));

        private static List<Part> Parts(string stored, IReadOnlyList<string> names) => ScoreRunner.ReadParts(stored, names).Select(p => new Part(p.Name, p.Score)).ToList();
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assessment/rankings", async (int? set, string? month, bool? published, int? offset, int? limit, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(set, month, published ?? false, offset, limit, ct)).ToHttp(b => Results.Ok(b.Rows)))
            .WithName("GetRankings")
            .WithSummary("排行榜:只按系统计算的指标(工作实效)排名,每行列出各部分得分;month=yyyy-MM 某月或 yyyy 全年(默认本年度截至今日),published=true 取已发布的月度榜单;offset/limit 分页(默认前100名)")
            .Produces<IReadOnlyList<Row>>();
}
