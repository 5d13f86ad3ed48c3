using System.Security.Claims;
using Jianfu.Platform.Database;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jianfu.Platform.Auth;

/// <summary>
/// A sign-in (cookie or bearer token) counts only while the account is active and its security stamp is the one the
/// sign-in was issued with. A password reset or a deactivation renews the stamp, so every earlier cookie and token of
/// that user stops working at its next request — on every node, since the stamp is read from the database.
/// </summary>
internal sealed class SessionCheck(RequestDelegate next, IOptions<IdentityOptions> identity)
{
    public async Task InvokeAsync(HttpContext http, JianfuDbContext db)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var id = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
            var stamp = http.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
            var account = id is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new { u.IsActive, u.SecurityStamp }).FirstOrDefaultAsync(http.RequestAborted);
            if (account is null || !account.IsActive || stamp is null || account.SecurityStamp != stamp)
            {
                http.User = new ClaimsPrincipal(new ClaimsIdentity());
                if (!AuthSetup.IsApi(http.Request))
                {
                    await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            }
        }

        await next(http);
    }
}
