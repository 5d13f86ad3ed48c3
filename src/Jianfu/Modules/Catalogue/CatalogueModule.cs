using Jianfu.Modules.Catalogue.Contracts;

namespace Jianfu.Modules.Catalogue;

public static class CatalogueModule
{
    public static IServiceCollection AddCatalogueModule(this IServiceCollection services) => services
        .AddScoped<ICatalogueLookup, CatalogueLookup>()
        .AddScoped<CatalogueDemo>()
        .AddSingleton<SuggestScreeningCodes.MatcherCache>()
        .AddScoped<CatalogueAccess>()
        .AddScoped<ListVersions.Handler>()
        .AddScoped<SearchItems.Handler>()
        .AddScoped<DiffVersions.Handler>()
        .AddScoped<ExportCatalogue.Handler>()
        .AddScoped<CreateDraftVersion.Handler>()
        .AddScoped<PublishVersion.Handler>()
        .AddScoped<SaveItem.Handler>()
        .AddScoped<RetireItem.Handler>()
        .AddScoped<ImportCatalogue.Handler>()
        .AddScoped<SubmitAdmissionRequest.Handler>()
        .AddScoped<ListAdmissionRequests.Handler>()
        .AddScoped<DecideAdmissionRequest.Handler>();

    public static void MapCatalogueApi(this RouteGroupBuilder api)
    {
        SearchItems.Map(api);
        SuggestScreeningCodes.Map(api);
        ListVersions.Map(api);
        CreateDraftVersion.Map(api);
        PublishVersion.Map(api);
        SaveItem.Map(api);
        RetireItem.Map(api);
        DiffVersions.Map(api);
        ExportCatalogue.Map(api);
        ImportCatalogue.Map(api);
        SubmitAdmissionRequest.Map(api);
        ListAdmissionRequests.Map(api);
        DecideAdmissionRequest.Map(api);
    }

    /// <summary>Downloads for the pages (cookie sign-in): the API's export needs a bearer token.</summary>
    public static void MapCataloguePages(this IEndpointRouteBuilder app) =>
        app.MapGet("/catalogue/export/{id:int}", (int id, ExportCatalogue.Handler handler, CancellationToken ct) => handler.HandleAsync(id, ct)).AllowAnonymous().ExcludeFromDescription();
}
