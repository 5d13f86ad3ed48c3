using Jianfu.Modules.Assessment.Domain;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Assessment;

/// <summary>The assessment office publishes a month's board: scored from the records as they are now, then kept unchanged.</summary>
public static class PublishRankings
{
    public sealed record Request(string? Month);

    public sealed record Response(int SetId, string Month, int Units, DateTime ComputedAt);

    internal sealed class Handler(AssessmentAccess access, ScoreRunner runner, TimeProvider time)
    {
        public async Task<Result<Response>> HandleAsync(int setId, Request r, CancellationToken ct)
        {
            var found = await access.SetToKeepAsync(setId, ct);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var (user, district, set) = found.Value;
            if (set.Status == SetStatus.Draft)
            {
                return Error.Conflict("指标体系尚未发布,不能发布排行榜。");
            }

            var parsed = string.IsNullOrWhiteSpace(r.Month) ? Error.Validation("month", "请选择要发布的月份(yyyy-MM)。") : Period.Parse(r.Month, set.Year);
            if (!parsed.IsSuccess)
            {
                return parsed.Error!;
            }

            var period = parsed.Value;
            if (period.IsYear || period.Year != set.Year || period.Until > time.Today())
            {
                return Error.Validation("month", $"只能发布{set.Year}年内已经结束的月份的排行榜。");
            }

            var before = await runner.PublishedAsync(set.Id, period, ct);
            if (before is not null)
            {
                return Error.Conflict($"{period.Chinese}的排行榜已于{before.ComputedAt.ToLocalText()}发布。");
            }

            var run = await runner.RunAsync(set, district, period, RunKind.Published, AssessmentAccess.ActorOf(user), refresh: true, ct);
            if (!run.IsSuccess)
            {
                return run.Error!;
            }

            if (await access.SaveWithEventAsync(district.Id, "set", () => set.Id, user, time.UtcNow(), "发布月度排行榜", $"{period.Chinese},{run.Value.Units}个单位", ct) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(set.Id, period.Text, run.Value.Units, run.Value.ComputedAt);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/assessment/sets/{id:int}/rankings/publish", async (int id, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(r => Results.Created($"/api/v1/assessment/rankings?set={id}&month={r.Month}&published=true", r)))
            .WithName("PublishRankings")
            .WithSummary("发布已结束月份的排行榜(month=yyyy-MM):按当时的数据计算后固定不变;同一月份只能发布一次(区考核办)")
            .Produces<Response>(StatusCodes.Status201Created);
}
