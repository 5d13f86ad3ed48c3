namespace Jianfu.Modules.Dispatch;

/// <summary>A village task after one of its steps (receive, assign, complete, send back, confirm), as the API answers it.</summary>
internal sealed record TaskResponse(
    int TaskId, int DispatchId, string Status, string StatusText, string? Assignee, string? Result, bool Overdue, string? ReturnReason = null, int TimesReturned = 0)
{
    public static TaskResponse From(Domain.CommunityTask t, DateOnly today) =>
        new(t.Id, t.DispatchId, t.Status.ToString(), Domain.CommunityTaskStatusNames.Chinese(t.Status), t.AssigneeName, t.Result, t.IsOverdue(today),
            t.ReturnReason, t.TimesReturned);
}
