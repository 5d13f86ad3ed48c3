using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Dispatch;

/// <summary>The issuing department takes a dispatch back before it is approved.</summary>
internal static class WithdrawDispatch
{
    public sealed record Request(string? Reason);

    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, TimeProvider time)
    {
        public async Task<Result<DispatchView>> HandleAsync(int id, string? reason, CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var dispatch = await GetDispatch.LoadAsync(db, id, ct);
            if (dispatch is null)
            {
                return Error.NotFound($"派单{id}不存在。");
            }

            if (!DispatchAccess.IsIssuer(user, dispatch))
            {
                return Error.Forbidden("只有发起部门可以撤回此派单。");
            }

            var error = dispatch.Withdraw(DispatchAccess.ActorOf(user), time.UtcNow(), reason?.Trim());
            if (error is not null)
            {
                return error;
            }

            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return DispatchView.From(dispatch, time.Today());
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/dispatches/{id:int}/withdraw", async (int id, Request? request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request?.Reason, ct)).ToHttp(Results.Ok))
            .WithName("WithdrawDispatch")
            .WithSummary("批准前撤回派单")
            .Produces<DispatchView>();
}
