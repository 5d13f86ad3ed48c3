namespace Jianfu.Platform.Web;

/// <summary>
/// Headers on every response. The pages run only their own script files (no inline script anywhere, so no nonce or hash
/// is needed), cannot be framed, and never send the address (which may hold a poster's token) to another site. HSTS is
/// sent on HTTPS requests, which behind a proxy means the proxy said so and is a configured one (Jianfu:Proxy).
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Pages =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reference (Scalar) styles itself with style elements it writes at run time; its scripts are still files.</summary>
    private const string ApiReference =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/openapi") ? ApiReference : Pages;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (http.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000";
            }

            return Task.CompletedTask;
        });
        return next(http);
    }
}
