using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Organisation.Contracts;
using DispatchEntity = Jianfu.Modules.Dispatch.Domain.Dispatch;

namespace Jianfu.Modules.Dispatch;

/// <summary>Who may see and act on a dispatch, from the user's grants and the dispatch's units.</summary>
internal static class DispatchAccess
{
    public static Actor ActorOf(CurrentUser user) => new(user.UserId!, user.DisplayName);

    /// <summary>The Dispatcher grant a user drafts under: a township department or a district agency.</summary>
    public static GrantInfo? DispatcherGrant(CurrentUser user) =>
        user.GrantsOf(Role.Dispatcher).FirstOrDefault(g => g.Department is not null) ?? user.GrantsOf(Role.Dispatcher).FirstOrDefault();

    public static bool IsIssuer(CurrentUser user, DispatchEntity d) =>
        d.DispatcherId == user.UserId ||
        (d.DepartmentId is { } dept && user.GrantsOf(Role.Dispatcher).Any(g => g.Department?.Id == dept));

    public static bool IsReviewer(CurrentUser user, UnitInfo reviewUnit) => user.CanAct(Role.Reviewer, reviewUnit);

    public static bool IsReroutedBody(CurrentUser user, DispatchEntity d) =>
        d.RerouteDepartmentId is { } dept && user.Grants.Any(g => g.Department?.Id == dept);

    /// <summary>Community roles see a dispatch only through their own community's task.</summary>
    public static IReadOnlySet<int> CommunityScope(CurrentUser user, DispatchEntity d, IReadOnlyDictionary<int, UnitInfo> communities) =>
        d.Targets
            .Where(t => communities.TryGetValue(t.CommunityId, out var unit) &&
                        (user.CanAct(Role.Secretary, unit) || user.CanAct(Role.Cadre, unit)))
            .Select(t => t.CommunityId)
            .ToHashSet();

    public static bool IsCoAssignee(CurrentUser user, DispatchEntity d) => d.CoAssignees.Any(c => c.UserId == user.UserId);

    /// <summary>District oversight: the list keeper and admin of the district see every dispatch in it.</summary>
    public static bool IsOverseer(CurrentUser user, UnitInfo reviewUnit) =>
        user.CanAct(Role.CatalogueAdmin, reviewUnit) || user.CanAct(Role.Admin, reviewUnit);
}
