using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Cases;

public static class CasesModule
{
    public static IServiceCollection AddCasesModule(this IServiceCollection services) => services
        .AddSingleton<CaseIndex>()
        .AddScoped<CasesDemo>()
        .AddScoped<SearchCases.Handler>()
        .AddScoped<CreateCase.Handler>();

    /// <summary>The task page's "转为案例" button (cookie sign-in, antiforgery): makes the case, then shows it.</summary>
    public static void MapCasesPages(this IEndpointRouteBuilder app) =>
        app.MapPost("/cases/from-task/{taskId:int}", async (int taskId, CreateCase.Handler handler, Platform.Database.JianfuDbContext db, CancellationToken ct) =>
            {
                var result = await handler.FromTaskAsync(taskId, ct);
                if (result.IsSuccess)
                {
                    return Results.Redirect($"/cases/{result.Value.Id}");
                }

                // Already a case: show it.
                var existing = result.Error!.Code == "conflict"
                    ? await db.Cases.Where(c => c.SourceTaskId == taskId).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct)
                    : null;
                return existing is { } id
                    ? Results.Redirect($"/cases/{id}")
                    : Results.Content($"<!doctype html><meta charset=utf-8><title>无法转为案例</title><p>{System.Net.WebUtility.HtmlEncode(result.Error!.Message)}</p><p><a href=\"/tasks/{taskId}\">返回任务</a></p>",
                        "text/html; charset=utf-8", statusCode: result.Error.Status);
            })
            .RequireAuthorization()
            .WithMetadata(new Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription();

    public static void MapCasesApi(this RouteGroupBuilder api)
    {
        SearchCases.Map(api);
        CreateCase.Map(api);
    }
}
