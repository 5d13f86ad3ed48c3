using Jianfu.Modules.Catalogue.Contracts;

namespace Jianfu.Modules.Catalogue;

public static class CatalogueModule
{
    public static IServiceCollection AddCatalogueModule(this IServiceCollection services) => services
        .AddScoped<ICatalogueLookup, CatalogueLookup>();

    public static void MapCatalogueApi(this RouteGroupBuilder api)
    {
        SearchItems.Map(api);
    }
}
