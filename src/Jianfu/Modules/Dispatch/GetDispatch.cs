using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;
using DispatchEntity = Jianfu.Modules.Dispatch.Domain.Dispatch;

namespace Jianfu.Modules.Dispatch;

/// <summary>One dispatch with its checks, targets and history, as far as the user may see it.</summary>
internal static class GetDispatch
{
    public static Task<DispatchEntity?> LoadAsync(JianfuDbContext db, int id, CancellationToken ct) =>
        db.Dispatches
            .Include(d => d.Targets).Include(d => d.Tasks).Include(d => d.CoAssignees).Include(d => d.History)
            .AsSplitQuery()
            .FirstOrDefaultAsync(d => d.Id == id, ct);

    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, IOrganisationDirectory directory, TimeProvider time)
    {
        public async Task<Result<DispatchView>> HandleAsync(int id, CancellationToken ct)
        {
            var dispatch = await LoadAsync(db, id, ct);
            if (dispatch is null)
            {
                return Error.NotFound($"派单{id}不存在。");
            }

            var user = await current.GetAsync(ct);
            var reviewUnit = (await directory.FindUnitAsync(dispatch.ReviewUnitId, ct))!;
            var visible = await VisibleCommunitiesAsync(dispatch, user, reviewUnit, ct);
            if (!visible.IsSuccess)
            {
                return visible.Error!;
            }

            return DispatchView.From(dispatch, time.Today(), visible.Value.All ? null : visible.Value.Communities) with
            {
                Actions = await ActionsAsync(dispatch, user, reviewUnit, ct),
            };
        }

        private async Task<DispatchActions> ActionsAsync(DispatchEntity dispatch, CurrentUser user, UnitInfo reviewUnit, CancellationToken ct)
        {
            var canReview = dispatch.Status == Domain.DispatchStatus.UnderReview && DispatchAccess.IsReviewer(user, reviewUnit);
            return new DispatchActions(
                canReview, dispatch.CanBeWithdrawn && DispatchAccess.IsIssuer(user, dispatch), dispatch.AwaitsCollectiveDecision,
                canReview ? await ReviewDispatch.RerouteBodiesAsync(directory, reviewUnit, ct) : []);
        }

        /// <summary>All of it for the issuer, reviewers, the rerouted body, co-assignees and district oversight; a community sees its own part.</summary>
        public async Task<Result<(bool All, IReadOnlySet<int> Communities)>> VisibleCommunitiesAsync(DispatchEntity dispatch, CancellationToken ct) =>
            await VisibleCommunitiesAsync(dispatch, await current.GetAsync(ct), (await directory.FindUnitAsync(dispatch.ReviewUnitId, ct))!, ct);

        private async Task<Result<(bool All, IReadOnlySet<int> Communities)>> VisibleCommunitiesAsync(
            DispatchEntity dispatch, CurrentUser user, UnitInfo reviewUnit, CancellationToken ct)
        {
            if (DispatchAccess.IsIssuer(user, dispatch) || DispatchAccess.IsReviewer(user, reviewUnit) ||
                DispatchAccess.IsReroutedBody(user, dispatch) || DispatchAccess.IsCoAssignee(user, dispatch) ||
                DispatchAccess.IsOverseer(user, reviewUnit))
            {
                return (true, new HashSet<int>());
            }

            if (dispatch.Status == Domain.DispatchStatus.Approved)
            {
                var units = (await directory.FindUnitsAsync(dispatch.Targets.Select(t => t.CommunityCode), ct)).ToDictionary(u => u.Id);
                var own = DispatchAccess.CommunityScope(user, dispatch, units);
                if (own.Count > 0)
                {
                    return (false, own);
                }
            }

            return Error.Forbidden("您无权查看此派单。");
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/dispatches/{id:int}", async (int id, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(Results.Ok))
            .WithName("GetDispatch")
            .WithSummary("派单详情:检查结果、接收单位及其状态、全过程记录")
            .Produces<DispatchView>();
}
