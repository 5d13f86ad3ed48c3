using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Organisation.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Organisation;

/// <summary>Grants a role in a unit; each role belongs at one level (a Secretary in a community, a Reviewer in a township or district…).</summary>
internal static class GrantRole
{
    public sealed record Request(string? Role, string? UnitCode, string? Department);

    public sealed class Handler(JianfuDbContext db, AdminAccess access, TimeProvider time)
    {
        public Result<(Role Role, Unit Unit, Department? Department)> Prepare(string? roleText, Unit unit, string? departmentName)
        {
            if (!Enum.TryParse<Role>(roleText, true, out var role))
            {
                return Error.Validation("role", "角色应为 Admin、CatalogueAdmin、Dispatcher、Reviewer、Secretary、Cadre、Assessor、DataKeeper 或 Privacy。");
            }

            var allowed = role switch
            {
                Role.Secretary or Role.Cadre => unit.Level == UnitLevel.Community,
                Role.CatalogueAdmin or Role.DataKeeper or Role.Privacy => unit.Level == UnitLevel.District,
                Role.Reviewer or Role.Dispatcher or Role.Assessor => unit.Level is UnitLevel.District or UnitLevel.Township,
                _ => true,
            };
            if (!allowed)
            {
                return Error.Validation("unitCode", $"{role.Chinese()}不能授予在{unit.Name}这一级。");
            }

            Department? department = null;
            if (!string.IsNullOrWhiteSpace(departmentName))
            {
                department = db.Departments.FirstOrDefault(d => d.UnitId == unit.Id && d.Name == departmentName.Trim() && d.IsActive);
                if (department is null)
                {
                    return Error.Validation("department", $"{unit.Name}没有名为“{departmentName}”的部门,请先在单位管理中添加。");
                }
            }
            else if (role == Role.Dispatcher)
            {
                return Error.Validation("department", "派单人员须属于一个部门(镇街职能部门或区级部门)。");
            }

            return (role, unit, department);
        }

        public async Task<Result<ListUsers.GrantResponse>> HandleAsync(string userName, Request r, CancellationToken ct)
        {
            var target = await access.RequireAdminOfUserAsync(userName, ct);
            if (!target.IsSuccess)
            {
                return target.Error!;
            }

            var scope = await access.RequireAdminOfAsync(r.UnitCode, ct);
            if (!scope.IsSuccess)
            {
                return scope.Error!;
            }

            var prepared = Prepare(r.Role, scope.Value.Unit, r.Department);
            if (!prepared.IsSuccess)
            {
                return prepared.Error!;
            }

            var (role, unit, department) = prepared.Value;
            var user = target.Value.User;
            if (user.Grants.Any(g => g.Role == role && g.UnitId == unit.Id && g.DepartmentId == department?.Id))
            {
                return Error.Conflict("该用户已有此授权。");
            }

            var grant = new RoleGrant { UserId = user.Id, Role = role, UnitId = unit.Id, DepartmentId = department?.Id, GrantedAt = time.UtcNow(), GrantedBy = scope.Value.Admin.DisplayName };
            db.RoleGrants.Add(grant);
            access.Record(scope.Value.Admin, time.UtcNow(), $"授权 {user.UserName}", $"{role.Chinese()} @ {unit.Name}{(department is null ? "" : " " + department.Name)}");
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return new ListUsers.GrantResponse(grant.Id, role.ToString(), unit.Code, unit.Name, department?.Name);
        }

        public async Task<Result<bool>> RevokeAsync(string userName, int grantId, CancellationToken ct)
        {
            var target = await access.RequireAdminOfUserAsync(userName, ct);
            if (!target.IsSuccess)
            {
                return target.Error!;
            }

            var grant = target.Value.User.Grants.FirstOrDefault(g => g.Id == grantId);
            if (grant is null)
            {
                return Error.NotFound("授权不存在。");
            }

            if (grant.UserId == target.Value.Admin.UserId && grant.Role == Role.Admin)
            {
                return Error.Conflict("不能撤销自己的管理员授权。");
            }

            db.RoleGrants.Remove(grant);
            access.Record(target.Value.Admin, time.UtcNow(), $"撤销授权 {userName}", $"{grant.Role.Chinese()} @ {grant.Unit!.Name}");
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return true;
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/admin/users/{userName}/grants", async (string userName, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(userName, request, ct)).ToHttp(g => Results.Created($"/api/v1/admin/users/{userName}", g)))
            .WithName("GrantRole")
            .WithSummary("给用户增加一个角色授权(角色 + 单位 + 部门)");
        api.MapDelete("/admin/users/{userName}/grants/{grantId:int}", async (string userName, int grantId, Handler handler, CancellationToken ct) =>
                (await handler.RevokeAsync(userName, grantId, ct)).ToHttp(_ => Results.NoContent()))
            .WithName("RevokeGrant")
            .WithSummary("撤销用户的一个角色授权");
    }
}
