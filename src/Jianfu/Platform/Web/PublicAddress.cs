namespace Jianfu.Platform.Web;

/// <summary>
/// The address people reach the platform at, for links that leave it (QR posters, Open311 discovery): the configured
/// Jianfu:PublicBaseUrl behind a proxy, else the address the request came to.
/// </summary>
internal static class PublicAddress
{
    public static string BaseUrl(IConfiguration config, HttpRequest? request) =>
        config["Jianfu:PublicBaseUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : request is null ? "" : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
