using System.Threading.RateLimiting;

namespace Jianfu.Platform.Web;

/// <summary>
/// A fixed one-minute window per key (a poster's token, a client address…): null while the key is within its limit,
/// else how long to wait — the 429's Retry-After. Counted in this process.
/// </summary>
public sealed class PerMinuteLimiter(int perMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter =
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public TimeSpan? Refusal(string key)
    {
        using var lease = _limiter.AttemptAcquire(key);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
