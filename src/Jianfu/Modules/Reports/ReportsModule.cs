using Jianfu.Modules.Reports.Domain;

namespace Jianfu.Modules.Reports;

public static class ReportsModule
{
    public static IServiceCollection AddReportsModule(this IServiceCollection services, IConfiguration config) => services
        .AddSingleton<IntakeLimiter>()
        .AddSingleton<ReportWriter>()
        .AddHostedService<ReportDigest>()
        .AddHostedService(sp => sp.GetRequiredService<ReportWriter>())
        .AddScoped<SubmitReport.Handler>()
        .AddScoped<GetReportStatus.Handler>()
        .AddSingleton<SubmitReport.DistrictCodes>()
        .AddScoped<Open311.PostServiceRequest.Handler>()
        .AddScoped<Open311.GetServiceRequests.Handler>()
        .AddCors(o => o.AddPolicy(Open311.Open311Api.PublicCors, p => p.AllowAnyOrigin().WithMethods(HttpMethods.Get).AllowAnyHeader()))
        .AddScoped<GetReportLocation.Handler>()
        .AddScoped<ReportAccess>()
        .AddScoped<Platform.Layout.IWorkSource, CountMyWork>()
        .AddScoped<ListReports.Handler>()
        .AddScoped<HandleReport.Handler>()
        .AddSingleton(new MonitoringSchedule(config.GetValue("Jianfu:Reports:MonitoringContactMonths", 1), config.GetValue("Jianfu:Reports:MonitoringVisitMonths", 2)))
        .AddScoped<MonitoringPointKeeper>()
        .AddScoped<ListMonitoringPoints.Handler>()
        .AddScoped<DesignateMonitoringPoint.Handler>()
        .AddScoped<GetMonitoringPoint.Handler>()
        .AddScoped<RecordMonitoringActivity.Handler>()
        .AddSingleton(new DeductionRule(config.GetValue("Jianfu:Reports:DeductionPerReport", 1m), config.GetValue("Jianfu:Reports:DeductionForOverdueRectification", 0.5m)))
        .AddScoped<BulletinComposer>()
        .AddScoped<PreviewBulletin.Handler>()
        .AddScoped<PublishBulletin.Handler>()
        .AddScoped<GetBulletin.Handler>()
        .AddScoped<ListBulletins.Handler>()
        .AddScoped<Dashboard.Handler>()
        .AddScoped<DepartmentDeductions>()
        .AddScoped<Contracts.IBurdenFigures>(sp => sp.GetRequiredService<DepartmentDeductions>())
        .AddScoped<Contracts.IInspectionReports, InspectionReports>();

    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        SubmitReport.Map(api);
        GetReportStatus.Map(api);
        GetReportLocation.Map(api);
        ListReports.Map(api);
        HandleReport.Map(api);
        ListMonitoringPoints.Map(api);
        DesignateMonitoringPoint.Map(api);
        GetMonitoringPoint.Map(api);
        RecordMonitoringActivity.Map(api);
        PreviewBulletin.Map(api);
        PublishBulletin.Map(api);
        ListBulletins.Map(api);
        GetBulletin.Map(api);
        ExportBulletin.Map(api);
        Dashboard.Map(api);
        DepartmentDeductions.Map(api);
    }

    /// <summary>Outside /api/v1: the bulletin download for the pages (public, like the bulletin) and Open311 GeoReport v2.</summary>
    public static void MapReportsPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bulletins/{id:int}/export", ExportBulletin.HandleAsync).AllowAnonymous().ExcludeFromDescription();
        Open311.Open311Api.Map(app);
    }
}
