using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Platform.Errors;

namespace Jianfu.Modules.Dispatch;

/// <summary>The gate's checks of a dispatch being drafted, without storing anything: the drafting page's live check and <c>POST /dispatches/check</c>.</summary>
internal static class CheckDispatch
{
    public sealed class Handler(DispatchPreparation preparation)
    {
        /// <summary>Runs the checks without storing anything: the live check of the drafting page.</summary>
        public async Task<Result<IReadOnlyList<GateCheck>>> HandleAsync(SubmitDispatch.Request request, int? excludingDispatchId, CancellationToken ct)
        {
            var prepared = await preparation.PrepareAsync(request, excludingDispatchId, ct);
            return prepared.IsSuccess ? Result<IReadOnlyList<GateCheck>>.Ok(prepared.Value.Checks) : prepared.Error!;
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/dispatches/check", async (SubmitDispatch.Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, null, ct)).ToHttp(checks => Results.Ok(new { checks })))
            .WithName("CheckDispatch")
            .WithSummary("只做自动检查,不保存(起草时实时提示)");
}
