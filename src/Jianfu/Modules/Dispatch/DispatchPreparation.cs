using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Registry.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;
using DispatchEntity = Jianfu.Modules.Dispatch.Domain.Dispatch;

namespace Jianfu.Modules.Dispatch;

/// <summary>
/// A submit request validated and resolved against the organisation and the catalogue, with the gate's checks: what
/// submitting, saving a draft, resubmitting and the live check all start from.
/// </summary>
internal sealed record PreparedDispatch(
    GrantInfo Grant,
    string Title,
    string Content,
    string? Code,
    DutyItemInfo? Item,
    DateOnly? Due,
    IReadOnlyList<UnitInfo> Communities,
    IReadOnlyList<UserRef> CoAssignees,
    IReadOnlyList<GateCheck> Checks,
    CodeSuggestions Suggestions)
{
    /// <summary>A new dispatch of the user's department, still a draft.</summary>
    public DispatchEntity NewDispatch(CurrentUser user, DateTime now) => new()
    {
        Title = Title,
        Content = Content,
        DistrictId = Grant.Unit.DistrictId,
        IssuerUnitId = Grant.Unit.Id,
        IssuerUnitName = Grant.Unit.Name,
        DepartmentId = Grant.Department?.Id,
        DepartmentName = Grant.Department?.Name ?? Grant.Unit.Name,
        DispatcherId = user.UserId!,
        DispatcherName = user.DisplayName,
        ReviewUnitId = Grant.Unit.Id,
        Status = DispatchStatus.Draft,
        CreatedAt = now,
    };

    /// <summary>Writes the prepared request into the dispatch: texts, code, due date, targets and co-assignees.</summary>
    public void ApplyTo(DispatchEntity d, SubmitDispatch.Request request)
    {
        d.Title = Title;
        d.Content = Content;
        d.ScreeningCode = Code;
        d.DutyItemName = Item?.Name;
        d.CatalogueVersionId = Item?.CatalogueVersionId;
        d.DueDate = Due;
        d.Justification = Clean(request.Justification);
        d.UrgencyReason = Clean(request.UrgencyReason);
        d.IsMajor = request.IsMajor ?? false;
        d.Targets.Clear();
        d.Targets.AddRange(Communities.Select(c => new DispatchTarget { CommunityId = c.Id, CommunityCode = c.Code, CommunityName = c.Name }));
        d.CoAssignees.Clear();
        d.CoAssignees.AddRange(CoAssignees.Select(u => new CoAssignee { UserId = u.Id, Name = u.DisplayName }));
    }

    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>Prepares a submit request for the gate (<see cref="PrepareAsync"/>) and loads a dispatch for editing.</summary>
internal sealed class DispatchPreparation(
    JianfuDbContext db,
    ICurrentUserAccessor current,
    IOrganisationDirectory directory,
    ICatalogueLookup catalogue,
    IRegistryHoldings holdings,
    WorkCalendar calendar,
    TimeProvider time,
    IConfiguration config)
{
    /// <summary>A draft or returned dispatch the user issued, loaded for editing; <paramref name="doing"/> names the edit in the refusal.</summary>
    public async Task<Result<DispatchEntity>> EditableAsync(int id, CurrentUser user, string doing, CancellationToken ct)
    {
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

        return dispatch.IsOpenForEditing ? dispatch : Error.Conflict($"当前状态为“{dispatch.Status.Chinese()}”,只有草稿或已退回的派单可以{doing}。");
    }

    public async Task<Result<PreparedDispatch>> PrepareAsync(SubmitDispatch.Request r, int? excludingDispatchId, CancellationToken ct)
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
        else if (title.Length > SubmitDispatch.MaxTitleLength)
        {
            problems.Add("title", $"任务标题不能超过{SubmitDispatch.MaxTitleLength}字。");
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
        var code = PreparedDispatch.Clean(r.ScreeningCode)?.ToUpperInvariant();
        var item = code is null ? null : await catalogue.FindPublishedAsync(grant.Unit.DistrictId, code, ct);
        var ids = communities.Value.Select(c => c.Id).ToList();
        // Asked once: the items the text matches (shown while drafting), and how well the chosen item is among them (the gate's code-mismatch check).
        var suggestions = await catalogue.SuggestAsync(grant.Unit.DistrictId, title + "\n" + content, item is null ? null : code, ct);
        var input = new GateInput(
            title, content, code, item, r.Justification, due, r.UrgencyReason, today,
            await FindNearDuplicates.RecentAsync(db, ids, title + "\n" + content, excludingDispatchId, today, ct),
            await WeeklyLoadAsync(communities.Value, today, ct),
            config.GetValue("Jianfu:Gate:WeeklyTaskThreshold", 10),
            item is null ? null : suggestions,
            await holdings.MatchAsync(grant.Unit.DistrictId, title + "\n" + content, ct));
        return new PreparedDispatch(grant, title, content, code, item, due, communities.Value, coAssignees, AccessGate.Run(input, calendar), suggestions);
    }

    /// <summary>Community codes, or a township code meaning "all communities of the township".</summary>
    private async Task<Result<IReadOnlyList<UnitInfo>>> ResolveTargetsAsync(List<string>? codes, GrantInfo grant, CancellationToken ct)
    {
        var list = (codes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            return Error.Validation("targets", "请至少选择一个接收任务的村(社区)。");
        }

        if (list.Count > SubmitDispatch.MaxTargets)
        {
            return Error.Validation("targets", $"一次最多向{SubmitDispatch.MaxTargets}个单位派单。");
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

    /// <summary>Unfinished tasks each community received this week (Monday on), for the gate's load warning.</summary>
    private async Task<IReadOnlyDictionary<string, int>> WeeklyLoadAsync(IReadOnlyList<UnitInfo> communities, DateOnly today, CancellationToken ct)
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
}
