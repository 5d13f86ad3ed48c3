using Jianfu.Modules.Notifications.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Registry;

/// <summary>
/// The district's data keeper approves a data request — all the fields asked, or fewer (the minimum needed, 个人信息保护法
/// 第六条) — or refuses it with the reason. The department is told; an approved request is answered from the registry.
/// </summary>
public static class DecideDataRequest
{
    public sealed record Request(string? Decision, string? Reason, IReadOnlyList<string>? Fields = null);

    internal sealed class Handler(JianfuDbContext db, GetDataRequest.Handler requests, INotifier notifier, TimeProvider time)
    {
        public async Task<Result<GetDataRequest.View>> HandleAsync(int id, Request r, CancellationToken ct)
        {
            var found = await requests.FindAsync(id, ct, tracked: true);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var (request, user, keeper) = found.Value;
            if (!keeper)
            {
                return Error.Forbidden("只有区数据管理员可以审批数据申请。");
            }

            var now = time.UtcNow();
            var error = r.Decision?.Trim() switch
            {
                "approve" => request.Approve(r.Fields, r.Reason, user.DisplayName, now),
                "reject" => request.Reject(r.Reason, user.DisplayName, now),
                _ => Error.Validation("decision", "审批结果应为 approve(批准)或 reject(不批准)。"),
            };
            if (error is not null)
            {
                return error;
            }

            notifier.Queue(request.RequesterId, "data-request", request.Status == Domain.DataRequestStatus.Approved ? "数据申请已批准" : "数据申请未批准",
                request.Status == Domain.DataRequestStatus.Approved ? $"“{request.Purpose}”的数据已可查看和下载。" : $"“{request.Purpose}”:{request.Reason}",
                $"/registry/requests/{request.Id}");
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return await requests.HandleAsync(id, ct);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/data-requests/{id:int}/decision", async (int id, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(Results.Ok))
            .WithName("DecideDataRequest")
            .WithSummary("区数据管理员审批数据申请:approve(可只批准部分字段)或 reject(须写明理由)")
            .Produces<GetDataRequest.View>();
}
