using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Files;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Hotline.Routing;

/// <summary>
/// With demo data, trains a routing model for the demo district in the background on first start (about half a
/// minute), from the embedded hotline-demo.csv: the titles of the 2020 TipDM Cup message set relabelled with the
/// demo district's departments, plus citizens' wording of a few community items written for the demo. The waiting
/// demo orders are then routed by it. Off with Jianfu:DemoRoutingModel=false.
/// </summary>
internal sealed class DemoRoutingModel(IServiceProvider services, IConfiguration config, ILogger<DemoRoutingModel> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Jianfu:Demo", true) || !config.GetValue("Jianfu:DemoRoutingModel", true))
        {
            return;
        }

        await Task.Yield();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JianfuDbContext>();
        var district = (await scope.ServiceProvider.GetRequiredService<IOrganisationDirectory>().FindUnitAsync(DemoOrganisation.DistrictCode, stoppingToken))?.Id;
        if (district is null || await db.RoutingModels.AnyAsync(m => m.DistrictId == district, stoppingToken) ||
            !await db.HotlineOrders.AnyAsync(o => o.DistrictId == district, stoppingToken))
        {
            return;
        }

        try
        {
            List<LabelledText> rows;
            using (var reader = EmbeddedFile.OpenDemo(typeof(DemoRoutingModel), "hotline-demo.csv"))
            {
                rows = RoutingCommands.Read(reader, needLabel: true, "hotline-demo.csv");
            }

            logger.LogInformation("Training the demo routing model on {Rows} rows in the background", rows.Count);
            var classifier = await Task.Run(() => RoutingClassifier.Train(rows, "demo-" + DateTime.UtcNow.ToString("yyyyMMdd")), stoppingToken);
            var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            await RoutingModels.ActivateAsync(db, district.Value, classifier.Info, classifier.ToBytes(), DemoOrganisation.Actor, time.UtcNow(), stoppingToken);
            var routed = await scope.ServiceProvider.GetRequiredService<RoutingModels.WaitingOrders>().RouteAsync(district.Value, stoppingToken);
            logger.LogInformation("Demo routing model {Version} active; {Orders} waiting orders routed", classifier.Info.Version, routed);
        }
        catch (OperationCanceledException)
        {
            // Shutting down before the model was ready: the next start trains it again.
        }
    }
}
