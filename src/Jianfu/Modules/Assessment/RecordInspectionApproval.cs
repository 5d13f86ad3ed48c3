using Jianfu.Modules.Assessment.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// The assessment office records a one-by-one approval (一事一报) for an inspection outside the plan — approved by the
/// leader in charge and then the top leader — before the visit can be recorded.
/// </summary>
public static class RecordInspectionApproval
{
    /// <param name="Reference">The approval as written: document number, who approved it, why.</param>
    public sealed record Request(string? District, string? Reference);

    public sealed record Response(int Id, string Reference);

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access, TimeProvider time)
    {
        public async Task<Result<Response>> HandleAsync(Request r, CancellationToken ct)
        {
            var keeper = await access.KeeperOfAsync(r.District, ct);
            if (!keeper.IsSuccess)
            {
                return keeper.Error!;
            }

            var (user, district) = keeper.Value;
            var approval = New(district.Id, r.Reference, AssessmentAccess.ActorOf(user), time.UtcNow());
            if (!approval.IsSuccess)
            {
                return approval.Error!;
            }

            db.InspectionApprovals.Add(approval.Value);
            if (await access.SaveWithEventAsync(district.Id, "approval", () => approval.Value.Id, user, approval.Value.RecordedAt, "登记计划外检查审批", approval.Value.Reference, ct) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(approval.Value.Id, approval.Value.Reference);
        }

        public static Result<InspectionApproval> New(int districtId, string? reference, string actor, DateTime now)
        {
            var text = reference?.Trim() ?? "";
            return text.Length is < 4 or > InspectionApproval.MaxReference
                ? Error.Validation("approval", $"请写明一事一报的审批情况(文号或批准人、事由,4至{InspectionApproval.MaxReference}字)。")
                : new InspectionApproval { DistrictId = districtId, Reference = text, RecordedAt = now, RecordedBy = actor };
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/inspection-approvals", async (Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(r => Results.Created($"/api/v1/inspection-approvals/{r.Id}", r)))
            .WithName("RecordInspectionApproval")
            .WithSummary("登记计划外督查检查的一事一报审批(区考核办),之后才能登记该次检查")
            .Produces<Response>(StatusCodes.Status201Created);
}
