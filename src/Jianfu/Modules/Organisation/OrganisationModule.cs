using Jianfu.Modules.Organisation.Contracts;

namespace Jianfu.Modules.Organisation;

public static class OrganisationModule
{
    public static IServiceCollection AddOrganisationModule(this IServiceCollection services) => services
        .AddScoped<ICurrentUserAccessor, CurrentUserAccessor>()
        .AddScoped<IOrganisationDirectory, OrganisationDirectory>()
        .AddScoped<ImportDivisions>()
        .AddScoped<Login.Handler>();

    public static void MapOrganisationApi(this RouteGroupBuilder api)
    {
        Login.Map(api);
        GetMe.Map(api);
        ListUnits.Map(api);
    }
}
