using System.Globalization;
using System.Threading.RateLimiting;
using Jianfu.Platform.Web;
using Microsoft.AspNetCore.RateLimiting;

namespace Jianfu.Platform.Auth;

/// <summary>
/// Sign-in attempts per client address (Jianfu:Auth:LoginsPerMinute, default 10), for the API and the sign-in page alike.
/// The address is the connection's, or the one a configured proxy forwarded (Jianfu:Proxy), never a header the client
/// wrote itself. The count is kept per node; a refused attempt gets 429 with Retry-After.
/// </summary>
internal static class LoginLimiter
{
    public static IServiceCollection AddLoginLimiter(this IServiceCollection services, IConfiguration config)
    {
        var perMinute = Math.Max(1, config.GetValue("Jianfu:Auth:LoginsPerMinute", 10));
        return services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => IsSignIn(http.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(1);
                return new ValueTask(ErrorResponses.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests,
                    $"登录尝试过于频繁,请{Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture)}秒后再试。", "rate-limited", wait));
            };
        });
    }

    private static bool IsSignIn(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && (request.Path.Equals("/api/v1/auth/login", StringComparison.OrdinalIgnoreCase) || request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase));
}
