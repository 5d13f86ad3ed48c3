using Jianfu.Platform.Errors;

namespace Jianfu.Modules.Reports.Domain;

/// <summary>
/// What a 311 system sent with a report beyond the poster's fields (an Open311 GeoReport v2 POST), kept as sent:
/// where it happened, the system's own ids, its service attributes and who submitted it. The submitter is personal
/// data: stored encrypted and shown to the report's handlers only, never to the body reported or the public.
/// </summary>
internal sealed record ReportOrigin(
    string System,
    string? RequestKey,
    double? Latitude,
    double? Longitude,
    string? AddressText,
    string? AddressId,
    string? MediaUrl,
    IReadOnlyDictionary<string, string[]> Attributes,
    ReportSubmitter Submitter)
{
    public const int MaxAttributes = 20;
    public const int MaxAttributeValue = 500;
    public const int MaxAttributesText = 3000;

    /// <summary>The first problem with what was sent, in Chinese, or null when all of it can be kept.</summary>
    /// <summary>Adds every field that cannot be kept as sent, so the client hears of all of them at once.</summary>
    public void Check(Problems problems)
    {
        if (Latitude is < -90 or > 90 || Longitude is < -180 or > 180 || (Latitude is null) != (Longitude is null))
        {
            problems.Add("lat", "lat 与 long 须同时提供,纬度在 -90 至 90 之间,经度在 -180 至 180 之间(WGS84)。");
        }

        if (AddressText is { Length: > 500 })
        {
            problems.Add("address_string", "address_string 不能超过500字。");
        }

        if (AddressId is { Length: > 100 })
        {
            problems.Add("address_id", "address_id 不能超过100个字符。");
        }

        if (MediaUrl is not null && (MediaUrl.Length > 1000 || !Uri.TryCreate(MediaUrl, UriKind.Absolute, out var media) || media.Scheme is not ("http" or "https")))
        {
            problems.Add("media_url", "media_url 应为 http 或 https 开头的完整网址(不超过1000个字符)。");
        }

        // Checked here, not left to the column's limit: the report writer stores reports in batches, and one over-long
        // report must be refused alone, before it reaches the batch.
        if (Attributes.Count > MaxAttributes || Attributes.Any(a => a.Key.Length > 100 || a.Value.Length > MaxAttributes || a.Value.Any(v => v.Length > MaxAttributeValue)) ||
            Attributes.Sum(a => a.Key.Length + a.Value.Sum(v => v.Length + 8)) > MaxAttributesText)
        {
            problems.Add("attribute", $"attribute 最多{MaxAttributes}项,每项的值不超过{MaxAttributeValue}字,合计不超过{MaxAttributesText}字。");
        }

        Submitter.Check(problems);
    }

    /// <summary>The first value of an attribute, trimmed, or null.</summary>
    public string? Attribute(string code) =>
        Attributes.TryGetValue(code, out var values) && values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } v ? v.Trim() : null;
}

/// <summary>The person a 311 system says submitted the report (GeoReport email, first_name, last_name, device_id, account_id).</summary>
internal sealed record ReportSubmitter(string? Email, string? FirstName, string? LastName, string? DeviceId, string? AccountId)
{
    public bool IsEmpty => Email is null && FirstName is null && LastName is null && DeviceId is null && AccountId is null;

    /// <summary>Name as a Chinese reader writes it: family name first.</summary>
    public string? Name => FirstName is null && LastName is null ? null : $"{LastName}{FirstName}";

    public void Check(Problems problems)
    {
        if (Email is not null && (Email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(Email, out _)))
        {
            problems.Add("email", "email 格式不正确。");
        }

        if (new[] { FirstName, LastName, DeviceId, AccountId }.Any(v => v is { Length: > 100 }))
        {
            problems.Add("first_name", "first_name、last_name、device_id、account_id 各不超过100个字符。");
        }
    }
}
