namespace Jianfu.Modules.Hotline.Contracts;

/// <summary>One 12345 order routed in a period: where to, and when it was answered (null: not yet).</summary>
public sealed record OrderFact(int? CommunityId, int? DepartmentId, DateTime RoutedAt, DateTime? HandledAt);

/// <summary>For assessment: the 12345 orders routed to the district's communities and departments.</summary>
public interface IHotlineFigures
{
    /// <summary>The orders routed between the two instants (UTC, end exclusive).</summary>
    Task<IReadOnlyList<OrderFact>> OrdersRoutedAsync(int districtId, DateTime fromUtc, DateTime toUtc, CancellationToken ct);
}
