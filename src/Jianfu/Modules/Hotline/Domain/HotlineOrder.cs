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

/// <summary>One step of an order's history: who did what, when.</summary>
internal sealed class HotlineOrderHistory
{
    public long Id { get; set; }

    public int OrderId { get; set; }

    public DateTime At { get; set; }

    public required string Actor { get; set; }

    public required string Action { get; set; }

    public string? Note { get; set; }
}
