namespace Jianfu.Modules.Registry;

public static class RegistryModule
{
    public static IServiceCollection AddRegistryModule(this IServiceCollection services) => services
        .AddScoped<RegistryAccess>()
        .AddScoped<LedgerRunner>()
        .AddScoped<BusinessLedgerRunner>()
        .AddScoped<ImportRecord>()
        .AddScoped<RegistryDemo>()
        .AddScoped<ImportResidents.Handler>()
        .AddScoped<ImportBusinesses.Handler>()
        .AddScoped<ListImports.Handler>()
        .AddScoped<ListGrids.Handler>()
        .AddScoped<FindResident.Handler>()
        .AddScoped<AssignGridWorker.Handler>()
        .AddScoped<GetImportErrors.Handler>()
        .AddScoped<CreateLedger.Handler>()
        .AddScoped<ListLedgers.Handler>()
        .AddScoped<RunLedger.Handler>()
        .AddScoped<ExportLedger.Handler>()
        .AddScoped<GetAccessLog.Handler>()
        .AddScoped<SubmitDataRequest.Handler>()
        .AddScoped<GetDataRequest.Handler>()
        .AddScoped<DecideDataRequest.Handler>()
        .AddScoped<AnswerDataRequest.Handler>()
        .AddScoped<Contracts.IDataRequestFigures, DataRequestFigures>()
        .AddScoped<Contracts.IRegistryHoldings, RegistryHoldings>();

    public static void MapRegistryApi(this RouteGroupBuilder api)
    {
        ImportResidents.Map(api);
        ImportBusinesses.Map(api);
        ListImports.Map(api);
        ListGrids.Map(api);
        FindResident.Map(api);
        AssignGridWorker.Map(api);
        GetImportErrors.Map(api);
        CreateLedger.Map(api);
        ListLedgers.Map(api);
        RunLedger.Map(api);
        ExportLedger.Map(api);
        GetAccessLog.Map(api);
        SubmitDataRequest.Map(api);
        GetDataRequest.Map(api);
        DecideDataRequest.Map(api);
        AnswerDataRequest.Map(api);
    }

    /// <summary>Outside /api/v1 (bearer only): the downloads the pages link to, with the pages' sign-in.</summary>
    public static void MapRegistryPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/registry/imports/{id:long}/errors.xlsx", GetImportErrors.DownloadAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/registry/ledgers/{id:int}/export", ExportLedger.DownloadAsync).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/registry/requests/{id:int}/answer.xlsx", AnswerDataRequest.DownloadAsync).RequireAuthorization().ExcludeFromDescription();
    }
}
