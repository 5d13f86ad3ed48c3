using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Organisation.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.AspNetCore.Identity;

namespace Jianfu.Modules.Organisation;

/// <summary>An admin creates an account with its first role grant; the password is set by the admin and changed by the user.</summary>
internal static class CreateUser
{
    public sealed record Request(string? UserName, string? DisplayName, string? Password, string? Role, string? UnitCode, string? Department, string? Phone);

    public sealed class Handler(JianfuDbContext db, AdminAccess access, UserManager<AppUser> users, GrantRole.Handler grants, TimeProvider time)
    {
        public async Task<Result<string>> HandleAsync(Request r, CancellationToken ct)
        {
            var scope = await access.RequireAdminOfAsync(r.UnitCode, ct);
            if (!scope.IsSuccess)
            {
                return scope.Error!;
            }

            var problems = new Problems();
            if (string.IsNullOrWhiteSpace(r.UserName) || r.UserName.Trim().Length > 64)
            {
                problems.Add("userName", "请填写用户名(不超过64个字符)。");
            }

            if (string.IsNullOrWhiteSpace(r.DisplayName) || r.DisplayName.Length > 64)
            {
                problems.Add("displayName", "请填写姓名(不超过64字)。");
            }

            if (r.Phone is { Length: > 0 } phone && (phone.Length != 11 || !phone.All(char.IsAsciiDigit)))
            {
                problems.Add("phone", "手机号应为11位数字。");
            }

            var grant = grants.Prepare(r.Role, scope.Value.Unit, r.Department);
            if (!grant.IsSuccess && problems.Add(grant.Error) is { } stop)
            {
                return stop;
            }

            if (problems.Any)
            {
                return problems.ToError();
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var user = new AppUser { UserName = r.UserName?.Trim(), DisplayName = r.DisplayName!.Trim(), PhoneNumber = r.Phone, LockoutEnabled = true };
            var created = IdentityResult.Success;
            if (await db.TryAsync(async () => created = await users.CreateAsync(user, r.Password ?? "")) is { } notCreated)
            {
                return notCreated;
            }

            if (!created.Succeeded)
            {
                return Error.Validation("userName", string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            var (role, unit, department) = grant.Value;
            db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = role, UnitId = unit.Id, DepartmentId = department?.Id, GrantedAt = time.UtcNow(), GrantedBy = scope.Value.Admin.DisplayName });
            access.Record(scope.Value.Admin, time.UtcNow(), $"新增用户 {user.UserName}", $"{role.Chinese()} @ {unit.Name}{(department is null ? "" : " " + department.Name)}");
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            await tx.CommitAsync(ct);
            return user.UserName!;
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/admin/users", async (Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(name => Results.Created($"/api/v1/admin/users/{name}", new { userName = name })))
            .WithName("CreateUser")
            .WithSummary("新增用户及其第一个角色授权(系统管理员)");
}
