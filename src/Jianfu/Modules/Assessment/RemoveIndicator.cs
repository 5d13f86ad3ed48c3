using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Assessment;

/// <summary>The assessment office takes an indicator out of a draft set.</summary>
public static class RemoveIndicator
{
    internal sealed class Handler(AssessmentAccess access, TimeProvider time)
    {
        public async Task<Error?> HandleAsync(int setId, int indicatorId, CancellationToken ct)
        {
            var found = await access.SetToKeepAsync(setId, ct);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            var (user, district, set) = found.Value;
            if (set.EnsureDraft() is { } published)
            {
                return published;
            }

            var indicator = set.Indicators.FirstOrDefault(i => i.Id == indicatorId);
            if (indicator is null)
            {
                return Error.NotFound("该指标不在这个指标体系中。");
            }

            set.Indicators.Remove(indicator);
            return await access.SaveWithEventAsync(district.Id, "set", () => set.Id, user, time.UtcNow(), "删除指标", $"{indicator.Number}. {indicator.Name}", ct);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapDelete("/assessment/sets/{id:int}/indicators/{indicatorId:int}", async (int id, int indicatorId, Handler handler, CancellationToken ct) =>
                await handler.HandleAsync(id, indicatorId, ct) is { } error ? error.ToProblem() : Results.NoContent())
            .WithName("RemoveIndicator")
            .WithSummary("从草稿指标体系中删除一项指标(区考核办)")
            .Produces(StatusCodes.Status204NoContent);
}
