using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Organisation;

/// <summary>The departments of a township (or the agencies of a district), for everyone signed in.</summary>
internal static class ListDepartments
{
    public sealed record DepartmentResponse(int Id, string Name, bool IsActive);

    public sealed class Handler(JianfuDbContext db)
    {
        public async Task<Result<List<DepartmentResponse>>> HandleAsync(string code, CancellationToken ct)
        {
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, ct);
            if (unit is null)
            {
                return Error.NotFound($"单位代码“{code}”不存在。");
            }

            return await db.Departments.AsNoTracking().Where(d => d.UnitId == unit.Id).OrderBy(d => d.Id)
                .Select(d => new DepartmentResponse(d.Id, d.Name, d.IsActive)).ToListAsync(ct);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/units/{code}/departments", async (string code, Handler handler, CancellationToken ct) => (await handler.HandleAsync(code, ct)).ToHttp(Results.Ok))
            .WithName("ListDepartments")
            .WithSummary("镇街的职能部门或区县的区级部门");
}
