using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Organisation.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Organisation;

/// <summary>An admin adds a department to a township (or an agency to a district), renames it or stops it (ListDepartments lists them).</summary>
internal static class ManageDepartments
{
    public sealed record Request(string? Name, bool? IsActive = null);

    public sealed class Handler(JianfuDbContext db, AdminAccess access, TimeProvider time)
    {
        public async Task<Result<ListDepartments.DepartmentResponse>> AddAsync(string unitCode, Request r, CancellationToken ct)
        {
            var scope = await access.RequireAdminOfAsync(unitCode, ct);
            if (!scope.IsSuccess)
            {
                return scope.Error!;
            }

            var unit = scope.Value.Unit;
            if (unit.Level == UnitLevel.Community)
            {
                return Error.Validation("unitCode", "村(社区)不设部门。");
            }

            var name = r.Name?.Trim() ?? "";
            if (name.Length is 0 or > 100)
            {
                return Error.Validation("name", "请填写部门名称(不超过100字)。");
            }

            if (await db.Departments.AnyAsync(d => d.UnitId == unit.Id && d.Name == name, ct))
            {
                return Error.Conflict($"{unit.Name}已有“{name}”。");
            }

            var department = new Department { UnitId = unit.Id, Name = name, UpdatedAt = time.UtcNow() };
            db.Departments.Add(department);
            access.Record(scope.Value.Admin, time.UtcNow(), $"新增部门 {unit.Name} {name}");
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return new ListDepartments.DepartmentResponse(department.Id, department.Name, department.IsActive);
        }

        public async Task<Result<ListDepartments.DepartmentResponse>> UpdateAsync(int id, Request r, CancellationToken ct)
        {
            var department = await db.Departments.Include(d => d.Unit).FirstOrDefaultAsync(d => d.Id == id, ct);
            if (department is null)
            {
                return Error.NotFound("部门不存在。");
            }

            var scope = await access.RequireAdminOfAsync(department.Unit!.Code, ct);
            if (!scope.IsSuccess)
            {
                return scope.Error!;
            }

            var before = department.Name;
            if (r.Name is { } name)
            {
                name = name.Trim();
                if (name.Length is 0 or > 100)
                {
                    return Error.Validation("name", "请填写部门名称(不超过100字)。");
                }

                if (name != before && await db.Departments.AnyAsync(d => d.UnitId == department.UnitId && d.Name == name, ct))
                {
                    return Error.Conflict($"{department.Unit.Name}已有“{name}”。");
                }

                department.Name = name;
            }

            if (r.IsActive is { } active)
            {
                department.IsActive = active;
            }

            department.UpdatedAt = time.UtcNow();
            access.Record(scope.Value.Admin, time.UtcNow(), $"修改部门 {department.Unit.Name} {before}",
                $"名称:{department.Name};{(department.IsActive ? "启用" : "停用")}");
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return new ListDepartments.DepartmentResponse(department.Id, department.Name, department.IsActive);
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/admin/units/{code}/departments", async (string code, Request request, Handler handler, CancellationToken ct) =>
                (await handler.AddAsync(code, request, ct)).ToHttp(d => Results.Created($"/api/v1/units/{code}/departments", d)))
            .WithName("AddDepartment")
            .WithSummary("新增部门(系统管理员)");
        api.MapPut("/admin/departments/{id:int}", async (int id, Request request, Handler handler, CancellationToken ct) =>
                (await handler.UpdateAsync(id, request, ct)).ToHttp(Results.Ok))
            .WithName("UpdateDepartment")
            .WithSummary("修改部门名称或停用部门(系统管理员)");
    }
}
