namespace Jianfu.Modules.Hotline.Contracts;

/// <summary>12345 orders waiting in communities' inboxes, for the task inbox to point at.</summary>
public interface IHotlineInbox
{
    /// <summary>Orders routed to these communities and not yet answered.</summary>
    Task<int> OpenOrdersAsync(IReadOnlyCollection<int> communityIds, CancellationToken ct);
}
