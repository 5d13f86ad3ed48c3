namespace Jianfu.Modules.Dispatch.Contracts;

/// <summary>One community task as assessment counts it: due when, done when, confirmed, ever sent back.</summary>
public sealed record TaskFact(int CommunityId, string? AssigneeId, string? AssigneeName, DateOnly? Due, DateOnly? CompletedOn, bool Confirmed, bool Returned);

/// <summary>For assessment: what the district's communities were given to do in a period and how it went.</summary>
public interface ITaskFigures
{
    /// <summary>The tasks issued to the district's communities between the two instants (UTC, end exclusive).</summary>
    Task<IReadOnlyList<TaskFact>> TasksIssuedAsync(int districtId, DateTime fromUtc, DateTime toUtc, CancellationToken ct);

    /// <summary>Per department, its dispatches the gate rejected between the two instants.</summary>
    Task<IReadOnlyDictionary<int, int>> RejectedDispatchesAsync(int districtId, DateTime fromUtc, DateTime toUtc, CancellationToken ct);
}
