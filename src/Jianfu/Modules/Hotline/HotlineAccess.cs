using Jianfu.Modules.Hotline.Domain;
using Jianfu.Modules.Organisation.Contracts;

namespace Jianfu.Modules.Hotline;

/// <summary>
/// Who sees which 12345 orders. The district's hotline centre — its list keepers (区减负办) and district-level
/// reviewers — takes orders in and triages them; a department sees what was routed to it; a community's
/// secretary and cadres see their community's orders. Model files are the system administrator's.
/// </summary>
internal static class HotlineAccess
{
    /// <summary>The districts whose hotline centre the user staffs.</summary>
    public static IReadOnlyList<int> CentreDistricts(CurrentUser user) => user.Grants
        .Where(g => g.Role is Role.CatalogueAdmin or Role.Admin || (g.Role == Role.Reviewer && g.Unit.Level == UnitLevel.District))
        .Select(g => g.Unit.DistrictId).Distinct().ToList();

    public static bool IsCentre(CurrentUser user, int districtId) => CentreDistricts(user).Contains(districtId);

    public static bool IsAdmin(CurrentUser user, int districtId) => user.Grants.Any(g => g.Role == Role.Admin && g.Unit.DistrictId == districtId);

    public static IReadOnlyList<int> Departments(CurrentUser user) =>
        user.Grants.Where(g => g.Department is not null).Select(g => g.Department!.Id).Distinct().ToList();

    public static IReadOnlyList<int> Communities(CurrentUser user) =>
        user.Grants.Where(g => g.Role is Role.Secretary or Role.Cadre && g.Unit.Level == UnitLevel.Community).Select(g => g.Unit.Id).Distinct().ToList();

    public static bool CanSee(CurrentUser user, HotlineOrder order) =>
        IsCentre(user, order.DistrictId) || IsDestination(user, order);

    /// <summary>The community or department the order was routed to: they answer it.</summary>
    public static bool IsDestination(CurrentUser user, HotlineOrder order) =>
        order.Status != OrderStatus.Triage &&
        ((order.RouteKind == RouteKind.Community && order.CommunityId is { } c && Communities(user).Contains(c)) ||
         (order.RouteKind == RouteKind.Department && order.DepartmentId is { } d && Departments(user).Contains(d)));
}
