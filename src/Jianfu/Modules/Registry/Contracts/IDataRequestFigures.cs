namespace Jianfu.Modules.Registry.Contracts;

/// <summary>Village tasks avoided: one department's data requests answered from the registry in one month (yyyy-MM).</summary>
public sealed record AvoidedTasks(int DepartmentId, string Department, string Month, int Requests);

/// <summary>For the public burden figures and the assessment of departments: what was asked of the system instead of the villages.</summary>
public interface IDataRequestFigures
{
    Task<IReadOnlyList<AvoidedTasks>> AvoidedAsync(int districtId, DateOnly from, DateOnly to, CancellationToken ct);
}
