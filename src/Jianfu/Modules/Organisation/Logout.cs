using Jianfu.Modules.Organisation.Domain;
using Microsoft.AspNetCore.Identity;

namespace Jianfu.Modules.Organisation;

internal static class Logout
{
    /// <summary>POST only, with the antiforgery token of the page's form.</summary>
    public static async Task<IResult> HandleAsync(SignInManager<AppUser> signIn, HttpContext context)
    {
        await context.Request.ReadFormAsync();
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/login");
    }
}
