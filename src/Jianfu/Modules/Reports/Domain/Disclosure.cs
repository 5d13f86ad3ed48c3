using Jianfu.Platform.Text;

namespace Jianfu.Modules.Reports.Domain;

/// <summary>
/// What each reader may learn of a report. A green-channel report protects the cadre only if nobody but the handlers
/// (the district's list keepers and their delegates) can tell which office it came from: the responsible body, the
/// public and 311 callers never see the reporting unit, the receipt or the reporter's own words, and personal data in
/// any free text is masked for them.
/// </summary>
internal static class Disclosure
{
    /// <summary>The matter as the responsible body reads it: the handler's redacted version if forwarded, else the summary.</summary>
    public static string ForBody(BurdenReport report) => PersonalData.Mask(report.ForwardedText ?? report.Summary ?? "");

    /// <summary>Free text written for people other than the handlers (summaries, replies, rectification notes).</summary>
    public static string? Public(string? text) => PersonalData.MaskOrNull(text);
}
