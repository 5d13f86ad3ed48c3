using Microsoft.AspNetCore.Identity;

namespace Jianfu.Platform.Auth;

/// <summary>
/// ASP.NET Core Identity's two ways in: the cookie for the pages, and a bearer token for /api/v1 (the accounts and their
/// store are Organisation's: AccountStore.cs).
/// The API accepts bearer tokens only, so a browser's cookie can never be used to forge an API call (CSRF).
/// </summary>
public static class AuthSetup
{
    public const string SelectorScheme = "Jianfu";
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(8);

    public static IServiceCollection AddJianfuAuth(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultChallengeScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, "Cookie for pages, bearer token for the API", o =>
                o.ForwardDefaultSelector = ctx => IsApi(ctx.Request) ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TokenLifetime);
        services.AddAuthentication().AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/forbidden";
            o.Cookie.Name = "jianfu.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request is HTTPS, which behind a configured proxy means X-Forwarded-Proto said so.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
        }));

        services.AddAuthorization();
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");
}
