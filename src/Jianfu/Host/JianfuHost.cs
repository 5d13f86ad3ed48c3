using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Jianfu.Host.Demo;
using Jianfu.Modules.Assessment;
using Jianfu.Modules.Cases;
using Jianfu.Modules.Catalogue;
using Jianfu.Modules.Dispatch;
using Jianfu.Modules.Hotline;
using Jianfu.Modules.Notifications;
using Jianfu.Modules.Organisation;
using Jianfu.Modules.Registry;
using Jianfu.Modules.Reports;
using Jianfu.Platform.Auth;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Jianfu.Platform.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using Scalar.AspNetCore;

namespace Jianfu.Host;

/// <summary>Composes the application: services of every module, the pipeline, the API group and the pages.</summary>
public static class JianfuHost
{
    /// <summary>
    /// The builder for the server, the CLI and the benchmark. Configuration and pages are found wherever the command is
    /// started from: the working directory when it holds appsettings.json, else the application's own directory.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var here = Directory.GetCurrentDirectory();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = File.Exists(Path.Combine(here, "appsettings.json")) ? here : AppContext.BaseDirectory,
        });

        // Under `dotnet run` the pages' CSS and scripts come from the project's wwwroot through the build's manifest;
        // in a published build there is no manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    public static WebApplicationBuilder AddJianfu(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        // First, so that the schema exists before any other hosted service (data protection's key ring) reads it.
        services.AddHostedService<DatabaseInitializer>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new WorkCalendar(
            config.GetSection("Jianfu:Calendar:Holidays").Get<DateOnly[]>(),
            config.GetSection("Jianfu:Calendar:WorkingWeekends").Get<DateOnly[]>()));
        services.AddHttpContextAccessor();
        services.AddJianfuDatabase(config);
        services.AddDataProtection().SetApplicationName("jianfu").PersistKeysToDbContext<JianfuDbContext>();
        services.AddJianfuAuth();
        services.AddLoginLimiter(config);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            // Problems the framework writes itself (bad JSON, 401/404/405…) get a Chinese title; ours already have one.
            if (!ctx.ProblemDetails.Extensions.ContainsKey("code"))
            {
                ctx.ProblemDetails.Title = ProblemResults.ChineseTitleFor(ctx.ProblemDetails.Status);
                ctx.ProblemDetails.Detail ??= ctx.ProblemDetails.Title;
            }
        });
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        // Form limits answered by InputGuard with 400/413: no text field needs a megabyte, no upload more than a model file.
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o =>
        {
            o.ValueLengthLimit = 1024 * 1024;
            o.MultipartBodyLengthLimit = Modules.Hotline.RoutingModels.MaxBytes;
        });
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Jianfu 减负 API";
                doc.Info.Description = "村(社区)减负平台接口:事项清单、派单与准入审核、村社任务。除登录外均需请求头 Authorization: Bearer 加登录取得的 accessToken。";
                return Task.CompletedTask;
            });
            // Each use case nests its own Request and Response records: name their schemas after the use case
            // (ReviewDispatchRequest, LoginRequest…), or every body would be documented as the first "Request".
            o.CreateSchemaReferenceId = info => info.Type.DeclaringType is { } useCase && !info.Type.IsGenericType
                ? useCase.Name + info.Type.Name
                : Microsoft.AspNetCore.OpenApi.OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddRazorComponents();
        // Chinese text goes out as text, not as &#x…; entities: a third of the bytes on a village phone.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddCascadingAuthenticationState();
        services.AddOrganisationModule().AddNotificationsModule().AddCatalogueModule().AddDispatchModule().AddReportsModule(config).AddHotlineModule().AddCasesModule().AddAssessmentModule().AddRegistryModule();
        services.AddSingleton<Platform.Files.AttachmentStore>();
        services.AddScoped<Platform.Layout.MyWork>();
        services.AddScoped<DemoData>();
        services.AddSingleton<DemoStatus>();
        return builder;
    }

    public static WebApplication UseJianfu(this WebApplication app)
    {
        if (app.Configuration.GetValue("Jianfu:BehindProxy", false))
        {
            // Behind nginx or another reverse proxy: the client address and scheme are taken from X-Forwarded-For and
            // X-Forwarded-Proto only when the connection comes from a configured proxy (loopback, and
            // Jianfu:Proxy:KnownProxies / KnownNetworks); a client that writes those headers itself is not believed.
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            foreach (var proxy in app.Configuration.GetSection("Jianfu:Proxy:KnownProxies").Get<string[]>() ?? [])
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in app.Configuration.GetSection("Jianfu:Proxy:KnownNetworks").Get<string[]>() ?? [])
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            app.UseForwardedHeaders(forwarded);
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteUnhandledAsync });
        app.UseStatusCodePages(WriteApiStatusAsync);
        app.UseMiddleware<InputGuard>();
        app.UseMiddleware<VanishedFormGuard>();
        app.MapStaticAssets();
        app.UseRateLimiter();
        app.UseCors();
        app.UseAuthentication();
        app.UseMiddleware<SessionCheck>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseMiddleware<AntiforgeryGuard>();

        app.MapOpenApi();
        // The API reference: our own page at /openapi over Scalar's script, so that no inline script is needed.
        app.MapScalarApiReference("/openapi/assets", o => o.WithTitle("Jianfu 减负 API"));
        app.MapGet("/openapi", ApiReferencePage).ExcludeFromDescription();
        app.MapHealthChecks("/healthz");

        var api = app.MapGroup("/api/v1").RequireAuthorization().WithTags("api").DisableAntiforgery();
        api.MapOrganisationApi();
        api.MapCatalogueApi();
        api.MapDispatchApi();
        api.MapReportsApi();
        api.MapHotlineApi();
        api.MapCasesApi();
        api.MapAssessmentApi();
        api.MapRegistryApi();
        api.MapNotificationsApi();

        app.MapRazorComponents<Shell.App>();
        app.MapPost("/logout", Logout.HandleAsync).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
        app.MapDispatchPages();
        app.MapCataloguePages();
        app.MapReportsPages();
        app.MapHotlinePages();
        Platform.Layout.MyWork.Map(app);
        app.MapCasesPages();
        app.MapAssessmentPages();
        app.MapRegistryPages();
        return app;
    }

    private static IResult ApiReferencePage() => Results.Content("""
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Jianfu 减负 API</title></head>
        <body><div id="app"></div><script src="/openapi/assets/scalar.js"></script><script src="/js/openapi.js"></script></body></html>
        """, "text/html; charset=utf-8");

    private static Task WriteUnhandledAsync(HttpContext context)
    {
        var (status, message, code) = ErrorResponses.Describe(context.Features.Get<IExceptionHandlerFeature>()?.Error);
        return ErrorResponses.WriteAsync(context, status, message, code);
    }

    private static async Task WriteApiStatusAsync(StatusCodeContext ctx)
    {
        var http = ctx.HttpContext;
        if (!AuthSetup.IsApi(http.Request))
        {
            if (http.Response.StatusCode == StatusCodes.Status404NotFound && !http.Request.Path.StartsWithSegments("/open311"))
            {
                await ErrorResponses.WritePageAsync(http, "页面不存在", "页面不存在,或网址有误。");
            }

            return;
        }

        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = http.Response.StatusCode },
        });
    }
}
