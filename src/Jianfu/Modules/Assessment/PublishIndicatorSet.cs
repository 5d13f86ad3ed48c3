using Jianfu.Modules.Assessment.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// The assessment office publishes a draft set: its points must total exactly 100 and no indicator may break a rule
/// (422 with the checks otherwise, nothing changed). The set published before for the same year and level is superseded.
/// </summary>
public static class PublishIndicatorSet
{
    public sealed record Response(int Id, string Status);

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access, TimeProvider time)
    {
        public async Task<Result<Response>> HandleAsync(int setId, CancellationToken ct)
        {
            var found = await access.SetToKeepAsync(setId, ct);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var (user, district, set) = found.Value;
            var checks = IndicatorChecks.CheckPublish(set.Indicators.OrderBy(i => i.Number).Select(i => i.ToDraft()).ToList());
            if (set.EnsureDraft() is { } notDraft)
            {
                return notDraft;
            }

            if (IndicatorChecks.Blocks(checks))
            {
                return IndicatorSet.BlockedError(checks) with
                {
                    Extensions = new Dictionary<string, object?> { ["checks"] = checks.Select(c => new AddIndicator.Check(c.Rule, c.Severity.ToString(), c.Message)).ToList() },
                };
            }

            var earlier = await db.IndicatorSets
                .Where(s => s.DistrictId == set.DistrictId && s.Year == set.Year && s.Level == set.Level && s.Status == SetStatus.Published && s.Id != set.Id)
                .ToListAsync(ct);
            var now = time.UtcNow();
            var note = $"{set.Indicators.Count}项指标,合计{set.Indicators.Sum(i => i.Points):0.#}分" + (earlier.Count > 0 ? ";替代此前发布的版本" : "");
            // The earlier version is superseded first: one published set per year and level, kept by a unique index.
            if (await access.SaveWithEventAsync(district.Id, "set", () => set.Id, user, now, "发布考核指标体系", note, ct, async () =>
                {
                    earlier.ForEach(old => old.Status = SetStatus.Superseded);
                    await db.SaveChangesAsync(ct);
                    set.Publish(checks, AssessmentAccess.ActorOf(user), now);
                }) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(set.Id, set.Status.ToString());
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/assessment/sets/{id:int}/publish", async (int id, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(Results.Ok))
            .WithName("PublishIndicatorSet")
            .WithSummary("发布指标体系:分值合计须为100分(points-not-100)且无阻断项,否则返回 422 和检查结果")
            .Produces<Response>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
