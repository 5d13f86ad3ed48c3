using System.Text.Json;
using Jianfu.Modules.Assessment.Domain;
using Jianfu.Modules.Notifications.Contracts;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// An inspection visit is recorded as it happened: against a published plan item that covers the unit on that day, or
/// outside the plan with its one-by-one approval (an approval id recorded before, or the approval written here) —
/// 422 without one. The visited unit is not notified; above the yearly threshold the district's assessment office
/// and burden-reduction office are.
/// </summary>
public static class RecordInspectionVisit
{
    /// <param name="Approval">Outside the plan: the id of a recorded approval (number), or the approval's text.</param>
    public sealed record Request(int? PlanItemId, string? UnitCode, DateOnly? Date, string? Findings, JsonElement? Approval, string? Team = null);

    public sealed record Response(int Id, bool Planned, int VisitsThisYear, string? Warning);

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access, GetInspectionPlan.Handler plans, INotifier notifier, TimeProvider time)
    {
        public async Task<Result<Response>> HandleAsync(Request r, CancellationToken ct)
        {
            var user = await access.UserAsync(ct);
            var unit = string.IsNullOrWhiteSpace(r.UnitCode) ? null : await access.Directory.FindUnitAsync(r.UnitCode.Trim(), ct);
            if (unit is null || unit.Level == UnitLevel.District)
            {
                return Error.Validation("unitCode", "请填写被检查的镇街或村(社区)的单位代码。");
            }

            var district = await access.Directory.FindUnitAsync(unit.DistrictId, ct);
            if (district is null || !AssessmentAccess.RecordsVisits(user, district))
            {
                return Error.Forbidden("只有区考核办和区减负办可以登记督查检查。");
            }

            var problems = new Problems();
            var today = time.Today();
            if (r.Date is not { } date || date > today || date.Year < today.Year - 1)
            {
                problems.Add("date", "请填写检查日期(不晚于今天)。");
            }

            var findings = r.Findings?.Trim() ?? "";
            if (findings.Length is 0 or > InspectionVisit.MaxFindings)
            {
                problems.Add("findings", $"请填写检查发现(不超过{InspectionVisit.MaxFindings}字)。");
            }

            if (problems.Any)
            {
                return problems.ToError();
            }

            var item = r.PlanItemId is { } itemId
                ? await db.InspectionPlanItems.AsNoTracking().Include(i => i.Plan).FirstOrDefaultAsync(i => i.Id == itemId && i.Plan!.DistrictId == district.Id, ct)
                : null;
            if (r.PlanItemId is not null && item is null)
            {
                return Error.Validation("planItemId", "该计划事项不存在。");
            }

            var planned = item is { Plan.IsPublished: true } && item.IsOpenOn(r.Date!.Value) && item.Covers(unit.Path, unit.Code, unit.Level.ApiName());
            var now = time.UtcNow();
            InspectionApproval? approval = null;
            if (!planned)
            {
                var found = await ApprovalAsync(r.Approval, district.Id, AssessmentAccess.ActorOf(user), now, ct);
                if (!found.IsSuccess)
                {
                    return found.Error!;
                }

                approval = found.Value;
                if (approval is null)
                {
                    var why = item is null ? "不在年度计划内" : !item.Plan!.IsPublished ? "所属计划尚未发布" : "不在该计划事项的时间或检查对象范围内";
                    return new Error("outside-plan", $"这次检查{why}:计划外的督查检查考核须一事一报,经审批后才能开展和登记,请填写审批情况。");
                }
            }

            var team = r.Team?.Trim() is { Length: > 0 } given ? given : item?.Team ?? "";
            var visit = new InspectionVisit
            {
                DistrictId = district.Id, PlanItemId = planned ? item!.Id : null, UnitId = unit.Id, UnitCode = unit.Code, UnitName = unit.Name, Date = r.Date!.Value,
                Team = team.Length > 500 ? team[..500] : team, Findings = findings, RecordedAt = now, RecordedBy = AssessmentAccess.ActorOf(user),
            };
            if (approval is { Id: 0 })
            {
                visit.Approval = approval;
            }
            else
            {
                visit.ApprovalId = approval?.Id;
            }

            var start = new DateOnly(visit.Date.Year, 1, 1);
            var count = await db.InspectionVisits.CountAsync(v => v.UnitId == unit.Id && v.Date >= start && v.Date <= start.AddYears(1).AddDays(-1), ct) + 1;
            string? warning = null;
            if (count > plans.Threshold)
            {
                warning = $"{unit.Name}{visit.Date.Year}年已接受督查检查{count}次,超过{plans.Threshold}次的提示线,请统筹合并。";
                var offices = (await access.Directory.UsersWithRoleAsync(Role.Assessor, district.Id, ct)).Concat(await access.Directory.UsersWithRoleAsync(Role.CatalogueAdmin, district.Id, ct));
                foreach (var office in offices.DistinctBy(u => u.Id))
                {
                    notifier.Queue(office.Id, "inspection-overload", "督查检查次数超过提示线", warning, "/assessment/inspections");
                }
            }

            db.InspectionVisits.Add(visit);
            var note = $"{unit.Name} {visit.Date:yyyy-MM-dd}" + (planned ? $",计划事项:{item!.Name}" : $",计划外,审批:{approval!.Reference}");
            if (await access.SaveWithEventAsync(district.Id, "visit", () => visit.Id, user, now, "登记督查检查", note, ct) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(visit.Id, planned, count, warning);
        }

        /// <summary>The approval given: a recorded one by id, or a new one from its text; null when none is given.</summary>
        private async Task<Result<InspectionApproval?>> ApprovalAsync(JsonElement? given, int districtId, string actor, DateTime now, CancellationToken ct)
        {
            switch (given)
            {
                case { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var id):
                    var recorded = await db.InspectionApprovals.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.DistrictId == districtId, ct);
                    return recorded is null ? Error.Validation("approval", "该审批记录不存在。") : Result<InspectionApproval?>.Ok(recorded);
                case { ValueKind: JsonValueKind.String } s when !string.IsNullOrWhiteSpace(s.GetString()):
                    var made = RecordInspectionApproval.Handler.New(districtId, s.GetString(), actor, now);
                    return made.IsSuccess ? Result<InspectionApproval?>.Ok(made.Value) : made.Error!;
                default:
                    return Result<InspectionApproval?>.Ok(null);
            }
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/inspection-visits", async (Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(r => Results.Created($"/api/v1/inspection-visits/{r.Id}", r)))
            .WithName("RecordInspectionVisit")
            .WithSummary("登记一次督查检查:计划事项、被检查单位、日期、发现;计划外且无一事一报审批时返回 422(不通知被检查单位)")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
