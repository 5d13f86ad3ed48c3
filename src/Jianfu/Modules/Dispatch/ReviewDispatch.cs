using System.Globalization;
using Jianfu.Modules.Dispatch.Data;
using Jianfu.Modules.Notifications.Contracts;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Dispatch;

/// <summary>
/// The human half of the gate: the township deputy secretary (or the district 减负办 for district agencies)
/// approves, rejects with an optional reroute to the body that should do it, or returns for revision.
/// </summary>
internal static class ReviewDispatch
{
    public sealed record Request(string? Decision, string? Reason, string? RerouteTo, string? MeetingDate = null, string? MeetingOutcome = null, bool? MarkMajor = null);

    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, IOrganisationDirectory directory, INotifier notifier, TimeProvider time)
    {
        public async Task<Result<DispatchView>> HandleAsync(int id, Request request, CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var dispatch = await GetDispatch.LoadAsync(db, id, ct);
            if (dispatch is null)
            {
                return Error.NotFound($"派单{id}不存在。");
            }

            var reviewUnit = (await directory.FindUnitAsync(dispatch.ReviewUnitId, ct))!;
            if (!DispatchAccess.IsReviewer(user, reviewUnit))
            {
                return Error.Forbidden($"此派单由{reviewUnit.Name}审核,您没有审核权限。");
            }

            if (request.Reason is { Length: > 2000 })
            {
                return Error.Validation("reason", "理由不超过2000字。");
            }

            var actor = DispatchAccess.ActorOf(user);
            var now = time.UtcNow();
            if (request.MarkMajor == true && dispatch.MarkMajor(actor, now) is { } notMarked)
            {
                return notMarked;
            }

            Error? error;
            switch (request.Decision?.Trim().ToLowerInvariant())
            {
                case "approve":
                    DateOnly? meeting = null;
                    if (!string.IsNullOrWhiteSpace(request.MeetingDate))
                    {
                        var read = DateText.Parse(request.MeetingDate, "meetingDate", "会议日期");
                        if (!read.IsSuccess)
                        {
                            return read.Error!;
                        }

                        var m = read.Value;

                        if (m > time.Today())
                        {
                            return Error.Validation("meetingDate", "集体研究的会议日期不能晚于今天。");
                        }

                        meeting = m;
                    }

                    error = dispatch.Approve(actor, now, meeting, request.MeetingOutcome, request.Reason);
                    break;
                case "reject":
                    int? rerouteId = null;
                    string? rerouteName = null;
                    if (!string.IsNullOrWhiteSpace(request.RerouteTo))
                    {
                        var body = await FindRerouteBodyAsync(reviewUnit, request.RerouteTo.Trim(), ct);
                        if (body is null)
                        {
                            return Error.Validation("rerouteTo", $"未找到转派单位“{request.RerouteTo}”,请从{reviewUnit.Name}的部门或区级部门中选择。");
                        }

                        (rerouteId, rerouteName) = (body.Id, body.Name);
                    }

                    error = dispatch.Reject(actor, now, request.Reason, rerouteId, rerouteName);
                    break;
                case "return":
                    error = dispatch.Return(actor, now, request.Reason);
                    break;
                default:
                    return Error.Validation("decision", "审核决定只能是 approve(批准)、reject(驳回)或 return(退回修改)。");
            }

            if (error is not null)
            {
                return error;
            }

            if (dispatch.Status != Domain.DispatchStatus.Approved)
            {
                return await db.TrySaveAsync(ct) is { } notSaved ? notSaved : DispatchView.From(dispatch, time.Today());
            }

            // The decision, its messages and the tasks it creates are saved together or not at all; the tasks go in bulk.
            await TellSecretariesAsync(dispatch, ct);
            var issued = IssuedTasks.TakeFrom(db, dispatch);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.TrySaveAsync(ct) is { } lost)
            {
                return lost;
            }

            await issued.WriteAsync(db, ct);
            await transaction.CommitAsync(ct);
            return DispatchView.From(dispatch, time.Today());
        }

        /// <summary>New work arrives: each target community's secretary is told at once, in the same save as the tasks.</summary>
        private async Task TellSecretariesAsync(Domain.Dispatch dispatch, CancellationToken ct)
        {
            var communities = dispatch.Tasks.Select(t => t.CommunityId).ToList();
            var due = dispatch.DueDate is { } d ? $",{d:M月d日}前完成" : "";
            foreach (var (_, secretary) in await directory.UsersWithRoleInAsync(Role.Secretary, communities, ct))
            {
                notifier.Queue(secretary.Id, "task-arrived", $"新任务:{dispatch.Title}", $"{dispatch.IssuerUnitName}{dispatch.DepartmentName}派来{due}。请到任务收件箱签收。", "/inbox");
            }
        }

        /// <summary>One of <see cref="RerouteBodiesAsync"/>, by id or exact name (or else a part of the name).</summary>
        private async Task<DepartmentInfo?> FindRerouteBodyAsync(UnitInfo reviewUnit, string nameOrId, CancellationToken ct)
        {
            var candidates = await RerouteBodiesAsync(directory, reviewUnit, ct);
            return candidates.FirstOrDefault(d => d.Id.ToString(CultureInfo.InvariantCulture) == nameOrId)
                   ?? candidates.FirstOrDefault(d => d.Name == nameOrId)
                   ?? candidates.FirstOrDefault(d => d.Name.Contains(nameOrId, StringComparison.Ordinal));
        }
    }

    /// <summary>Where a rejected dispatch may be rerouted: a department of the reviewing unit, or an agency of its district.</summary>
    public static async Task<List<DepartmentInfo>> RerouteBodiesAsync(IOrganisationDirectory directory, UnitInfo reviewUnit, CancellationToken ct)
    {
        var candidates = (await directory.DepartmentsOfAsync(reviewUnit.Id, ct)).ToList();
        if (reviewUnit.DistrictId != reviewUnit.Id)
        {
            candidates.AddRange(await directory.DepartmentsOfAsync(reviewUnit.DistrictId, ct));
        }

        return candidates;
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/dispatches/{id:int}/decision", async (int id, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(Results.Ok))
            .WithName("ReviewDispatch")
            .WithSummary("审核决定:approve 批准、reject 驳回(可转派)、return 退回修改;清单外或重大事项(可由审核人以 markMajor 标记)批准时须附 meetingDate 和 meetingOutcome")
            .Produces<DispatchView>();
}
