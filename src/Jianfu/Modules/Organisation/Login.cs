using Jianfu.Modules.Organisation.Domain;
using Jianfu.Platform.Auth;
using Jianfu.Platform.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jianfu.Modules.Organisation;

/// <summary>
/// Sign-in with user name and password. Five wrong passwords pause the account for 15 minutes (an administrator, or
/// `jianfu users unlock NAME` on the server, lifts the pause); attempts are limited per address (LoginLimiter).
/// </summary>
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

            var user = userName.Length > 256 ? null : await users.FindByNameAsync(userName.Trim());
            if (user is null || !user.IsActive)
            {
                // As much work and the same answer as a wrong password, so that neither tells whether the name exists.
                users.PasswordHasher.VerifyHashedPassword(Placeholder, PlaceholderHash.Value, password);
                return Refused();
            }

            // A locked account answers like a wrong password too: otherwise five tries would tell that the name exists.
            var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            return result.Succeeded ? user : Refused();
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

        private static readonly AppUser Placeholder = new() { UserName = "-" };

        private static readonly Lazy<string> PlaceholderHash = new(() => new PasswordHasher<AppUser>().HashPassword(Placeholder, Guid.NewGuid().ToString()));

        public const string RefusedMessage = "用户名或密码错误。连续输错5次的账号会暂停登录15分钟,可请系统管理员解除。";

        private static Error Refused() => new("invalid-credentials", RefusedMessage, StatusCodes.Status401Unauthorized);
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
