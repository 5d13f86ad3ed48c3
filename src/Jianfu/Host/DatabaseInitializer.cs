using Jianfu.Host.Demo;
using Jianfu.Platform.Database;

namespace Jianfu.Host;

/// <summary>Whether the demo data is in this database, so that the banner prints the demo accounts only then.</summary>
internal sealed class DemoStatus
{
    public bool Present { get; set; }
}

/// <summary>Migrates the database before the server takes requests, and seeds the demo on an empty database.</summary>
internal sealed class DatabaseInitializer(IServiceProvider services, IConfiguration config, DemoStatus demo, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JianfuDbContext>();
        await db.MigrateAsync(cancellationToken);
        if (config.GetValue("Jianfu:Demo", true))
        {
            var seeded = await scope.ServiceProvider.GetRequiredService<DemoData>().SeedIfEmptyAsync(cancellationToken);
            if (seeded)
            {
                logger.LogInformation("Demo data seeded into an empty database");
            }
        }

        demo.Present = await scope.ServiceProvider.GetRequiredService<DemoData>().IsPresentAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
