using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Organisation.Contracts;
using Microsoft.AspNetCore.Antiforgery;

namespace Jianfu.Modules.Dispatch;

/// <summary>Reads the drafting page's form (also posted by its live-check script) into a submit request.</summary>
internal static class DispatchForm
{
    public static SubmitDispatch.Request Read(IFormCollection form) => new(
        form["title"],
        form["content"],
        form["screeningCode"].ToString() is { Length: > 0 } code ? code.Split(' ', 2)[0] : null,
        [.. form["targets"].Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!)],
        form["dueDate"],
        form["justification"],
        form["urgencyReason"],
        form["isMajor"] == "true",
        [.. form["coAssignees"].Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!)]);

    /// <summary>POST /dispatches/checks: the live check while typing; cookie-authenticated, antiforgery-validated, stores nothing.</summary>
    public static void MapLiveCheck(IEndpointRouteBuilder app) =>
        app.MapPost("/dispatches/checks", async (HttpContext http, CheckDispatch.Handler handler, CancellationToken ct) =>
            {
                var form = await http.Request.ReadFormAsync(ct);
                var id = int.TryParse(form["id"], out var existing) ? existing : (int?)null;
                var result = await handler.HandleAsync(Read(form), id, ct);
                return result.IsSuccess
                    ? Results.Ok(new { checks = result.Value.Checks })
                    : Results.Ok(new { error = result.Error!.Message });
            })
            .RequireAuthorization()
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();

    /// <summary>POST /dispatches/suggestions: screening codes for the text being typed (the drafting page's live script).</summary>
    public static void MapLiveSuggestions(IEndpointRouteBuilder app) =>
        app.MapPost("/dispatches/suggestions", async (HttpContext http, ICurrentUserAccessor current, ICatalogueLookup catalogue, CancellationToken ct) =>
            {
                var form = await http.Request.ReadFormAsync(ct);
                var grant = DispatchAccess.DispatcherGrant(await current.GetAsync(ct));
                var text = $"{form["title"]}\n{form["content"]}";
                if (grant is null || text.Length > 10_000)
                {
                    return Results.Ok(new { items = Array.Empty<CodeSuggestion>() });
                }

                var found = await catalogue.SuggestAsync(grant.Unit.DistrictId, text, null, ct);
                return Results.Ok(new { found.Items, found.MayBeOutsideList, found.Message });
            })
            .RequireAuthorization()
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();
}
