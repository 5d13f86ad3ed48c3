using Jianfu.Modules.Assessment.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>The assessment office opens the district's 督查检查考核 plan for a year (one per district and year).</summary>
public static class CreateInspectionPlan
{
    public sealed record Request(string? District, int? Year);

    public sealed record Response(int Id, int Year);

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
            if (r.Year is not (>= 2000 and <= 2100))
            {
                return Error.Validation("year", "年度应在2000至2100之间。");
            }

            if (await db.InspectionPlans.AnyAsync(p => p.DistrictId == district.Id && p.Year == r.Year, ct))
            {
                return Error.Conflict($"{district.Name}{r.Year}年的督查检查考核计划已经建立。");
            }

            var now = time.UtcNow();
            var plan = new InspectionPlan { DistrictId = district.Id, DistrictCode = district.Code, Year = r.Year.Value, CreatedAt = now, CreatedBy = AssessmentAccess.ActorOf(user) };
            db.InspectionPlans.Add(plan);
            if (await access.SaveWithEventAsync(district.Id, "plan", () => plan.Id, user, now, "建立年度督查检查考核计划", $"{plan.Year}年", ct) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(plan.Id, plan.Year);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/inspection-plans", async (Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(r => Results.Created($"/api/v1/inspection-plans/{r.Id}", r)))
            .WithName("CreateInspectionPlan")
            .WithSummary("建立本区某年度的督查检查考核计划(区考核办;每区每年一个)")
            .Produces<Response>(StatusCodes.Status201Created);
}
