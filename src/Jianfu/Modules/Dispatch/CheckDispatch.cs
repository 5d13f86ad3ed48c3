using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Platform.Errors;

namespace Jianfu.Modules.Dispatch;

/// <summary>
/// The gate's checks of a dispatch being drafted, and the catalogue items its text matches, without storing anything:
/// the drafting page's check and live check, and <c>POST /dispatches/check</c>.
/// </summary>
internal static class CheckDispatch
{
    public sealed record Checked(IReadOnlyList<GateCheck> Checks, CodeSuggestions Suggestions);

    public sealed class Handler(DispatchPreparation preparation)
    {
        public async Task<Result<Checked>> HandleAsync(SubmitDispatch.Request request, int? excludingDispatchId, CancellationToken ct)
        {
            var prepared = await preparation.PrepareAsync(request, excludingDispatchId, ct);
            return prepared.IsSuccess ? new Checked(prepared.Value.Checks, prepared.Value.Suggestions) : prepared.Error!;
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/dispatches/check", async (SubmitDispatch.Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, null, ct)).ToHttp(c => Results.Ok(new { checks = c.Checks, suggestions = c.Suggestions.Items })))
            .WithName("CheckDispatch")
            .WithSummary("只做自动检查,不保存(起草时实时提示);并列出任务内容最相近的清单事项");
}
