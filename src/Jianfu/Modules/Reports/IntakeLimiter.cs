using System.Threading.RateLimiting;

namespace Jianfu.Modules.Reports;

/// <summary>
/// Rate limits for the public intake, per location token and per client address, in one place for the API and the
/// page (Jianfu:Reports:PerTokenPerMinute, PerAddressPerMinute). A 311 system holding an api_key is limited per key
/// instead (Jianfu:Open311:PerKeyPerMinute): a hotline relay sends for a whole district from one address.
/// A refused report gets 429 and a Chinese message.
/// </summary>
internal sealed class IntakeLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _byToken;
    private readonly PartitionedRateLimiter<string> _byAddress;
    private readonly PartitionedRateLimiter<string> _byKey;

    public IntakeLimiter(IConfiguration config)
    {
        _byToken = Create(config.GetValue("Jianfu:Reports:PerTokenPerMinute", 120));
        _byAddress = Create(config.GetValue("Jianfu:Reports:PerAddressPerMinute", 30));
        _byKey = Create(config.GetValue("Jianfu:Open311:PerKeyPerMinute", 600));
    }

    /// <summary>Null when the report may go ahead; otherwise how long to wait (the 429's Retry-After).</summary>
    /// <param name="system">The api_key holder's name when a 311 system sends the report.</param>
    public TimeSpan? Refusal(string token, string? address, string? system = null)
    {
        if (system is not null)
        {
            using var byKey = _byKey.AttemptAcquire(system);
            return byKey.IsAcquired ? null : WaitOf(byKey);
        }

        using var byToken = _byToken.AttemptAcquire(token);
        if (!byToken.IsAcquired)
        {
            return WaitOf(byToken);
        }

        using var byAddress = _byAddress.AttemptAcquire(address ?? "unknown");
        return byAddress.IsAcquired ? null : WaitOf(byAddress);
    }

    private static TimeSpan WaitOf(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);

    public void Dispose()
    {
        _byToken.Dispose();
        _byAddress.Dispose();
        _byKey.Dispose();
    }

    private static PartitionedRateLimiter<string> Create(int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
}
