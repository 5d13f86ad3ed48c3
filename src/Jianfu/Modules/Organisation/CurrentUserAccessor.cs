using System.Security.Claims;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Organisation;

internal sealed class CurrentUserAccessor(IHttpContextAccessor http, JianfuDbContext db) : ICurrentUserAccessor
{
    private CurrentUser? _user;

    public async Task<CurrentUser> GetAsync(CancellationToken ct = default)
    {
        if (_user is not null)
        {
            return _user;
        }

        var id = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        _user = id is null ? CurrentUser.Anonymous : await LoadAsync(db, id, ct) ?? CurrentUser.Anonymous;
        return _user;
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
