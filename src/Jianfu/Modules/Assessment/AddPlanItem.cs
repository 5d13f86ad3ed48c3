using Jianfu.Modules.Assessment.Domain;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// The assessment office adds an item to the year's plan before it is published: name, content, organiser, window,
/// targets, method and the fixed team. There is no field for materials, reports or accompaniment. Items with the same
/// targets and similar content are returned as merge suggestions.
/// </summary>
public static class AddPlanItem
{
    /// <param name="Targets">"community", "township", or unit codes, separated by commas.</param>
    /// <param name="Method">实地, 暗访 or 数据核查 (onsite, unannounced, data-check).</param>
    /// <param name="Team">The fixed team's members, separated by "、".</param>
    public sealed record Request(string? Name, string? Content, string? Organiser, DateOnly? From, DateOnly? To, string? Targets, string? Method, string? Team);

    public sealed record Suggestion(int ItemId, string Name, string Message);

    public sealed record Response(int Id, IReadOnlyList<Suggestion> Suggestions);

    internal sealed class Handler(AssessmentAccess access, TimeProvider time)
    {
        public async Task<Result<Response>> HandleAsync(int planId, Request r, CancellationToken ct)
        {
            var found = await access.PlanToKeepAsync(planId, "只有本区考核办可以编制督查检查考核计划。", ct);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var (user, district, plan) = found.Value;

            if (plan.IsPublished)
            {
                return Error.Conflict("年度计划已发布,不能再增加事项;计划外的督查检查考核须一事一报、经审批后才能开展。");
            }

            var problems = new Problems();
            var name = r.Name?.Trim() ?? "";
            if (name.Length is 0 or > InspectionPlanItem.MaxName)
            {
                problems.Add("name", $"请填写事项名称(不超过{InspectionPlanItem.MaxName}字)。");
            }

            var content = r.Content?.Trim() ?? "";
            if (content.Length > InspectionPlanItem.MaxContent)
            {
                problems.Add("content", $"内容不超过{InspectionPlanItem.MaxContent}字。");
            }

            var organiser = r.Organiser?.Trim() ?? "";
            if (organiser.Length is 0 or > 100)
            {
                problems.Add("organiser", "请填写牵头单位(不超过100字)。");
            }

            if (r.From is not { } from || r.To is not { } to || from > to || from.Year != plan.Year || to.Year != plan.Year)
            {
                problems.Add("from", $"请填写{plan.Year}年内的开始和结束日期(开始不晚于结束)。");
            }

            var targets = string.Join(",", (r.Targets ?? "").Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries).Distinct());
            if (targets.Length is 0 or > 500)
            {
                problems.Add("targets", "请填写检查对象:community(村社区)、township(镇街),或单位代码(以逗号分隔)。");
            }
            else
            {
                foreach (var code in targets.Split(',').Where(t => t is not ("community" or "township")))
                {
                    if (await access.Directory.FindUnitAsync(code, ct) is not { } unit || !unit.IsWithin(district.Path))
                    {
                        problems.Add("targets", $"“{code}”不是本区的单位代码。");
                    }
                }
            }

            var method = InspectionMethodNames.Parse(r.Method);
            if (method is null)
            {
                problems.Add("method", "方式应为 实地、暗访 或 数据核查。");
            }

            var team = string.Join("、", (r.Team ?? "").Split(['、', ',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (team.Length is 0 or > 500)
            {
                problems.Add("team", "请填写固定检查组成员(以顿号分隔,不超过500字)。");
            }

            if (problems.Any)
            {
                return problems.ToError();
            }

            var now = time.UtcNow();
            var item = new InspectionPlanItem
            {
                Name = name, Content = content, Organiser = organiser, From = r.From!.Value, To = r.To!.Value, Targets = targets, Method = method!.Value, Team = team,
                CreatedAt = now, CreatedBy = AssessmentAccess.ActorOf(user),
            };
            plan.Items.Add(item);
            if (await access.SaveWithEventAsync(district.Id, "plan", () => plan.Id, user, now, "增加计划事项", $"{name}({organiser},{item.From:MM-dd}至{item.To:MM-dd})", ct) is { } notSaved)
            {
                return notSaved;
            }

            var suggestions = InspectionPlan.MergeSuggestions(plan.Items).Where(p => p.A == item || p.B == item).Select(p => p.A == item ? p.B : p.A)
                .Select(o => new Suggestion(o.Id, o.Name, $"与“{o.Name}”(牵头:{o.Organiser})检查对象相同、内容相近,建议合并为一次。")).ToList();
            return new Response(item.Id, suggestions);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/inspection-plans/{id:int}/items", async (int id, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(r => Results.Created($"/api/v1/inspection-plans/{id}", r)))
            .WithName("AddPlanItem")
            .WithSummary("向未发布的年度计划增加督查检查考核事项:名称、内容、牵头单位、起止日期、检查对象、方式(实地/暗访/数据核查)、固定检查组;返回合并建议")
            .Produces<Response>(StatusCodes.Status201Created);
}
