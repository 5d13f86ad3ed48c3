using Jianfu.Modules.Catalogue.Contracts;

namespace Jianfu.Modules.Hotline.Domain;

/// <summary>
/// 一办法两清单: an order goes to a community only when the district's list says the matter is the community's
/// (a Statutory or Assistance item); everything else goes to the responsible department — never to a community
/// because a model guessed so.
/// </summary>
internal static class RoutingRules
{
    /// <summary>The destination of <paramref name="label"/> (a screening code or a department name), or the reason a person must decide.</summary>
    public static (RouteDecision? Decision, string? Triage) Decide(string label, DutyItemInfo? item, IReadOnlyList<DepartmentRef> departments, bool hasCommunity)
    {
        DepartmentRef? Department(string name) => departments.FirstOrDefault(d => d.Name == name.Trim());
        if (item is not null)
        {
            if (item.Status == DutyItemStatus.Retired)
            {
                return (null, $"事项 {item.ScreeningCode} {item.Name} 已停用,请人工分拨。");
            }

            if (item.Kind is DutyKind.Statutory or DutyKind.Assistance)
            {
                return hasCommunity
                    ? (new RouteDecision(RouteKind.Community, item, null), null)
                    : (null, $"属于村(社区){item.Kind.Chinese()}“{item.Name}”,但工单未写明所在村(社区),请人工指定。");
            }

            return Department(item.ResponsibleDepartment) is { } owner
                ? (new RouteDecision(RouteKind.Department, item, owner), null)
                : (null, $"事项“{item.Name}”不由村(社区)承担,其责任部门“{item.ResponsibleDepartment}”不在本区部门中,请人工分拨。");
        }

        return Department(label) is { } department
            ? (new RouteDecision(RouteKind.Department, null, department), null)
            : (null, $"分拨结果“{label}”既不是本区清单事项编码,也不是本区部门,请人工分拨。");
    }
}
