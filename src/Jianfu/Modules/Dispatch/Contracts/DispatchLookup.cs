namespace Jianfu.Modules.Dispatch.Contracts;

/// <summary>A community task as other modules see it (a burden report may point at one).</summary>
public sealed record TaskInfo(int TaskId, int DispatchId, int CommunityId, string Title, string? ScreeningCode, int? DepartmentId, string DepartmentName, string? AssigneeId);

public interface IDispatchLookup
{
    Task<TaskInfo?> FindTaskAsync(int taskId, CancellationToken ct);

    /// <summary>Tasks sent to the communities with these ids in the last <paramref name="days"/> days, newest first.</summary>
    Task<IReadOnlyList<TaskInfo>> RecentTasksAsync(IReadOnlyCollection<int> communityIds, int days, CancellationToken ct);
}
