using Jianfu.Modules.Hotline.Routing;

namespace Jianfu.Modules.Hotline;

public static class HotlineModule
{
    public static IServiceCollection AddHotlineModule(this IServiceCollection services) => services
        .AddSingleton<ModelCache>()
        .AddScoped<HotlineRouter>()
        .AddScoped<HotlineDemo>()
        .AddScoped<Contracts.IHotlineInbox, HotlineInbox>()
        .AddScoped<Contracts.IHotlineFigures, HotlineFigures>()
        .AddScoped<ReceiveOrders.Handler>()
        .AddScoped<ListOrders.Handler>()
        .AddScoped<TriageOrder.Handler>()
        .AddScoped<HandleOrder.Handler>()
        .AddScoped<RoutingModels.WaitingOrders>()
        .AddScoped<ListRoutingModels.Handler>()
        .AddScoped<UploadRoutingModel.Handler>()
        .AddScoped<ExportTrainingData.Handler>()
        .AddHostedService<DemoRoutingModel>();

    public static void MapHotlinePages(this IEndpointRouteBuilder app) => ExportTrainingData.MapPage(app);

    public static void MapHotlineApi(this RouteGroupBuilder api)
    {
        ReceiveOrders.Map(api);
        ListOrders.Map(api);
        TriageOrder.Map(api);
        HandleOrder.Map(api);
        ListRoutingModels.Map(api);
        UploadRoutingModel.Map(api);
        ExportTrainingData.Map(api);
    }
}
