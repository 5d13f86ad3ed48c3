namespace Jianfu.Modules.Notifications.Contracts;

/// <summary>
/// In-app messages for the other modules: a daily digest of what is overdue, and a message for the few events a person
/// must act on at once — never one per click.
/// </summary>
public interface INotifier
{
    /// <summary>Sends a digest unless this user already has one of this kind today. Returns whether it was sent.</summary>
    Task<bool> SendDigestAsync(string userId, string kind, DateOnly day, string title, string body, string? link, CancellationToken ct);

    /// <summary>
    /// A message about one event, written with the change that caused it (saved by the caller's own save, so there is
    /// no message without the change and no change without its message).
    /// </summary>
    void Queue(string userId, string kind, string title, string body, string? link);

    /// <summary>The number beside the menu's message link.</summary>
    Task<int> UnreadAsync(string userId, CancellationToken ct);
}
