using Jianfu.Platform.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Jianfu.Host;

/// <summary>/healthz: healthy while the database answers.</summary>
internal sealed class DatabaseHealthCheck(JianfuDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("数据库无法连接");
}
