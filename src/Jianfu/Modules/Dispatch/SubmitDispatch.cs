using System.Globalization;
using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;
using DispatchEntity = Jianfu.Modules.Dispatch.Domain.Dispatch;

namespace Jianfu.Modules.Dispatch;

/// <summary>
/// A dispatcher drafts a task for communities and submits it through the access gate. Any Block stops it and
/// nothing is stored as submitted; warnings travel with the dispatch to the reviewer. A returned dispatch is
/// edited and submitted again through the same gate.
/// </summary>
internal static class SubmitDispatch
{
    public const int MaxTitleLength = 200;
    public const int MaxTargets = 2000;

    public sealed record Request(
        string? Title,
        string? Content,
        string? ScreeningCode,
        List<string>? Targets,
        string? DueDate,
        string? Justification,
        string? UrgencyReason = null,
        bool? IsMajor = null,
        List<string>? CoAssignees = null);

    public sealed record Response(int Id, string Status, IReadOnlyList<GateCheck> Checks);

    /// <summary>The request, validated and resolved against the organisation and the catalogue.</summary>
    private sealed record Prepared(
        GrantInfo Grant,
        string Title,
        string Content,
        string? Code,
        DutyItemInfo? Item,
        DateOnly? Due,
        IReadOnlyList<UnitInfo> Communities,
        IReadOnlyList<UserRef> CoAssignees,
        IReadOnlyList<GateCheck> Checks);

    public sealed class Handler(
        JianfuDbContext db,
        ICurrentUserAccessor current,
        IOrganisationDirectory directory,
        ICatalogueLookup catalogue,
        WorkCalendar calendar,
        TimeProvider time,
        IConfiguration config)
    {
        /// <summary>Runs the checks without storing anything: the live check of the drafting page.</summary>
        public async Task<Result<IReadOnlyList<GateCheck>>> PreviewAsync(Request request, int? excludingDispatchId, CancellationToken ct)
        {
            var prepared = await PrepareAsync(request, excludingDispatchId, ct);
            return prepared.IsSuccess ? Result(prepared.Value.Checks) : prepared.Error!;
        }

        public async Task<Result<Response>> SubmitAsync(Request request, CancellationToken ct)
        {
            var prepared = await PrepareAsync(request, null, ct);
            if (!prepared.IsSuccess)
            {
                return prepared.Error!;
            }

            var p = prepared.Value;
            if (AccessGate.Blocks(p.Checks))
            {
                return DispatchEntity.BlockedError(p.Checks);
            }

            var user = await current.GetAsync(ct);
            var now = time.UtcNow();
            var dispatch = NewDispatch(p, user, now);
            Apply(dispatch, request, p);
            var actor = DispatchAccess.ActorOf(user);
            dispatch.Record(actor, now, "起草派单", $"{p.Communities.Count}个村(社区)");
            var error = dispatch.Submit(p.Checks, actor, now);
            if (error is not null)
            {
                return error;
            }

            db.Dispatches.Add(dispatch);
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(dispatch.Id, dispatch.Status.ToString(), dispatch.Checks);
        }

        /// <summary>
        /// Saves without submitting: a new draft, or edits to a draft or a returned dispatch. The checks are stored to
        /// show the dispatcher what the gate will say; nothing reaches a reviewer until it is submitted.
        /// </summary>
        public async Task<Result<Response>> SaveDraftAsync(int? id, Request request, CancellationToken ct)
        {
            var prepared = await PrepareAsync(request, id, ct);
            if (!prepared.IsSuccess)
            {
                return prepared.Error!;
            }

            var p = prepared.Value;
            var user = await current.GetAsync(ct);
            var actor = DispatchAccess.ActorOf(user);
            var now = time.UtcNow();
            DispatchEntity? dispatch;
            if (id is null)
            {
                dispatch = NewDispatch(p, user, now);
                Apply(dispatch, request, p);
                dispatch.Record(actor, now, "保存草稿", $"{p.Communities.Count}个村(社区)");
                db.Dispatches.Add(dispatch);
            }
            else
            {
                dispatch = await db.Dispatches.Include(d => d.Targets).Include(d => d.CoAssignees).AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, ct);
                if (dispatch is null)
                {
                    return Error.NotFound($"派单{id}不存在。");
                }

                if (!DispatchAccess.IsIssuer(user, dispatch))
                {
                    return Error.Forbidden("只有发起部门可以修改此派单。");
                }

                if (!dispatch.IsOpenForEditing)
                {
                    return Error.Conflict($"当前状态为“{dispatch.Status.Chinese()}”,只有草稿或已退回的派单可以修改。");
                }

                Apply(dispatch, request, p);
                dispatch.Record(actor, now, "修改草稿", null);
            }

            dispatch.Checks = [.. p.Checks];
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(dispatch.Id, dispatch.Status.ToString(), dispatch.Checks);
        }

        /// <summary>Resubmits a returned dispatch (or submits a draft) after editing.</summary>
        public async Task<Result<Response>> ResubmitAsync(int id, Request request, CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var dispatch = await db.Dispatches
                .Include(d => d.Targets).Include(d => d.CoAssignees).Include(d => d.History)
                .AsSplitQuery()
                .FirstOrDefaultAsync(d => d.Id == id, ct);
            if (dispatch is null)
            {
                return Error.NotFound($"派单{id}不存在。");
            }

            if (!DispatchAccess.IsIssuer(user, dispatch))
            {
                return Error.Forbidden("只有发起部门可以修改此派单。");
            }

            var prepared = await PrepareAsync(request, id, ct);
            if (!prepared.IsSuccess)
            {
                return prepared.Error!;
            }

            if (!dispatch.IsOpenForEditing)
            {
                return Error.Conflict($"当前状态为“{dispatch.Status.Chinese()}”,只有草稿或已退回的派单可以修改后提交。");
            }

            if (AccessGate.Blocks(prepared.Value.Checks))
            {
                return DispatchEntity.BlockedError(prepared.Value.Checks);
            }

            var now = time.UtcNow();
            Apply(dispatch, request, prepared.Value);
            var error = dispatch.Submit(prepared.Value.Checks, DispatchAccess.ActorOf(user), now);
            if (error is not null)
            {
                return error;
            }

            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(dispatch.Id, dispatch.Status.ToString(), dispatch.Checks);
        }

        private static DispatchEntity NewDispatch(Prepared p, CurrentUser user, DateTime now) => new()
        {
            Title = p.Title,
            Content = p.Content,
            DistrictId = p.Grant.Unit.DistrictId,
            IssuerUnitId = p.Grant.Unit.Id,
            IssuerUnitName = p.Grant.Unit.Name,
            DepartmentId = p.Grant.Department?.Id,
            DepartmentName = p.Grant.Department?.Name ?? p.Grant.Unit.Name,
            DispatcherId = user.UserId!,
            DispatcherName = user.DisplayName,
            ReviewUnitId = p.Grant.Unit.Id,
            Status = DispatchStatus.Draft,
            CreatedAt = now,
        };

        private static void Apply(DispatchEntity d, Request request, Prepared p)
        {
            d.Title = p.Title;
            d.Content = p.Content;
            d.ScreeningCode = p.Code;
            d.DutyItemName = p.Item?.Name;
            d.CatalogueVersionId = p.Item?.CatalogueVersionId;
            d.DueDate = p.Due;
            d.Justification = Clean(request.Justification);
            d.UrgencyReason = Clean(request.UrgencyReason);
            d.IsMajor = request.IsMajor ?? false;
            d.Targets.Clear();
            d.Targets.AddRange(p.Communities.Select(c => new DispatchTarget { CommunityId = c.Id, CommunityCode = c.Code, CommunityName = c.Name }));
            d.CoAssignees.Clear();
            d.CoAssignees.AddRange(p.CoAssignees.Select(u => new CoAssignee { UserId = u.Id, Name = u.DisplayName }));
        }

        private async Task<Result<Prepared>> PrepareAsync(Request r, int? excludingDispatchId, CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var grant = DispatchAccess.DispatcherGrant(user);
            if (grant is null)
            {
                return Error.Forbidden("只有职能部门的派单人员可以向村(社区)派单。");
            }

            var title = r.Title?.Trim() ?? "";
            var content = r.Content?.Trim() ?? "";
            var problems = new Problems();
            if (title.Length == 0)
            {
                problems.Add("title", "请填写任务标题。");
            }
            else if (title.Length > MaxTitleLength)
            {
                problems.Add("title", $"任务标题不能超过{MaxTitleLength}字。");
            }

            if (content.Length == 0)
            {
                problems.Add("content", "请填写任务内容和具体要求。");
            }
            else if (content.Length > AccessGate.MaxContentLength * 5)
            {
                // Far beyond the gate's 4,000-character rule: refused outright rather than stored.
                problems.Add("content", $"任务内容过长({content.Length}字),请精简到{AccessGate.MaxContentLength}字以内。");
            }

            if (r.Justification is { Length: > 2000 } || r.UrgencyReason is { Length: > 500 })
            {
                problems.Add("justification", "特殊情况说明不超过2000字,紧急原因不超过500字。");
            }

            DateOnly? due = null;
            var today = time.Today();
            if (!string.IsNullOrWhiteSpace(r.DueDate))
            {
                var read = DateText.Parse(r.DueDate, "dueDate", "完成时限");
                if (!read.IsSuccess)
                {
                    problems.Add(read.Error);
                }
                else if (read.Value < today)
                {
                    problems.Add("dueDate", "完成时限不能早于今天。");
                }
                else
                {
                    due = read.Value;
                }
            }

            var communities = await ResolveTargetsAsync(r.Targets, grant, ct);
            if (!communities.IsSuccess && problems.Add(communities.Error) is { } stop)
            {
                return stop;
            }

            var coAssignees = new List<UserRef>();
            foreach (var name in (r.CoAssignees ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal))
            {
                if (await directory.FindUserAsync(name.Trim(), ct) is { } found)
                {
                    coAssignees.Add(found);
                }
                else
                {
                    problems.Add("coAssignees", $"协同人员“{name}”不存在。");
                }
            }

            if (problems.Any)
            {
                return problems.ToError();
            }

            // Codes are compared as the catalogue stores them: upper case (xz-13 is XZ-13).
            var code = Clean(r.ScreeningCode)?.ToUpperInvariant();
            var item = code is null ? null : await catalogue.FindPublishedAsync(grant.Unit.DistrictId, code, ct);
            var ids = communities.Value.Select(c => c.Id).ToList();
            var input = new GateInput(
                title, content, code, item, r.Justification, due, r.UrgencyReason, today,
                await FindNearDuplicates.RecentAsync(db, ids, title + "\n" + content, excludingDispatchId, today, ct),
                await LoadAsync(communities.Value, today, ct),
                config.GetValue("Jianfu:Gate:WeeklyTaskThreshold", 10),
                item is null ? null : await catalogue.SuggestAsync(grant.Unit.DistrictId, title + "\n" + content, code, ct));
            return new Prepared(grant, title, content, code, item, due, communities.Value, coAssignees, AccessGate.Run(input, calendar));
        }

        /// <summary>Community codes, or a township code meaning "all communities of the township".</summary>
        private async Task<Result<IReadOnlyList<UnitInfo>>> ResolveTargetsAsync(List<string>? codes, GrantInfo grant, CancellationToken ct)
        {
            var list = (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
            if (list.Count == 0)
            {
                return Error.Validation("targets", "请至少选择一个接收任务的村(社区)。");
            }

            if (list.Count > MaxTargets)
            {
                return Error.Validation("targets", $"一次最多向{MaxTargets}个单位派单。");
            }

            var units = await directory.FindUnitsAsync(list, ct);
            var unknown = list.Except(units.Select(u => u.Code), StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                return Error.Validation("targets", $"单位代码不存在:{string.Join("、", unknown.Take(10))}。");
            }

            var outside = units.Where(u => !u.IsWithin(grant.Unit.Path)).ToList();
            if (outside.Count > 0)
            {
                return Error.Forbidden($"{string.Join("、", outside.Take(5).Select(u => u.Name))}不在{grant.Unit.Name}的派单范围内。");
            }

            var result = new List<UnitInfo>();
            foreach (var unit in units)
            {
                switch (unit.Level)
                {
                    case UnitLevel.Community:
                        result.Add(unit);
                        break;
                    case UnitLevel.Township:
                        result.AddRange(await directory.CommunitiesWithinAsync(unit.Path, ct));
                        break;
                    default:
                        return Error.Validation("targets", $"“{unit.Name}”是区县,请选择村(社区)或镇街。");
                }
            }

            return Result<IReadOnlyList<UnitInfo>>.Ok(result.DistinctBy(u => u.Id).OrderBy(u => u.Code, StringComparer.Ordinal).ToList());
        }

        private async Task<IReadOnlyDictionary<string, int>> LoadAsync(IReadOnlyList<UnitInfo> communities, DateOnly today, CancellationToken ct)
        {
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var since = monday.StartUtc();
            var ids = communities.Select(c => c.Id).ToList();
            var counts = await db.CommunityTasks.AsNoTracking()
                .Where(t => ids.Contains(t.CommunityId) && t.CreatedAt >= since)
                .Where(CommunityTask.Unfinished)
                .GroupBy(t => t.CommunityId)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync(ct);
            var names = communities.ToDictionary(c => c.Id, c => c.Name);
            return counts.ToDictionary(c => names[c.Key], c => c.Count);
        }

        private static Result<IReadOnlyList<GateCheck>> Result(IReadOnlyList<GateCheck> checks) => Result<IReadOnlyList<GateCheck>>.Ok(checks);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/dispatches", async (Request request, Handler handler, CancellationToken ct) =>
                (await handler.SubmitAsync(request, ct)).ToHttp(r => Results.Created($"/api/v1/dispatches/{r.Id}", r)))
            .WithName("SubmitDispatch")
            .WithSummary("新建派单并提交准入审核;有阻断项时返回 422 且不保存")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/dispatches/check", async (Request request, Handler handler, CancellationToken ct) =>
                (await handler.PreviewAsync(request, null, ct)).ToHttp(checks => Results.Ok(new { checks })))
            .WithName("CheckDispatch")
            .WithSummary("只做自动检查,不保存(起草时实时提示)");
        api.MapPost("/dispatches/drafts", async (Request request, Handler handler, CancellationToken ct) =>
                (await handler.SaveDraftAsync(null, request, ct)).ToHttp(r => Results.Created($"/api/v1/dispatches/{r.Id}", r)))
            .WithName("SaveDispatchDraft")
            .WithSummary("保存派单草稿(不提交审核;返回自动检查结果供参考)")
            .Produces<Response>(StatusCodes.Status201Created);
        api.MapPut("/dispatches/{id:int}/draft", async (int id, Request request, Handler handler, CancellationToken ct) =>
                (await handler.SaveDraftAsync(id, request, ct)).ToHttp(Results.Ok))
            .WithName("UpdateDispatchDraft")
            .WithSummary("修改草稿或被退回的派单,暂不提交")
            .Produces<Response>();
        api.MapPut("/dispatches/{id:int}", async (int id, Request request, Handler handler, CancellationToken ct) =>
                (await handler.ResubmitAsync(id, request, ct)).ToHttp(Results.Ok))
            .WithName("ResubmitDispatch")
            .WithSummary("修改被退回的派单并重新提交审核")
            .Produces<Response>();
    }
}
