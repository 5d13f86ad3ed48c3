namespace Jianfu.Modules.Dispatch.Contracts;

/// <summary>A community task as other modules see it (a burden report may point at one).</summary>
public sealed record TaskInfo(int TaskId, int DispatchId, int CommunityId, string Title, string? ScreeningCode, int? DepartmentId, string DepartmentName, string? AssigneeId);

/// <summary>A confirmed task with what was done, for turning it into a case of the case library.</summary>
public sealed record TaskOutcome(int TaskId, int CommunityId, string CommunityName, string Title, string Content, string? Result,
    string? AssigneeName, string DepartmentName, string? ScreeningCode, DateTime? ConfirmedAt);

public interface IDispatchLookup
{
    /// <summary>The task if it is confirmed (确认办结), else null.</summary>
    Task<TaskOutcome?> FindConfirmedAsync(int taskId, CancellationToken ct);

    Task<TaskInfo?> FindTaskAsync(int taskId, CancellationToken ct);
}
