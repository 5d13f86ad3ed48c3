using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using DispatchEntity = Jianfu.Modules.Dispatch.Domain.Dispatch;

namespace Jianfu.Modules.Dispatch;

/// <summary>A returned dispatch (or a draft), edited and submitted again through the same gate.</summary>
internal static class ResubmitDispatch
{
    public sealed class Handler(JianfuDbContext db, DispatchPreparation preparation, ICurrentUserAccessor current, TimeProvider time)
    {
        /// <summary>Resubmits a returned dispatch (or submits a draft) after editing.</summary>
        public async Task<Result<SubmitDispatch.Response>> HandleAsync(int id, SubmitDispatch.Request request, CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var editable = await preparation.EditableAsync(id, user, "修改后提交", ct);
            if (!editable.IsSuccess)
            {
                return editable.Error!;
            }

            var dispatch = editable.Value;
            var prepared = await preparation.PrepareAsync(request, id, ct);
            if (!prepared.IsSuccess)
            {
                return prepared.Error!;
            }

            if (AccessGate.Blocks(prepared.Value.Checks))
            {
                return DispatchEntity.BlockedError(prepared.Value.Checks);
            }

            var now = time.UtcNow();
            prepared.Value.ApplyTo(dispatch, request);
            var error = dispatch.Submit(prepared.Value.Checks, DispatchAccess.ActorOf(user), now);
            if (error is not null)
            {
                return error;
            }

            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return new SubmitDispatch.Response(dispatch.Id, dispatch.Status.ToString(), dispatch.Checks);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/dispatches/{id:int}", async (int id, SubmitDispatch.Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(Results.Ok))
            .WithName("ResubmitDispatch")
            .WithSummary("修改被退回的派单并重新提交审核")
            .Produces<SubmitDispatch.Response>();
}
