using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Organisation;

/// <summary>The users an admin manages, with their grants, lock-out and status.</summary>
internal static class ListUsers
{
    public sealed record GrantResponse(int Id, string Role, string UnitCode, string UnitName, string? Department);

    public sealed record UserResponse(string UserName, string DisplayName, bool IsActive, bool IsLockedOut, string? Phone, IReadOnlyList<GrantResponse> Grants);

    public sealed class Handler(JianfuDbContext db, AdminAccess access, TimeProvider time)
    {
        public async Task<Result<List<UserResponse>>> HandleAsync(string? query, CancellationToken ct)
        {
            var admin = await access.RequireAdminAsync(ct);
            if (!admin.IsSuccess)
            {
                return admin.Error!;
            }

            var scopes = admin.Value.GrantsOf(Role.Admin).Select(g => g.Unit.Path).ToList();
            var users = await db.Users.AsNoTracking()
                .Include(u => u.Grants).ThenInclude(g => g.Unit)
                .Include(u => u.Grants).ThenInclude(g => g.Department)
                .Where(u => query == null || u.UserName!.Contains(query) || u.DisplayName.Contains(query))
                .OrderBy(u => u.UserName)
                .Take(500)
                .ToListAsync(ct);
            var now = time.GetUtcNow();
            return users
                .Where(u => u.Grants.Count == 0 || u.Grants.Any(g => scopes.Any(s => g.Unit!.Path.StartsWith(s, StringComparison.Ordinal))))
                .Select(u => new UserResponse(
                    u.UserName!, u.DisplayName, u.IsActive, u.LockoutEnd > now, u.PhoneNumber,
                    u.Grants.OrderBy(g => g.Id).Select(g => new GrantResponse(g.Id, g.Role.ToString(), g.Unit!.Code, g.Unit.Name, g.Department?.Name)).ToList()))
                .ToList();
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/admin/users", async (string? q, Handler handler, CancellationToken ct) => (await handler.HandleAsync(q, ct)).ToHttp(Results.Ok))
            .WithName("ListUsers")
            .WithSummary("用户列表(系统管理员,限本单位及下级)")
            .Produces<List<UserResponse>>();
}
