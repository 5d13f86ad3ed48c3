using System.Security.Claims;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Organisation;

/// <summary>
/// The signed-in user of this request, read once. It is read on a database context of its own: the layout and the page
/// ask for it at the same moment, and the page may be reading the request's own context meanwhile, which a context
/// does not allow.
/// </summary>
internal sealed class CurrentUserAccessor(IHttpContextAccessor http, IServiceScopeFactory scopes) : ICurrentUserAccessor
{
    private Task<CurrentUser>? _user;

    public Task<CurrentUser> GetAsync(CancellationToken ct = default) => _user ??= ReadAsync();

    private async Task<CurrentUser> ReadAsync()
    {
        var id = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return CurrentUser.Anonymous;
        }

        using var scope = scopes.CreateScope();
        return await LoadAsync(scope.ServiceProvider.GetRequiredService<JianfuDbContext>(), id, CancellationToken.None) ?? CurrentUser.Anonymous;
    }

    public static async Task<CurrentUser?> LoadAsync(JianfuDbContext db, string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive)
            .Select(u => new { u.Id, u.UserName, u.DisplayName })
            .FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }

        var grants = await db.RoleGrants.AsNoTracking()
            .Where(g => g.UserId == userId)
            .OrderBy(g => g.Id)
            .Select(g => new { g.Role, g.Unit, g.Department })
            .ToListAsync(ct);
        var infos = grants.Select(g => new GrantInfo(
            g.Role,
            g.Unit!.ToInfo(),
            g.Department is null ? null : new DepartmentInfo(g.Department.Id, g.Department.Name, g.Unit.Id, g.Unit.Name, g.Unit.Level))).ToList();
        return new CurrentUser(user.Id, user.UserName ?? "", user.DisplayName, infos);
    }
}
