using Jianfu.Modules.Cases.Domain;
using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Cases;

/// <summary>
/// A community writes down a case, or turns a confirmed task into one in one action (the task's title and
/// requirements become the problem, its result what was done). Secretaries and cadres write for their own
/// community; the district's list keepers for any community of the district.
/// </summary>
public static class CreateCase
{
    public sealed record Request(string? Title, string? Problem, string? Actions, string? Helpers, string? Outcome, string? Tags, string? CommunityCode);

    public sealed record Response(int Id, string Title);

    internal sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, IOrganisationDirectory directory, IDispatchLookup tasks, TimeProvider time)
    {
        public async Task<Result<Response>> CreateAsync(Request r, CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var community = await CommunityAsync(user, r.CommunityCode, ct);
            if (!community.IsSuccess)
            {
                return community.Error!;
            }

            var title = r.Title?.Trim() ?? "";
            var problem = r.Problem?.Trim() ?? "";
            var actions = r.Actions?.Trim() ?? "";
            if (title.Length is 0 or > 100 || problem.Length is 0 or > 4000 || actions.Length is 0 or > 4000 ||
                (r.Helpers?.Length ?? 0) > 500 || (r.Outcome?.Length ?? 0) > 2000)
            {
                return Error.Validation("title", "请填写标题(不超过100字)、遇到的问题和怎么做的(各不超过4000字);协助单位不超过500字,结果不超过2000字。");
            }

            return await SaveAsync(new CommunityCase
            {
                DistrictId = community.Value.DistrictId, CommunityId = community.Value.Id, CommunityName = community.Value.Name,
                Title = title, Problem = problem, Actions = actions, Helpers = r.Helpers?.Trim() ?? "", Outcome = r.Outcome?.Trim() ?? "",
                Tags = CommunityCase.NormaliseTags(r.Tags), CreatedAt = time.UtcNow(), CreatedBy = user.DisplayName,
            }, ct);
        }

        public async Task<Result<Response>> FromTaskAsync(int taskId, CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var task = await tasks.FindConfirmedAsync(taskId, ct);
            if (task is null)
            {
                return Error.NotFound("没有这项已确认办结的任务;任务经派单部门确认办结后才能转为案例。");
            }

            var unit = await directory.FindUnitAsync(task.CommunityId, ct);
            if (unit is null || !(user.CanAct(Role.Secretary, unit) || user.CanAct(Role.Cadre, unit)))
            {
                return Error.Forbidden("只有任务所在村(社区)的书记和干部可以把它转为案例。");
            }

            if (await db.Cases.AnyAsync(c => c.SourceTaskId == taskId, ct))
            {
                return Error.Conflict("这项任务已经转为案例。");
            }

            return await SaveAsync(new CommunityCase
            {
                DistrictId = unit.DistrictId, CommunityId = unit.Id, CommunityName = unit.Name, Title = task.Title.Length > 100 ? task.Title[..100] : task.Title,
                Problem = task.Content, Actions = task.Result ?? "(办理结果未填写)",
                Helpers = task.DepartmentName + (task.AssigneeName is null ? "" : $";经办:{task.AssigneeName}"),
                Outcome = $"已确认办结{(task.ConfirmedAt is { } at ? $"({at.ToLocalText()})" : "")}",
                Tags = CommunityCase.NormaliseTags(task.ScreeningCode), SourceTaskId = task.TaskId, CreatedAt = time.UtcNow(), CreatedBy = user.DisplayName,
            }, ct);
        }

        private async Task<Result<Response>> SaveAsync(CommunityCase c, CancellationToken ct)
        {
            db.Cases.Add(c);
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(c.Id, c.Title);
        }

        private async Task<Result<UnitInfo>> CommunityAsync(CurrentUser user, string? code, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                var own = user.Grants.FirstOrDefault(g => g.Role is Role.Secretary or Role.Cadre && g.Unit.Level == UnitLevel.Community);
                return own is not null ? own.Unit
                    : user.Has(Role.CatalogueAdmin) ? Error.Validation("communityCode", "请选择案例所属的村(社区)。")
                    : Error.Forbidden("只有村(社区)书记、干部和区减负办可以写案例。");
            }

            var unit = await directory.FindUnitAsync(code.Trim(), ct);
            if (unit is null || unit.Level != UnitLevel.Community)
            {
                return Error.Validation("communityCode", $"“{code}”不是村(社区)。");
            }

            return user.CanAct(Role.Secretary, unit) || user.CanAct(Role.Cadre, unit) || user.CanAct(Role.CatalogueAdmin, unit)
                ? unit
                : Error.Forbidden("只能为本村(社区)或本区(清单管理员)写案例。");
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/cases", async (Request request, Handler handler, CancellationToken ct) =>
                (await handler.CreateAsync(request, ct)).ToHttp(r => Results.Created($"/api/v1/cases/{r.Id}", r)))
            .WithName("CreateCase")
            .WithSummary("写一个案例:问题、怎么做的、谁协助、结果、所在村(社区)、标签");
        api.MapPost("/cases/from-task/{taskId:int}", async (int taskId, Handler handler, CancellationToken ct) =>
                (await handler.FromTaskAsync(taskId, ct)).ToHttp(r => Results.Created($"/api/v1/cases/{r.Id}", r)))
            .WithName("CreateCaseFromTask")
            .WithSummary("把一项已确认办结的任务一键转为案例(任务所在村社区的书记、干部)");
    }
}
