namespace Jianfu.Modules.Notifications.Domain;

/// <summary>
/// An in-app message. Modules send digests (one per user, kind and day) for what is overdue, and a message for the few
/// events a person must act on at once — new work arriving in a village, work assigned or sent back to someone — never
/// one per click: the platform must not become another source of interruptions.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public DateOnly Day { get; set; }

    public required string Kind { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public string? Link { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}
