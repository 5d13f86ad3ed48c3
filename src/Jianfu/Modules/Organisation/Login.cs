using Jianfu.Modules.Organisation.Domain;
using Jianfu.Platform.Auth;
using Jianfu.Platform.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jianfu.Modules.Organisation;

/// <summary>Sign-in with user name and password; locks the account after repeated failures.</summary>
internal static class Login
{
    public sealed record Request(string? UserName, string? Password);

    public sealed record TokenResponse(string AccessToken, DateTime ExpiresAt);

    public sealed class Handler(UserManager<AppUser> users, SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time)
    {
        public async Task<Result<AppUser>> CheckAsync(string? userName, string? password)
        {
            if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
            {
                return Error.Validation("userName", "请输入用户名和密码。");
            }

            var user = await users.FindByNameAsync(userName.Trim());
            if (user is null || !user.IsActive)
            {
                return Unauthorized();
            }

            var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            if (result.IsLockedOut)
            {
                return new Error("locked-out", "连续登录失败次数过多,账号已锁定15分钟,请稍后再试或联系管理员。", StatusCodes.Status401Unauthorized);
            }

            return result.Succeeded ? user : Unauthorized();
        }

        public async Task<Result<TokenResponse>> IssueTokenAsync(Request request)
        {
            var check = await CheckAsync(request.UserName, request.Password);
            if (!check.IsSuccess)
            {
                return check.Error!;
            }

            var principal = await signIn.CreateUserPrincipalAsync(check.Value);
            var expires = time.GetUtcNow().Add(AuthSetup.TokenLifetime);
            var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expires }, IdentityConstants.BearerScheme);
            var token = bearer.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(ticket);
            return new TokenResponse(token, expires.UtcDateTime);
        }

        private static Error Unauthorized() => new("invalid-credentials", "用户名或密码错误。", StatusCodes.Status401Unauthorized);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/auth/login", async (Request request, Handler handler) =>
                (await handler.IssueTokenAsync(request)).ToHttp(Results.Ok))
            .AllowAnonymous()
            .WithName("Login")
            .WithSummary("登录,取得访问令牌(Bearer)")
            .Produces<TokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
}
