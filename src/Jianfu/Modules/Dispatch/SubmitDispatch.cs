using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using DispatchEntity = Jianfu.Modules.Dispatch.Domain.Dispatch;

namespace Jianfu.Modules.Dispatch;

/// <summary>
/// A dispatcher drafts a task for communities and submits it through the access gate. Any Block stops it and
/// nothing is stored as submitted; warnings travel with the dispatch to the reviewer. The request is the one shape
/// of a dispatch being written: checking it (CheckDispatch), saving it as a draft (SaveDispatchDraft) and submitting a
/// returned one again (ResubmitDispatch) take it too, all prepared by <see cref="DispatchPreparation"/>.
/// </summary>
internal static class SubmitDispatch
{
    public const int MaxTitleLength = 200;
    public const int MaxTargets = 2000;

    public sealed record Request(
        string? Title,
        string? Content,
        string? ScreeningCode,
        List<string>? Targets,
        string? DueDate,
        string? Justification,
        string? UrgencyReason = null,
        bool? IsMajor = null,
        List<string>? CoAssignees = null);

    public sealed record Response(int Id, string Status, IReadOnlyList<GateCheck> Checks);

    public sealed class Handler(JianfuDbContext db, DispatchPreparation preparation, ICurrentUserAccessor current, TimeProvider time)
    {
        public async Task<Result<Response>> HandleAsync(Request request, CancellationToken ct)
        {
            var prepared = await preparation.PrepareAsync(request, null, ct);
            if (!prepared.IsSuccess)
            {
                return prepared.Error!;
            }

            var p = prepared.Value;
            if (AccessGate.Blocks(p.Checks))
            {
                return DispatchEntity.BlockedError(p.Checks);
            }

            var user = await current.GetAsync(ct);
            var now = time.UtcNow();
            var dispatch = p.NewDispatch(user, now);
            p.ApplyTo(dispatch, request);
            var actor = DispatchAccess.ActorOf(user);
            dispatch.Record(actor, now, "起草派单", $"{p.Communities.Count}个村(社区)");
            var error = dispatch.Submit(p.Checks, actor, now);
            if (error is not null)
            {
                return error;
            }

            db.Dispatches.Add(dispatch);
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(dispatch.Id, dispatch.Status.ToString(), dispatch.Checks);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/dispatches", async (Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(r => Results.Created($"/api/v1/dispatches/{r.Id}", r)))
            .WithName("SubmitDispatch")
            .WithSummary("新建派单并提交准入审核;有阻断项时返回 422 且不保存")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
