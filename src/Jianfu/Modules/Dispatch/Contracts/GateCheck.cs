namespace Jianfu.Modules.Dispatch.Contracts;

public enum Severity
{
    /// <summary>Stops submission.</summary>
    Block,

    /// <summary>Shown to the reviewer.</summary>
    Warn,
}

/// <summary>One automatic check of the access gate (准入审核), with its stable rule id and a Chinese message.</summary>
public sealed record GateCheck(string Rule, Severity Severity, string Message);

public static class GateRules
{
    public const string ScreeningCodeMissing = "screening-code-missing";
    public const string ScreeningCodeUnknown = "screening-code-unknown";
    public const string ScreeningCodeRetired = "screening-code-retired";
    public const string ExcludedItem = "excluded-item";
    public const string ContentTooLong = "content-too-long";
    public const string RequirementsUnclear = "requirements-unclear";
    public const string DuplicateDispatch = "duplicate-dispatch";
    public const string FormalismDemand = "formalism-demand";
    public const string DeadlineTooShort = "deadline-too-short";
    public const string CommunityLoad = "community-load";
    public const string DataHeldBySystem = "data-held-by-system";
    public const string CodeMismatch = "code-mismatch";
}
