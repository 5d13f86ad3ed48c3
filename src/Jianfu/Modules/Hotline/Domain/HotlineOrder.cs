using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;

namespace Jianfu.Modules.Hotline.Domain;

public enum OrderStatus
{
    /// <summary>待人工分拨: the model was not sure enough, or the route needs a person.</summary>
    Triage,

    /// <summary>已分拨: sent to a community's inbox or to a department.</summary>
    Routed,

    /// <summary>已办结: the destination answered.</summary>
    Handled,
}

public enum RouteKind
{
    Community,
    Department,
}

/// <summary>A 12345 hotline order (工单) of a district: what the citizen said, where it went, and who decided.</summary>
internal sealed class HotlineOrder : IVersioned
{
    public int Id { get; set; }

    public int RowVersion { get; set; }

    public int DistrictId { get; set; }

    /// <summary>The hotline system's order number (工单编号), unique in the district: importing twice adds nothing.</summary>
    public required string ExternalId { get; set; }

    public required string Text { get; set; }

    public int? CommunityId { get; set; }

    public string? CommunityName { get; set; }

    public DateTime ReceivedAt { get; set; }

    public OrderStatus Status { get; set; }

    public RouteKind? RouteKind { get; set; }

    public string? ScreeningCode { get; set; }

    public string? DutyItemName { get; set; }

    public int? DepartmentId { get; set; }

    public string? DepartmentName { get; set; }

    /// <summary>What the model said, and how sure it was, even when a person decided.</summary>
    public string? PredictedLabel { get; set; }

    public float? Confidence { get; set; }

    /// <summary>The version of the model that routed (or tried to route) the order.</summary>
    public string? ModelVersion { get; set; }

    public string? TriageReason { get; set; }

    /// <summary>The label a person gave in triage: training data for the next model.</summary>
    public string? ManualLabel { get; set; }

    public string? RoutedBy { get; set; }

    public DateTime? RoutedAt { get; set; }

    public string? Reply { get; set; }

    public DateTime? HandledAt { get; set; }

    public List<HotlineOrderHistory> History { get; set; } = [];

    /// <summary>The destination the label leads to, set by the model (automatic) or a person (manual).</summary>
    public void RouteTo(RouteDecision decision, string actor, DateTime now, bool manual, string? label)
    {
        Status = OrderStatus.Routed;
        RouteKind = decision.Kind;
        ScreeningCode = decision.Item?.ScreeningCode;
        DutyItemName = decision.Item?.Name;
        DepartmentId = decision.Department?.Id;
        DepartmentName = decision.Department?.Name;
        TriageReason = null;
        RoutedBy = actor;
        RoutedAt = now;
        if (manual)
        {
            ManualLabel = label;
        }

        var where = decision.Kind == Domain.RouteKind.Community
            ? $"下发{CommunityName}({decision.Item!.ScreeningCode} {decision.Item.Name})"
            : $"转{decision.Department!.Name}" + (decision.Item is null ? "" : $"({decision.Item.ScreeningCode} {decision.Item.Name})");
        Record(actor, now, manual ? "人工分拨" : "自动分拨", manual ? where : $"{where};系统按以往已办工单判断,把握较大");
    }

    /// <summary>The order as the hotline handed it over: its first history entry.</summary>
    public void Receive(string actor, DateTime now) => Record(actor, now, "受理工单", null);

    public void SendToTriage(string reason, string actor, DateTime now)
    {
        Status = OrderStatus.Triage;
        TriageReason = reason;
        Record(actor, now, "转人工分拨", reason);
    }

    public Error? Handle(string reply, string actor, DateTime now)
    {
        if (Status != OrderStatus.Routed)
        {
            return Error.Conflict(Status == OrderStatus.Handled ? "该工单已办结。" : "该工单尚未分拨,不能办结。");
        }

        Status = OrderStatus.Handled;
        Reply = reply;
        HandledAt = now;
        Record(actor, now, "办结", reply);
        return null;
    }

    private void Record(string actor, DateTime at, string action, string? note) =>
        History.Add(new HotlineOrderHistory { At = at, Actor = actor, Action = action, Note = note });
}

internal sealed class HotlineOrderHistory
{
    public long Id { get; set; }

    public int OrderId { get; set; }

    public DateTime At { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public string? Note { get; set; }
}

/// <summary>A trained routing model of a district, stored in the database so every server instance routes alike.</summary>
internal sealed class RoutingModel : IVersioned
{
    public int Id { get; set; }

    public int RowVersion { get; set; }

    public int DistrictId { get; set; }

    public required string Version { get; set; }

    public DateTime TrainedAt { get; set; }

    public int TrainingRows { get; set; }

    public float Threshold { get; set; }

    public double CalibrationPrecision { get; set; }

    public double CalibrationCoverage { get; set; }

    public required string Labels { get; set; }

    public required byte[] File { get; set; }

    public bool IsActive { get; set; }

    public DateTime UploadedAt { get; set; }

    public required string UploadedBy { get; set; }
}

/// <summary>Where a label sends an order: a community's inbox (with the list item that puts it there) or a department.</summary>
internal sealed record RouteDecision(RouteKind Kind, DutyItemInfo? Item, DepartmentRef? Department);

internal sealed record DepartmentRef(int Id, string Name);

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
