using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Organisation;

internal sealed class OrganisationDirectory(JianfuDbContext db) : IOrganisationDirectory
{
    public async Task<UnitInfo?> FindUnitAsync(string code, CancellationToken ct) =>
        (await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct))?.ToInfo();

    public async Task<UnitInfo?> FindUnitAsync(int id, CancellationToken ct) =>
        (await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct))?.ToInfo();

    public async Task<IReadOnlyList<UnitInfo>> FindUnitsAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var list = codes.Distinct(StringComparer.Ordinal).ToList();
        var units = await db.Units.AsNoTracking().Where(u => list.Contains(u.Code)).ToListAsync(ct);
        return units.Select(u => u.ToInfo()).ToList();
    }

    public async Task<IReadOnlyList<UnitInfo>> DistrictsAsync(CancellationToken ct) =>
        (await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.District).OrderBy(u => u.Code).ToListAsync(ct)).Select(u => u.ToInfo()).ToList();

    public async Task<IReadOnlyList<UnitInfo>> ChildrenAsync(int parentId, CancellationToken ct) =>
        (await db.Units.AsNoTracking().Where(u => u.ParentId == parentId).OrderBy(u => u.Code).ToListAsync(ct)).Select(u => u.ToInfo()).ToList();

    public async Task<IReadOnlyList<UnitInfo>> CommunitiesWithinAsync(string scopePath, CancellationToken ct) =>
        (await db.Units.AsNoTracking()
            .Where(u => u.Level == UnitLevel.Community && u.Path.StartsWith(scopePath))
            .OrderBy(u => u.Code)
            .ToListAsync(ct)).Select(u => u.ToInfo()).ToList();

    public async Task<IReadOnlyList<UnitInfo>> UnitsBelowAsync(string scopePath, CancellationToken ct) =>
        (await db.Units.AsNoTracking()
            .Where(u => u.Level != UnitLevel.District && u.Path.StartsWith(scopePath))
            .OrderBy(u => u.Code)
            .ToListAsync(ct)).Select(u => u.ToInfo()).ToList();

    public async Task<IReadOnlyList<DepartmentInfo>> DepartmentsOfAsync(int unitId, CancellationToken ct) =>
        await db.Departments.AsNoTracking()
            .Where(d => d.UnitId == unitId && d.IsActive)
            .OrderBy(d => d.Id)
            .Select(d => new DepartmentInfo(d.Id, d.Name, d.UnitId, d.Unit!.Name, d.Unit.Level))
            .ToListAsync(ct);

    public async Task<DepartmentInfo?> FindDepartmentAsync(int id, CancellationToken ct) =>
        await db.Departments.AsNoTracking()
            .Where(d => d.Id == id)
            .Select(d => new DepartmentInfo(d.Id, d.Name, d.UnitId, d.Unit!.Name, d.Unit.Level))
            .FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<UserRef>> UsersWithRoleAsync(Role role, int unitId, CancellationToken ct) =>
        await db.RoleGrants.AsNoTracking()
            .Where(g => g.Role == role && g.UnitId == unitId)
            .Join(db.Users.Where(u => u.IsActive), g => g.UserId, u => u.Id, (g, u) => new UserRef(u.Id, u.UserName!, u.DisplayName))
            .Distinct()
            .ToListAsync(ct);

    public async Task<IReadOnlyList<(int UnitId, UserRef User)>> UsersWithRoleInAsync(Role role, IReadOnlyCollection<int> unitIds, CancellationToken ct) =>
        (await db.RoleGrants.AsNoTracking()
            .Where(g => g.Role == role && unitIds.Contains(g.UnitId))
            .Join(db.Users.Where(u => u.IsActive), g => g.UserId, u => u.Id, (g, u) => new { g.UnitId, u.Id, UserName = u.UserName!, u.DisplayName })
            .Distinct()
            .ToListAsync(ct))
        .Select(x => (x.UnitId, new UserRef(x.Id, x.UserName, x.DisplayName))).ToList();

    public async Task<IReadOnlyList<UserRef>> UsersOfDepartmentAsync(int departmentId, CancellationToken ct) =>
        await db.RoleGrants.AsNoTracking()
            .Where(g => g.DepartmentId == departmentId)
            .Join(db.Users.Where(u => u.IsActive), g => g.UserId, u => u.Id, (g, u) => new UserRef(u.Id, u.UserName!, u.DisplayName))
            .Distinct()
            .ToListAsync(ct);

    public async Task<IReadOnlyList<UserRef>> UsersOfDepartmentsAsync(IReadOnlyCollection<int> departmentIds, CancellationToken ct) =>
        await db.RoleGrants.AsNoTracking()
            .Where(g => g.DepartmentId != null && departmentIds.Contains(g.DepartmentId.Value))
            .Join(db.Users.Where(u => u.IsActive), g => g.UserId, u => u.Id, (g, u) => new UserRef(u.Id, u.UserName!, u.DisplayName))
            .Distinct()
            .ToListAsync(ct);

    public async Task<UserRef?> FindUserAsync(string userNameOrId, CancellationToken ct)
    {
        var normalized = userNameOrId.ToUpperInvariant();
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && (u.NormalizedUserName == normalized || u.Id == userNameOrId))
            .Select(u => new UserRef(u.Id, u.UserName!, u.DisplayName))
            .FirstOrDefaultAsync(ct);
    }
}
