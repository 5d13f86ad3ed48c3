using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Organisation.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Organisation;

/// <summary>An Admin manages users, grants and departments of the units within their own unit.</summary>
internal sealed class AdminAccess(JianfuDbContext db, ICurrentUserAccessor current)
{
    public async Task<Result<CurrentUser>> RequireAdminAsync(CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        return user.Has(Role.Admin) ? user : Error.Forbidden("只有系统管理员可以管理用户、授权和单位。");
    }

    public async Task<Result<(CurrentUser Admin, Unit Unit)>> RequireAdminOfAsync(string? unitCode, CancellationToken ct)
    {
        var admin = await RequireAdminAsync(ct);
        if (!admin.IsSuccess)
        {
            return admin.Error!;
        }

        var unit = unitCode is null ? null : await db.Units.FirstOrDefaultAsync(u => u.Code == unitCode.Trim(), ct);
        if (unit is null)
        {
            return Error.Validation("unitCode", $"单位代码“{unitCode}”不存在。");
        }

        return admin.Value.CanAct(Role.Admin, unit.ToInfo()) ? (admin.Value, unit) : Error.Forbidden($"{unit.Name}不在您的管理范围内。");
    }

    /// <summary>A user is the admin's to manage when every grant they hold lies within the admin's scope.</summary>
    public async Task<Result<(CurrentUser Admin, AppUser User)>> RequireAdminOfUserAsync(string userName, CancellationToken ct)
    {
        var admin = await RequireAdminAsync(ct);
        if (!admin.IsSuccess)
        {
            return admin.Error!;
        }

        var normalized = userName.Trim().ToUpperInvariant();
        var user = await db.Users.Include(u => u.Grants).ThenInclude(g => g.Unit).FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (user is null)
        {
            return Error.NotFound($"用户“{userName}”不存在。");
        }

        var scopes = admin.Value.GrantsOf(Role.Admin).Select(g => g.Unit.Path).ToList();
        return user.Grants.All(g => scopes.Any(s => g.Unit!.Path.StartsWith(s, StringComparison.Ordinal)))
            ? (admin.Value, user)
            : Error.Forbidden($"用户“{userName}”有不在您管理范围内的授权。");
    }

    public void Record(CurrentUser admin, DateTime at, string action, string? note = null) =>
        db.OrganisationHistory.Add(new OrganisationHistory { At = at, Actor = admin.DisplayName, Action = action, Note = note });
}
