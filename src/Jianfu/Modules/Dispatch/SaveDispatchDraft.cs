using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using DispatchEntity = Jianfu.Modules.Dispatch.Domain.Dispatch;

namespace Jianfu.Modules.Dispatch;

/// <summary>A dispatcher saves a dispatch without submitting it: a new draft, or edits to a draft or a returned dispatch.</summary>
internal static class SaveDispatchDraft
{
    public sealed class Handler(JianfuDbContext db, DispatchPreparation preparation, ICurrentUserAccessor current, TimeProvider time)
    {
        /// <summary>
        /// Saves without submitting: a new draft, or edits to a draft or a returned dispatch. The checks are stored to
        /// show the dispatcher what the gate will say; nothing reaches a reviewer until it is submitted.
        /// </summary>
        public async Task<Result<SubmitDispatch.Response>> HandleAsync(int? id, SubmitDispatch.Request request, CancellationToken ct)
        {
            var prepared = await preparation.PrepareAsync(request, id, ct);
            if (!prepared.IsSuccess)
            {
                return prepared.Error!;
            }

            var p = prepared.Value;
            var user = await current.GetAsync(ct);
            var actor = DispatchAccess.ActorOf(user);
            var now = time.UtcNow();
            DispatchEntity? dispatch;
            if (id is null)
            {
                dispatch = p.NewDispatch(user, now);
                p.ApplyTo(dispatch, request);
                dispatch.Record(actor, now, "保存草稿", $"{p.Communities.Count}个村(社区)");
                db.Dispatches.Add(dispatch);
            }
            else
            {
                var editable = await preparation.EditableAsync(id.Value, user, "修改", ct);
                if (!editable.IsSuccess)
                {
                    return editable.Error!;
                }

                dispatch = editable.Value;
                p.ApplyTo(dispatch, request);
                dispatch.Record(actor, now, "修改草稿", null);
            }

            dispatch.Checks = [.. p.Checks];
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return new SubmitDispatch.Response(dispatch.Id, dispatch.Status.ToString(), dispatch.Checks);
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/dispatches/drafts", async (SubmitDispatch.Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(null, request, ct)).ToHttp(r => Results.Created($"/api/v1/dispatches/{r.Id}", r)))
            .WithName("SaveDispatchDraft")
            .WithSummary("保存派单草稿(不提交审核;返回自动检查结果供参考)")
            .Produces<SubmitDispatch.Response>(StatusCodes.Status201Created);
        api.MapPut("/dispatches/{id:int}/draft", async (int id, SubmitDispatch.Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(Results.Ok))
            .WithName("UpdateDispatchDraft")
            .WithSummary("修改草稿或被退回的派单,暂不提交")
            .Produces<SubmitDispatch.Response>();
    }
}
