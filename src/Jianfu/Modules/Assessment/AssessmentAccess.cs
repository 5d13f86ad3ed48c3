using Jianfu.Modules.Assessment.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// Who may do what in assessment. The district's assessment office (<see cref="Role.Assessor"/> in the district) keeps
/// its indicator sets, schemes, posters and the inspection plan; anyone with a role in the district reads what is
/// published; drafts are the office's own. Boards and results are read within the reader's scope.
/// </summary>
internal sealed class AssessmentAccess(JianfuDbContext db, ICurrentUserAccessor current, IOrganisationDirectory directory)
{
    public Task<CurrentUser> UserAsync(CancellationToken ct) => current.GetAsync(ct);

    public IOrganisationDirectory Directory => directory;

    public static string ActorOf(CurrentUser user) => user.DisplayName;

    public static bool Keeps(CurrentUser user, UnitInfo district) => user.CanAct(Role.Assessor, district);

    public static bool Reads(CurrentUser user, UnitInfo district) => user.Grants.Any(g => g.Unit.DistrictId == district.Id);

    /// <summary>Inspection visits are recorded, and read in full, by the district's assessment office and burden-reduction office.</summary>
    public static bool RecordsVisits(CurrentUser user, UnitInfo district) => Keeps(user, district) || user.CanAct(Role.CatalogueAdmin, district);

    /// <summary>
    /// The units whose visits the user sees as one of the visited: a village's secretary and cadres, a township's deputy
    /// secretary (its villages too). District-level roles read visits as an office, or not at all.
    /// </summary>
    public static IEnumerable<UnitInfo> VisitedUnits(CurrentUser user) =>
        user.Grants.Where(g => g.Role is Role.Secretary or Role.Cadre or Role.Reviewer && g.Unit.Level != UnitLevel.District).Select(g => g.Unit).DistinctBy(u => u.Id);

    /// <summary>Whether the user is one of the visited unit's people, and so may report the visit.</summary>
    public static bool WasVisited(CurrentUser user, UnitInfo unit) => VisitedUnits(user).Any(u => unit.IsWithin(u.Path));

    /// <summary>The district named by <paramref name="code"/>, if the user keeps its assessment.</summary>
    public async Task<Result<(CurrentUser User, UnitInfo District)>> KeeperOfAsync(string? code, CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        var district = string.IsNullOrWhiteSpace(code) ? null : await directory.FindUnitAsync(code.Trim(), ct);
        if (district is null || district.Level != UnitLevel.District)
        {
            return Error.Validation("district", "请填写区(县)的行政区划代码。");
        }

        return Keeps(user, district) ? (user, district) : Error.Forbidden("只有本区考核办可以维护考核指标体系和督查检查考核计划。");
    }

    /// <summary>A set with its indicators and components, if the user may read it (drafts: only its keepers).</summary>
    public async Task<Result<(CurrentUser User, UnitInfo District, IndicatorSet Set, bool Keeper)>> SetAsync(int id, CancellationToken ct, bool tracked = false)
    {
        var user = await current.GetAsync(ct);
        var query = db.IndicatorSets.Include(s => s.Indicators).Include(s => s.Components).AsSplitQuery();
        var set = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(s => s.Id == id, ct);
        var district = set is null ? null : await directory.FindUnitAsync(set.DistrictId, ct);
        if (set is null || district is null)
        {
            return Error.NotFound("考核指标体系不存在。");
        }

        var keeper = Keeps(user, district);
        if (!keeper && (set.Status == SetStatus.Draft || !Reads(user, district)))
        {
            return Error.NotFound("考核指标体系不存在。");
        }

        return (user, district, set, keeper);
    }

    /// <summary>The set, for a change by its keeper.</summary>
    public async Task<Result<(CurrentUser User, UnitInfo District, IndicatorSet Set)>> SetToKeepAsync(int id, CancellationToken ct)
    {
        var found = await SetAsync(id, ct, tracked: true);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (user, district, set, keeper) = found.Value;
        return keeper ? (user, district, set) : Error.Forbidden("只有本区考核办可以修改考核指标体系。");
    }

    /// <summary>A plan with its items, for a change by the district's assessment office (a draft plan is the office's own: to anyone else it does not exist).</summary>
    public async Task<Result<(CurrentUser User, UnitInfo District, InspectionPlan Plan)>> PlanToKeepAsync(int id, string refused, CancellationToken ct)
    {
        var plan = await db.InspectionPlans.Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == id, ct);
        var district = plan is null ? null : await directory.FindUnitAsync(plan.DistrictId, ct);
        var user = await current.GetAsync(ct);
        if (plan is null || district is null || !Reads(user, district) || (!plan.IsPublished && !Keeps(user, district)))
        {
            return Error.NotFound("督查检查考核计划不存在。");
        }

        return Keeps(user, district) ? (user, district, plan) : Error.Forbidden(refused);
    }

    /// <summary>
    /// Saves the changes and the entry saying who did what, in one transaction (the entry needs the new record's id);
    /// <paramref name="first"/>, when given, runs inside the transaction before (a change that must be saved earlier).
    /// </summary>
    public Task<Error?> SaveWithEventAsync(
        int districtId, string subject, Func<int> subjectId, CurrentUser user, DateTime at, string action, string? note, CancellationToken ct, Func<Task>? first = null) =>
        db.TryAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (first is not null)
            {
                await first();
            }

            await db.SaveChangesAsync(ct);
            db.AssessmentEvents.Add(new AssessmentEvent
            {
                DistrictId = districtId, Subject = subject, SubjectId = subjectId(), At = at, Actor = ActorOf(user), Action = action,
                Note = note is { Length: > JianfuDbContext.HistoryNoteLength } ? note[..JianfuDbContext.HistoryNoteLength] : note,
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });

    /// <summary>The units a set of this level assesses in the district: its communities, its townships, or its departments.</summary>
    public async Task<IReadOnlyList<Assessed>> AssessedAsync(UnitInfo district, AssessedLevel level, CancellationToken ct)
    {
        if (level == AssessedLevel.Department)
        {
            return (await directory.DepartmentsOfAsync(district.Id, ct))
                .Select(d => new Assessed(d.Id, d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Name, "", null)).ToList();
        }

        var below = await directory.UnitsBelowAsync(district.Path, ct);
        var wanted = level == AssessedLevel.Community ? UnitLevel.Community : UnitLevel.Township;
        return below.Where(u => u.Level == wanted).OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new Assessed(u.Id, u.Code, u.Name, u.Path, u)).ToList();
    }
}

/// <summary>One unit (or department) a set assesses; <c>Path</c> is empty for a department.</summary>
internal sealed record Assessed(int Id, string Code, string Name, string Path, UnitInfo? Unit);

internal static class AssessedLevelNames
{
    public static string ApiName(this AssessedLevel level) => level.ToString().ToLowerInvariant();

    public static string Chinese(this AssessedLevel level) => level switch
    {
        AssessedLevel.Community => "村(社区)",
        AssessedLevel.Township => "镇(街道)",
        _ => "区级部门",
    };

    public static AssessedLevel? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "community" => AssessedLevel.Community,
        "township" => AssessedLevel.Township,
        "department" => AssessedLevel.Department,
        _ => null,
    };

    public static string Chinese(this SetStatus status) => status switch
    {
        SetStatus.Draft => "草稿",
        SetStatus.Published => "已发布",
        _ => "已被新版本替代",
    };

    public static string Chinese(this IndicatorSource source) => source switch
    {
        IndicatorSource.System => "系统计算",
        IndicatorSource.Evaluator => "评价单位打分",
        IndicatorSource.Residents => "群众评价",
        _ => "民主测评",
    };

    public static IndicatorSource? ParseSource(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "system" => IndicatorSource.System,
        "evaluator" => IndicatorSource.Evaluator,
        "residents" => IndicatorSource.Residents,
        "democratic" => IndicatorSource.Democratic,
        _ => null,
    };
}
