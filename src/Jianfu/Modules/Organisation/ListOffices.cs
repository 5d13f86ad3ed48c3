using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Organisation;

/// <summary>
/// The admin page's units: the districts and townships within the admin's own grants, each with its departments and,
/// for a township, how many villages and communities it has.
/// </summary>
internal static class ListOffices
{
    public sealed record Office(int Id, string Code, string Name, string KindText, int? Communities, IReadOnlyList<ListDepartments.DepartmentResponse> Departments);

    public sealed class Handler(JianfuDbContext db, AdminAccess access)
    {
        public async Task<Result<List<Office>>> HandleAsync(CancellationToken ct)
        {
            var admin = await access.RequireAdminAsync(ct);
            if (!admin.IsSuccess)
            {
                return admin.Error!;
            }

            var scopes = admin.Value.GrantsOf(Role.Admin).Select(g => g.Unit.Path).ToList();
            var units = (await db.Units.AsNoTracking().Where(u => u.Level != UnitLevel.Community).OrderBy(u => u.Code).ToListAsync(ct))
                .Where(u => scopes.Any(s => u.Path.StartsWith(s, StringComparison.Ordinal))).ToList();
            var ids = units.Select(u => u.Id).ToList();
            var departments = await db.Departments.AsNoTracking().Where(d => ids.Contains(d.UnitId)).OrderBy(d => d.Id).ToListAsync(ct);
            var communities = await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.Community && u.ParentId != null && ids.Contains(u.ParentId.Value))
                .GroupBy(u => u.ParentId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            return units.Select(u => new Office(
                u.Id, u.Code, u.Name, u.Kind.Chinese(), u.Level == UnitLevel.Township ? communities.GetValueOrDefault(u.Id) : null,
                departments.Where(d => d.UnitId == u.Id).Select(d => new ListDepartments.DepartmentResponse(d.Id, d.Name, d.IsActive)).ToList())).ToList();
        }
    }
}
