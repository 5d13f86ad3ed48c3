namespace Jianfu.Modules.Reports.Contracts;

/// <summary>One department's substantiated reports in a period and the deduction points they carry.</summary>
public sealed record DepartmentDeduction(int DepartmentId, string Body, int Reports, decimal Points);

/// <summary>For assessment work: the deductions the green channel found against departments.</summary>
public interface IBurdenFigures
{
    Task<IReadOnlyList<DepartmentDeduction>> DeductionsAsync(int districtId, DateOnly from, DateOnly to, CancellationToken ct);
}
