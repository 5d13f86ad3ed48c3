using Jianfu.Modules.Organisation.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.AspNetCore.Identity;

namespace Jianfu.Modules.Organisation;

/// <summary>Deactivate or reactivate an account, unlock it after repeated failed logins, or set a new password.</summary>
internal static class UpdateAccount
{
    public sealed record Request(string? Action, string? Password);

    public sealed class Handler(JianfuDbContext db, AdminAccess access, UserManager<AppUser> users, TimeProvider time)
    {
        public async Task<Result<string>> HandleAsync(string userName, Request r, CancellationToken ct)
        {
            var target = await access.RequireAdminOfUserAsync(userName, ct);
            if (!target.IsSuccess)
            {
                return target.Error!;
            }

            var (admin, user) = target.Value;
            // Identity saves each of its steps; one transaction makes the change and its history land together or not at all.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            string done;
            IdentityResult result;
            switch (r.Action?.Trim().ToLowerInvariant())
            {
                case "deactivate":
                    if (user.Id == admin.UserId)
                    {
                        return Error.Conflict("不能停用自己的账号。");
                    }

                    // A new security stamp ends the account's sign-ins and tokens (SessionCheck).
                    user.IsActive = false;
                    result = await users.UpdateSecurityStampAsync(user);
                    done = "停用账号";
                    break;
                case "activate":
                    user.IsActive = true;
                    result = await users.UpdateAsync(user);
                    done = "启用账号";
                    break;
                case "unlock":
                    result = await UnlockAsync(users, user);
                    done = "解除锁定";
                    break;
                case "reset-password":
                    var token = await users.GeneratePasswordResetTokenAsync(user);
                    result = await users.ResetPasswordAsync(user, token, r.Password ?? "");
                    done = "重置密码";
                    break;
                default:
                    return Error.Validation("action", "操作应为 deactivate、activate、unlock 或 reset-password。");
            }

            if (!result.Succeeded)
            {
                db.ChangeTracker.Clear();
                return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                    ? Error.Stale()
                    : Error.Validation("password", string.Join(" ", result.Errors.Select(e => e.Description)));
            }

            access.Record(admin, time.UtcNow(), $"{done} {user.UserName}");
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            await tx.CommitAsync(ct);
            return done;
        }
    }

    /// <summary>Lifts the pause after five wrong passwords; also `jianfu users unlock` on the server.</summary>
    public static async Task<IdentityResult> UnlockAsync(UserManager<AppUser> users, AppUser user)
    {
        var result = await users.SetLockoutEndDateAsync(user, null);
        return result.Succeeded ? await users.ResetAccessFailedCountAsync(user) : result;
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/admin/users/{userName}/account", async (string userName, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(userName, request, ct)).ToHttp(done => Results.Ok(new { done })))
            .WithName("UpdateAccount")
            .WithSummary("停用/启用账号、解除锁定、重置密码(系统管理员)");
}
