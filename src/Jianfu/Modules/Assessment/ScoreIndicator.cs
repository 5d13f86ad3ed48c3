using Jianfu.Modules.Assessment.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// An evaluating body scores one of its own indicators for one assessed unit, with a one-line basis and nothing
/// attached (不看材料). Only that body may, and only in a published set; a second score replaces the first, recorded.
/// </summary>
public static class ScoreIndicator
{
    public sealed record Request(int? IndicatorId, string? UnitCode, decimal? Score, string? Basis);

    public sealed record Response(long Id, int IndicatorId, string UnitCode, decimal Score, string Basis);

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access, TimeProvider time)
    {
        public async Task<Result<Response>> HandleAsync(int setId, Request r, CancellationToken ct)
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

            var indicator = set.Indicators.FirstOrDefault(i => i.Id == r.IndicatorId);
            if (indicator is null)
            {
                return Error.Validation("indicatorId", "该指标不在这个指标体系中。");
            }

            if (indicator.Source != IndicatorSource.Evaluator)
            {
                return Error.Validation("indicatorId", "这项指标由系统计算或由群众、民主测评产生,不由评价单位打分。");
            }

            var problems = new Problems();
            var unit = (await access.AssessedAsync(district, set.Level, ct)).FirstOrDefault(a => a.Code == r.UnitCode?.Trim());
            if (unit is null)
            {
                problems.Add("unitCode", "该单位不在这个指标体系的考核对象中。");
            }
            else if (!IsEvaluator(user, indicator, unit))
            {
                return Error.Forbidden($"这项指标只由“{indicator.EvaluatorName}”评价。");
            }

            if (r.Score is not { } score || score < 0 || score > indicator.Points || decimal.Round(score, 1) != score)
            {
                problems.Add("score", $"得分应在0至{indicator.Points:0.#}分之间,最多一位小数。");
            }

            var basis = r.Basis?.Trim() ?? "";
            if (basis.Length is 0 or > EvaluatorScore.MaxBasis || basis.Contains('\n'))
            {
                problems.Add("basis", $"请用一句话写明打分理由(不超过{EvaluatorScore.MaxBasis}字),无需附材料。");
            }

            if (problems.Any)
            {
                return problems.ToError();
            }

            var now = time.UtcNow();
            var entry = await db.EvaluatorScores.FirstOrDefaultAsync(s => s.IndicatorId == indicator.Id && s.AssessedId == unit!.Id, ct);
            var before = entry?.Score;
            if (entry is null)
            {
                entry = EvaluatorScore.Of(set, indicator, unit!.Id, r.Score!.Value, basis, AssessmentAccess.ActorOf(user), now);
                db.EvaluatorScores.Add(entry);
            }

            entry.Score = r.Score!.Value;
            entry.Basis = basis;
            entry.ScoredAt = now;
            entry.ScoredBy = AssessmentAccess.ActorOf(user);
            var note = $"{unit!.Name} · {indicator.Number}. {indicator.Name}:{(before is { } b ? $"{b:0.#} → " : "")}{entry.Score:0.#}分,{basis}";
            if (await access.SaveWithEventAsync(district.Id, "set", () => set.Id, user, now, before is null ? "评价打分" : "修改打分", note, ct) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(entry.Id, indicator.Id, unit.Code, entry.Score, entry.Basis);
        }

        /// <summary>
        /// A member of the evaluating body: staff of the department; an assessor, reviewer or secretary of the unit; for
        /// "own township", an assessor or reviewer of the township the assessed community lies in (of any township when
        /// no unit is named: the scoring page's list).
        /// </summary>
        public static bool IsEvaluator(CurrentUser user, Indicator indicator, Assessed? unit = null) =>
            user.Grants.Any(g => (indicator.EvaluatorDepartmentId is { } d && g.Department?.Id == d) ||
                                 (indicator.EvaluatorUnitId is { } u && g.Unit.Id == u && g.Role is Role.Assessor or Role.Reviewer or Role.Secretary or Role.CatalogueAdmin) ||
                                 (indicator.Evaluator == Indicator.OwnTownship && g.Unit.Level == UnitLevel.Township && g.Role is Role.Assessor or Role.Reviewer &&
                                  (unit is null || unit.Path.StartsWith(g.Unit.Path, StringComparison.Ordinal))));
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/assessment/sets/{id:int}/scores", async (int id, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(Results.Ok))
            .WithName("ScoreIndicator")
            .WithSummary("评价单位为本单位负责的指标打分:得分和一句话理由,无需附件")
            .Produces<Response>();
}
