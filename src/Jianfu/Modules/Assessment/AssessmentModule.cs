namespace Jianfu.Modules.Assessment;

/// <summary>
/// The assessment module (issue #13). Only its domain rules exist so far (README.md): nothing is registered or mapped
/// until its tables, use cases and pages are built.
/// </summary>
public static class AssessmentModule;
