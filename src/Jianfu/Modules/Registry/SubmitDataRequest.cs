using System.Text.Json;
using Jianfu.Modules.Notifications.Contracts;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Registry;

/// <summary>
/// A department asks the system, not the village (向系统要数据): its purpose, the legal basis, the fields, the condition
/// (the ledgers' vocabulary) and the unit, within the department's own area. The district's data keeper decides.
/// </summary>
public static class SubmitDataRequest
{
    public sealed record Request(string? Purpose, string? Basis, IReadOnlyList<string>? Fields, IReadOnlyList<LedgerCondition>? Conditions, string? Scope, int? FromDispatchId = null);

    public sealed record Response(int Id, string Status);

    internal sealed class Handler(JianfuDbContext db, RegistryAccess access, INotifier notifier, TimeProvider time)
    {
        public async Task<Result<Response>> HandleAsync(Request r, CancellationToken ct)
        {
            var user = await access.UserAsync(ct);
            var grant = user.Grants.FirstOrDefault(g => g.Role == Role.Dispatcher && g.Department is not null);
            if (grant is null)
            {
                return Error.Forbidden("数据申请由职能部门提交:请以部门派单人员的身份登录。");
            }

            var scope = string.IsNullOrWhiteSpace(r.Scope) ? grant.Unit : await access.Directory.FindUnitAsync(r.Scope.Trim(), ct);
            if (scope is null || !scope.IsWithin(grant.Unit.Path))
            {
                return Error.Validation("scope", $"范围应为{grant.Unit.Name}或其下的镇街、村(社区)。");
            }

            var problems = new Problems();
            var purpose = r.Purpose?.Trim() ?? "";
            if (purpose.Length is < 4 or > DataRequest.MaxPurpose)
            {
                problems.Add("purpose", $"请写明用途(4至{DataRequest.MaxPurpose}字)。");
            }

            var basis = r.Basis?.Trim() ?? "";
            if (basis.Length is < 4 or > DataRequest.MaxBasis)
            {
                problems.Add("basis", $"请写明依据的法律法规或文件(4至{DataRequest.MaxBasis}字)。");
            }

            if (problems.Any)
            {
                return problems.ToError();
            }

            var read = LedgerQuery.Read(r.Conditions, r.Fields);
            if (!read.IsSuccess)
            {
                return read.Error!;
            }

            var request = new DataRequest
            {
                DistrictId = scope.DistrictId, DepartmentId = grant.Department!.Id, DepartmentName = grant.Department.Name, RequesterId = user.UserId!, RequesterName = user.DisplayName,
                Purpose = purpose, Basis = basis, Fields = string.Join(',', read.Value.Columns), ConditionsJson = JsonSerializer.Serialize(r.Conditions, JsonSerializerOptions.Web),
                ScopeUnitId = scope.Id, ScopeCode = scope.Code, ScopeName = scope.Name, FromDispatchId = r.FromDispatchId, Status = DataRequestStatus.Submitted,
                SubmittedAt = time.UtcNow(),
            };
            if (request.ConditionsJson.Length > 4000)
            {
                return Error.Validation("conditions", "条件太长,请精简。");
            }

            db.DataRequests.Add(request);
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            foreach (var keeper in await access.Directory.UsersWithRoleAsync(Role.DataKeeper, request.DistrictId, ct))
            {
                notifier.Queue(keeper.Id, "data-request", "数据申请待审批", $"{request.DepartmentName}申请{request.ScopeName}的居民数据:{purpose}", $"/registry/requests/{request.Id}");
            }

            await db.TrySaveAsync(ct);
            return new Response(request.Id, request.Status.ToString());
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/data-requests", async (Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(r => Results.Created($"/api/v1/data-requests/{r.Id}", r)))
            .WithName("SubmitDataRequest")
            .WithSummary("职能部门向区数据管理员申请居民数据(用途、依据、字段、条件、范围),代替向村(社区)派任务")
            .Produces<Response>(StatusCodes.Status201Created);
}
