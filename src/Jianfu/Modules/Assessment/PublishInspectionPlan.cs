using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Assessment;

/// <summary>The assessment office publishes the year's plan; from then on an inspection outside it needs a one-by-one approval.</summary>
public static class PublishInspectionPlan
{
    public sealed record Response(int Id, int Year, int Items);

    internal sealed class Handler(AssessmentAccess access, TimeProvider time)
    {
        public async Task<Result<Response>> HandleAsync(int planId, CancellationToken ct)
        {
            var found = await access.PlanToKeepAsync(planId, "只有本区考核办可以发布督查检查考核计划。", ct);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var (user, district, plan) = found.Value;

            var now = time.UtcNow();
            if (plan.Publish(AssessmentAccess.ActorOf(user), now) is { } refused)
            {
                return refused;
            }

            if (await access.SaveWithEventAsync(district.Id, "plan", () => plan.Id, user, now, "发布年度督查检查考核计划", $"{plan.Items.Count}项", ct) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(plan.Id, plan.Year, plan.Items.Count);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/inspection-plans/{id:int}/publish", async (int id, Handler handler, CancellationToken ct) => (await handler.HandleAsync(id, ct)).ToHttp(Results.Ok))
            .WithName("PublishInspectionPlan")
            .WithSummary("发布年度督查检查考核计划(区考核办);发布后计划外事项须一事一报")
            .Produces<Response>();
}
