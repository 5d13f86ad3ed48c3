using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;

namespace Jianfu.Modules.Dispatch;

/// <summary>The reviewer's queue: dispatches waiting for this unit's decision, oldest first.</summary>
internal static class ListReviewQueue
{
    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current)
    {
        public async Task<Result<List<DispatchSummary>>> HandleAsync(int page, CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var units = user.GrantsOf(Role.Reviewer).Select(g => g.Unit.Id).ToList();
            if (units.Count == 0)
            {
                return Error.Forbidden("只有审核人可以查看审核队列。");
            }

            var query = db.Dispatches.Where(d => units.Contains(d.ReviewUnitId) && d.Status == DispatchStatus.UnderReview)
                .OrderBy(d => d.SubmittedAt).ThenBy(d => d.Id);
            return await DispatchSummaries.PageAsync(query, page, ct);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/review-queue", async (int? page, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(page ?? 1, ct)).ToHttp(Results.Ok))
            .WithName("ListReviewQueue")
            .WithSummary("审核队列:待本单位审核的派单,先到先审,每页50条")
            .Produces<List<DispatchSummary>>();
}
