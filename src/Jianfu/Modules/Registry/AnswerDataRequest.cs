using System.Text.Json;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Registry;

/// <summary>
/// An approved data request answered from the registry, now, with only the fields allowed — the village does nothing.
/// Every answer read is logged; the first counts the request as a village task avoided.
/// </summary>
public static class AnswerDataRequest
{
    public sealed record Response(int Id, DateTime GeneratedAt, int Count, bool Truncated, IReadOnlyList<LedgerColumn> Columns, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows);

    internal sealed class Handler(JianfuDbContext db, GetDataRequest.Handler requests, RegistryAccess access, LedgerRunner runner, TimeProvider time)
    {
        public async Task<Result<Response>> HandleAsync(int id, CancellationToken ct)
        {
            var found = await requests.FindAsync(id, ct, tracked: true);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var (request, user, _) = found.Value;
            if (!user.Grants.Any(g => g.Department?.Id == request.DepartmentId))
            {
                return Error.Forbidden("数据申请的答复只给申请的部门。");
            }

            if (request.Status != DataRequestStatus.Approved)
            {
                return Error.Conflict(request.Status == DataRequestStatus.Submitted ? "数据申请尚未审批。" : "数据申请未获批准。");
            }

            var scope = await access.Directory.FindUnitAsync(request.ScopeUnitId, ct);
            var criteria = LedgerQuery.Read(JsonSerializer.Deserialize<List<LedgerCondition>>(request.ConditionsJson, JsonSerializerOptions.Web));
            if (scope is null || !criteria.IsSuccess)
            {
                return criteria.Error ?? Error.NotFound("申请的范围已不存在。");
            }

            // The fields allowed are given as they are: the approval is the need for them.
            var output = await runner.RunAsync(criteria.Value, request.ApprovedList, new RegistryAccess.Reader(user, scope, true, true), LedgerRunner.MaxExportRows, ct);
            if (!output.IsSuccess)
            {
                return output.Error!;
            }

            var now = time.UtcNow();
            request.Answered(now);
            access.Log(user, request.DistrictId, AccessKind.Answer, $"数据申请{request.Id}:{request.Purpose}", scope.Code, output.Value.Rows.Count);
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            var o = output.Value;
            return new Response(request.Id, now, o.Count, o.Truncated, o.Columns, o.Rows);
        }

        public async Task<Result<byte[]>> ExcelAsync(int id, CancellationToken ct)
        {
            var answer = await HandleAsync(id, ct);
            if (!answer.IsSuccess)
            {
                return answer.Error!;
            }

            var a = answer.Value;
            var user = await access.UserAsync(ct);
            return await LedgerWorkbook.BytesAsync("数据", a.Columns, a.Rows,
            [
                ("数据申请", $"第{a.Id}号"), ("条数", a.Count), ("生成时间", a.GeneratedAt.ToLocalText()), ("取用人", user.DisplayName),
                ("说明", "由系统根据人口数据生成,村(社区)无需填报;仅限申请的用途使用。"),
            ], ct);
        }
    }

    internal static async Task<IResult> DownloadAsync(int id, Handler handler, CancellationToken ct) =>
        (await handler.ExcelAsync(id, ct)).ToHttp(b => Results.File(b, LedgerWorkbook.ContentType, $"数据申请{id}.xlsx"));

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/data-requests/{id:int}/answer", async (int id, Handler handler, CancellationToken ct) => (await handler.HandleAsync(id, ct)).ToHttp(Results.Ok))
            .WithName("AnswerDataRequest")
            .WithSummary("已批准的数据申请的答复:按批准的字段即时从人口数据生成,记入访问记录")
            .Produces<Response>();
        api.MapGet("/data-requests/{id:int}/answer.xlsx", DownloadAsync)
            .WithName("ExportDataRequestAnswer")
            .WithSummary("数据申请答复 .xlsx(含取用人和生成时间)");
    }
}
