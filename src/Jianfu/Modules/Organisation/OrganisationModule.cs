using Jianfu.Modules.Organisation.Contracts;

namespace Jianfu.Modules.Organisation;

public static class OrganisationModule
{
    public static IServiceCollection AddOrganisationModule(this IServiceCollection services) => services
        .AddAccountStore()
        .AddScoped<ICurrentUserAccessor, CurrentUserAccessor>()
        .AddScoped<IOrganisationDirectory, OrganisationDirectory>()
        .AddScoped<ImportDivisions>()
        .AddScoped<OrganisationDemo>()
        .AddScoped<AdminAccess>()
        .AddScoped<Login.Handler>()
        .AddScoped<ListUsers.Handler>()
        .AddScoped<CreateUser.Handler>()
        .AddScoped<GrantRole.Handler>()
        .AddScoped<UpdateAccount.Handler>()
        .AddScoped<ManageDepartments.Handler>()
        .AddScoped<ListDepartments.Handler>()
        .AddScoped<ListUnits.Handler>()
        .AddScoped<ListOffices.Handler>()
        .AddScoped<UploadDivisions.Handler>();

    public static void MapOrganisationApi(this RouteGroupBuilder api)
    {
        Login.Map(api);
        GetMe.Map(api);
        ListUnits.Map(api);
        ListDepartments.Map(api);
        ManageDepartments.Map(api);
        ListUsers.Map(api);
        CreateUser.Map(api);
        GrantRole.Map(api);
        UpdateAccount.Map(api);
        UploadDivisions.Map(api);
    }
}
