using Jianfu.Platform.Web;

namespace Jianfu.Modules.Reports;

/// <summary>
/// Rate limits for the public intake, per location token and per client address, in one place for the API and the
/// page (Jianfu:Reports:PerTokenPerMinute, PerAddressPerMinute). A 311 system holding an api_key is limited per key
/// instead (Jianfu:Open311:PerKeyPerMinute): a hotline relay sends for a whole district from one address.
/// A refused report gets 429 and a Chinese message.
/// </summary>
internal sealed class IntakeLimiter(IConfiguration config) : IDisposable
{
    private readonly PerMinuteLimiter _byToken = new(config.GetValue("Jianfu:Reports:PerTokenPerMinute", 120));
    private readonly PerMinuteLimiter _byAddress = new(config.GetValue("Jianfu:Reports:PerAddressPerMinute", 30));
    private readonly PerMinuteLimiter _byKey = new(config.GetValue("Jianfu:Open311:PerKeyPerMinute", 600));

    /// <summary>Null when the report may go ahead; otherwise how long to wait (the 429's Retry-After).</summary>
    /// <param name="system">The api_key holder's name when a 311 system sends the report.</param>
    public TimeSpan? Refusal(string token, string? address, string? system = null) =>
        system is not null ? _byKey.Refusal(system) : _byToken.Refusal(token) ?? _byAddress.Refusal(address ?? "unknown");

    public void Dispose()
    {
        _byToken.Dispose();
        _byAddress.Dispose();
        _byKey.Dispose();
    }
}
