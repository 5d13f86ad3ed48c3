using System.Globalization;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Registry;

/// <summary>Data requests as their readers see them: a department its own, the district's data keeper all of the district's.</summary>
public static class GetDataRequest
{
    public sealed record View(
        int Id, string Department, string Requester, string Purpose, string Basis, IReadOnlyList<string> Fields, IReadOnlyList<string> FieldNames, string Conditions,
        string Scope, string ScopeName, string Status, string StatusText, DateTime SubmittedAt, DateTime? DecidedAt, string? DecidedBy, string? Reason,
        IReadOnlyList<string> ApprovedFields, int Answers, int? FromDispatchId, bool CanDecide, bool CanRead);

    internal sealed class Handler(JianfuDbContext db, RegistryAccess access)
    {
        public async Task<Result<IReadOnlyList<View>>> ListAsync(CancellationToken ct)
        {
            var user = await access.UserAsync(ct);
            var (districts, departments) = Readers(user);
            if (districts.Count == 0 && departments.Count == 0)
            {
                return Error.Forbidden("只有职能部门和区数据管理员可以查看数据申请。");
            }

            var requests = await db.DataRequests.AsNoTracking()
                .Where(d => districts.Contains(d.DistrictId) || departments.Contains(d.DepartmentId))
                .OrderByDescending(d => d.SubmittedAt).Take(500).ToListAsync(ct);
            return requests.Select(d => Describe(d, districts.Contains(d.DistrictId))).ToList();
        }

        public async Task<Result<View>> HandleAsync(int id, CancellationToken ct)
        {
            var found = await FindAsync(id, ct);
            return found.IsSuccess ? Describe(found.Value.Request, found.Value.Keeper) : found.Error!;
        }

        /// <summary>The request, if the user may read it; <c>Keeper</c> when they decide on it.</summary>
        internal async Task<Result<(DataRequest Request, CurrentUser User, bool Keeper)>> FindAsync(int id, CancellationToken ct, bool tracked = false)
        {
            var user = await access.UserAsync(ct);
            var (districts, departments) = Readers(user);
            if (districts.Count == 0 && departments.Count == 0)
            {
                return Error.Forbidden("只有职能部门和区数据管理员可以查看数据申请。");
            }

            var query = tracked ? db.DataRequests : db.DataRequests.AsNoTracking();
            var request = await query.FirstOrDefaultAsync(d => d.Id == id, ct);
            if (request is null || !(districts.Contains(request.DistrictId) || departments.Contains(request.DepartmentId)))
            {
                return Error.NotFound("数据申请不存在。");
            }

            return (request, user, districts.Contains(request.DistrictId));
        }

        private static (List<int> Districts, List<int> Departments) Readers(CurrentUser user) =>
            (user.Grants.Where(g => g.Role == Role.DataKeeper && g.Unit.Level == UnitLevel.District).Select(g => g.Unit.Id).ToList(),
             user.Grants.Where(g => g.Role == Role.Dispatcher && g.Department is not null).Select(g => g.Department!.Id).ToList());

        private static View Describe(DataRequest d, bool keeper) => new(
            d.Id, d.DepartmentName, d.RequesterName, d.Purpose, d.Basis, d.FieldList, d.FieldList.Select(LedgerQuery.ColumnName).ToList(), Conditions(d.ConditionsJson),
            d.ScopeCode, d.ScopeName, d.Status.ToString(), d.Status.Chinese(), DateTime.SpecifyKind(d.SubmittedAt, DateTimeKind.Utc),
            d.DecidedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null, d.DecidedBy, d.Reason, d.ApprovedList, d.Answers, d.FromDispatchId,
            keeper && d.Status == DataRequestStatus.Submitted, !keeper && d.Status == DataRequestStatus.Approved);
    }

    /// <summary>The conditions as a person reads them: 年龄 未来3个月内年满90周岁; 标签 有“独居”.</summary>
    public static string Conditions(string json)
    {
        var conditions = System.Text.Json.JsonSerializer.Deserialize<List<LedgerCondition>>(json, System.Text.Json.JsonSerializerOptions.Web) ?? [];
        return string.Join(";", conditions.Select(c => (c.Field, c.Op) switch
        {
            ("age", "turns-within-months") => $"未来{c.Value[1].GetInt32().ToString(CultureInfo.InvariantCulture)}个月内年满{c.Value[0].GetInt32().ToString(CultureInfo.InvariantCulture)}周岁",
            ("tags", "has-tag") => $"有“{c.Value.GetString()}”标签",
            (var f, var op) => $"{LedgerQuery.FieldName(f ?? "")}{op switch { ">=" => "不小于", "<=" => "不大于", "!=" => "不是", "in" => "属于", _ => "是" }}{Value(c.Value)}",
        }));
    }

    private static string Value(System.Text.Json.JsonElement value) => value.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Array => string.Join("、", value.EnumerateArray().Select(Value)),
        System.Text.Json.JsonValueKind.String => value.GetString() ?? "",
        _ => value.ToString(),
    };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/data-requests", async (Handler handler, CancellationToken ct) => (await handler.ListAsync(ct)).ToHttp(Results.Ok))
            .WithName("ListDataRequests")
            .WithSummary("数据申请:职能部门看本部门的,区数据管理员看全区的")
            .Produces<IReadOnlyList<View>>();
        api.MapGet("/data-requests/{id:int}", async (int id, Handler handler, CancellationToken ct) => (await handler.HandleAsync(id, ct)).ToHttp(Results.Ok))
            .WithName("GetDataRequest")
            .WithSummary("一项数据申请及其审批情况")
            .Produces<View>();
    }
}
