namespace Jianfu.Modules.Reports.Contracts;

/// <summary>For the inspection register: how many green-channel reports name each recorded visit.</summary>
public interface IInspectionReports
{
    Task<IReadOnlyDictionary<int, int>> CountByVisitAsync(IReadOnlyCollection<int> visitIds, CancellationToken ct);
}
