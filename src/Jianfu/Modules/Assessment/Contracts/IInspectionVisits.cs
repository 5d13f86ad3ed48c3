namespace Jianfu.Modules.Assessment.Contracts;

/// <summary>A recorded inspection visit as other modules see it: whom it visited, when, and under which plan item or approval.</summary>
/// <param name="Title">One line for a person: date, unit, the plan item or "计划外" with its approval, and the team.</param>
public sealed record VisitFact(int Id, int DistrictId, int UnitId, string UnitName, DateOnly Date, bool Planned, string Title);

/// <summary>For the green channel: a cadre's report of an unplanned or repeated inspection names the visit it is about.</summary>
public interface IInspectionVisits
{
    Task<VisitFact?> FindAsync(int visitId, CancellationToken ct);

    /// <summary>The visit, if the signed-in user is one of the visited unit's people (or of the township above it) and so may report it.</summary>
    Task<VisitFact?> FindReportableAsync(int visitId, CancellationToken ct);
}
