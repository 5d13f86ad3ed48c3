using System.Linq.Expressions;
using System.Security.Cryptography;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Reports.Domain;

internal enum ReportStatus
{
    Received,
    Verifying,
    Substantiated,
    Unsubstantiated,
    RectificationRequested,
    Rectified,
    Closed,
}

internal sealed record ReportActor(string? UserId, string Name);

/// <summary>
/// 问题线索: a report that something is an improper burden, handled in a closed loop —
/// Received → Verifying → Substantiated | Unsubstantiated → RectificationRequested → Rectified → Closed.
/// </summary>
internal sealed class BurdenReport : IVersioned
{
    public const int MaxVisitTitle = 800;

    private const string ReceiptAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public long Id { get; set; }

    public int RowVersion { get; set; }

    /// <summary>What the reporter keeps to follow the report: readable, and too long to guess.</summary>
    public required string Receipt { get; set; }

    public int LocationId { get; set; }

    public int DistrictId { get; set; }

    public int UnitId { get; set; }

    public required string UnitName { get; set; }

    public required string Category { get; set; }

    public required string Description { get; set; }

    public int? RelatedTaskId { get; set; }

    public int? RelatedDispatchId { get; set; }

    public string? RelatedTitle { get; set; }

    /// <summary>The recorded inspection visit an <c>inspection-overload</c> report is about, if the cadre named one.</summary>
    public int? InspectionVisitId { get; set; }

    /// <summary>The visit as it read when reported (date, unit, plan item or approval, team).</summary>
    public string? InspectionVisitTitle { get; set; }

    /// <summary>The reporter's phone, encrypted with data protection; shown to handlers only.</summary>
    public string? ContactProtected { get; set; }

    /// <summary>A signed-in cadre who reported from a task; shown to handlers only.</summary>
    public string? ReporterUserId { get; set; }

    public string? ReporterName { get; set; }

    public string? AttachmentName { get; set; }

    public string? AttachmentKey { get; set; }

    public string? AttachmentContentType { get; set; }

    public ReportStatus Status { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateOnly VerifyDue { get; set; }

    public DateTime? VerifiedAt { get; set; }

    public string? VerificationNote { get; set; }

    /// <summary>The handler's one-line public summary, used in bulletins.</summary>
    public string? Summary { get; set; }

    /// <summary>
    /// What the responsible body may read of the report: a version the handler redacted, so that the body never sees
    /// the reporter's own words. Without it the body reads the summary only.
    /// </summary>
    public string? ForwardedText { get; set; }

    public int? ResponsibleDepartmentId { get; set; }

    public string? ResponsibleBody { get; set; }

    public DateTime? RectificationRequestedAt { get; set; }

    public DateOnly? RectifyDue { get; set; }

    public string? RectificationResponse { get; set; }

    public DateTime? RectifiedAt { get; set; }

    public string? PublicReply { get; set; }

    /// <summary>A handler the list keeper delegated this report to (委托办理); handles it like a keeper.</summary>
    public string? DelegateUserId { get; set; }

    public string? DelegateName { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>Where the reporter said it happened (WGS84), as a 311 system sent it.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>The place in the reporter's words (GeoReport address_string).</summary>
    public string? AddressText { get; set; }

    /// <summary>The place as the sending system identifies it (GeoReport address_id: a division code or its own id).</summary>
    public string? AddressId { get; set; }

    /// <summary>A link to a photo or document the 311 system holds (GeoReport media_url).</summary>
    public string? MediaUrl { get; set; }

    /// <summary>The service attributes the system sent (attribute[code]=value), as a JSON object of code → values.</summary>
    public string? AttributesJson { get; set; }

    /// <summary>The system that submitted the report through Open311 (its api_key's name); null for the poster and the page.</summary>
    public string? SourceSystem { get; set; }

    /// <summary>The submitting system's own id for this request: a retried POST finds the report it already made.</summary>
    public string? ClientRequestKey { get; set; }

    /// <summary>Email, names, device and account ids a 311 system sent, encrypted like the contact; handlers only.</summary>
    public string? SubmitterProtected { get; set; }

    public List<ReportHistory> History { get; set; } = [];

    public static string NewReceipt(DateOnly today)
    {
        Span<char> random = stackalloc char[8];
        for (var i = 0; i < random.Length; i++)
        {
            random[i] = ReceiptAlphabet[RandomNumberGenerator.GetInt32(ReceiptAlphabet.Length)];
        }

        return $"JF{today:yyMMdd}-{random}";
    }

    /// <summary>Still to be verified after its verification deadline (China days).</summary>
    public static bool IsVerificationOverdue(ReportStatus status, DateOnly verifyDue, DateOnly today) =>
        status is ReportStatus.Received or ReportStatus.Verifying && today > verifyDue;

    /// <summary>Asked to rectify and not rectified by the deadline.</summary>
    public static bool IsRectificationOverdue(ReportStatus status, DateOnly? rectifyDue, DateOnly today) =>
        status == ReportStatus.RectificationRequested && rectifyDue is { } due && today > due;

    /// <summary>
    /// Found true in [<paramref name="start"/>, <paramref name="end"/>) with a body responsible: what a bulletin
    /// publishes and the deductions count (substantiated, and whatever followed it, but never unsubstantiated).
    /// </summary>
    public static Expression<Func<BurdenReport, bool>> FoundBetween(DateTime start, DateTime end) =>
        r => r.VerifiedAt >= start && r.VerifiedAt < end && r.ResponsibleBody != null && r.Status != ReportStatus.Unsubstantiated;

    /// <summary>Either of the two, as a query's filter (translated to SQL): the list's "超期" and the menu's count.</summary>
    public static Expression<Func<BurdenReport, bool>> OverdueOn(DateOnly today) =>
        r => ((r.Status == ReportStatus.Received || r.Status == ReportStatus.Verifying) && r.VerifyDue < today) ||
             (r.Status == ReportStatus.RectificationRequested && r.RectifyDue < today);

    public bool IsVerificationOverdue(DateOnly today) => IsVerificationOverdue(Status, VerifyDue, today);

    public bool IsRectificationOverdue(DateOnly today) => IsRectificationOverdue(Status, RectifyDue, today);

    public bool IsOverdue(DateOnly today) => IsVerificationOverdue(today) || IsRectificationOverdue(today);

    public void Record(ReportActor actor, DateTime at, string action, string? note = null) =>
        History.Add(new ReportHistory { At = at, ActorId = actor.UserId, ActorName = actor.Name, Action = action, Note = note });

    public Error? Delegate(ReportActor actor, DateTime now, string userId, string name)
    {
        if (Status == ReportStatus.Closed)
        {
            return Refused("委托办理", "未办结");
        }

        (DelegateUserId, DelegateName) = (userId, name);
        Record(actor, now, "委托办理", name);
        return null;
    }

    public Error? StartVerification(ReportActor actor, DateTime now)
    {
        if (Status != ReportStatus.Received)
        {
            return Refused("开始核实", "已接收");
        }

        Status = ReportStatus.Verifying;
        Record(actor, now, "开始核实");
        return null;
    }

    public Error? Substantiate(ReportActor actor, DateTime now, string? summary, int? departmentId, string? body, string? note)
    {
        if (Status is not (ReportStatus.Received or ReportStatus.Verifying))
        {
            return Refused("认定属实", "已接收或核实中");
        }

        if (string.IsNullOrWhiteSpace(summary) || summary.Length > 200)
        {
            return Error.Validation("summary", "请用一句话(不超过200字)概括查实的问题,用于通报。");
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return Error.Validation("responsibleBody", "请指定责任单位(镇街职能部门或区级部门)。");
        }

        if (note is { Length: > 2000 })
        {
            return Error.Validation("reason", "核实情况不超过2000字。");
        }

        (Status, VerifiedAt, Summary, ResponsibleDepartmentId, ResponsibleBody, VerificationNote) =
            (ReportStatus.Substantiated, now, summary.Trim(), departmentId, body.Trim(), note?.Trim());
        Record(actor, now, "核实属实", $"{Summary};责任单位:{ResponsibleBody}");
        return null;
    }

    /// <summary>
    /// The handler lets the responsible body read a version of the report with everything that points at the reporter
    /// taken out; without it the body reads the summary only (<see cref="Disclosure.ForBody"/>).
    /// </summary>
    public Error? Forward(ReportActor actor, DateTime now, string? text)
    {
        if (Status is not (ReportStatus.Substantiated or ReportStatus.RectificationRequested or ReportStatus.Rectified))
        {
            return Refused("转交责任单位", "属实待整改、整改中或已整改");
        }

        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > 2000)
        {
            return Error.Validation("forwardedText", "请写明转交责任单位的内容(不超过2000字),删去能看出反映人或反映单位的信息。");
        }

        ForwardedText = text.Trim();
        Record(actor, now, "向责任单位转交脱敏后的问题描述");
        return null;
    }

    public Error? Unsubstantiate(ReportActor actor, DateTime now, string? reason)
    {
        if (Status is not (ReportStatus.Received or ReportStatus.Verifying))
        {
            return Refused("认定不属实", "已接收或核实中");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
        {
            return Error.Validation("reason", "认定不属实须写明理由(不超过2000字)。");
        }

        (Status, VerifiedAt, VerificationNote) = (ReportStatus.Unsubstantiated, now, reason.Trim());
        Record(actor, now, "核实不属实", VerificationNote);
        return null;
    }

    public Error? RequestRectification(ReportActor actor, DateTime now, DateOnly due)
    {
        if (Status != ReportStatus.Substantiated)
        {
            return Refused("要求整改", "核实属实");
        }

        (Status, RectificationRequestedAt, RectifyDue) = (ReportStatus.RectificationRequested, now, due);
        Record(actor, now, $"要求{ResponsibleBody}整改", $"整改期限 {due:yyyy-MM-dd}");
        return null;
    }

    public Error? RecordRectification(ReportActor actor, DateTime now, string? response)
    {
        if (Status != ReportStatus.RectificationRequested)
        {
            return Refused("反馈整改情况", "待整改");
        }

        if (string.IsNullOrWhiteSpace(response) || response.Length > 2000)
        {
            return Error.Validation("response", "请写明整改情况(不超过2000字)。");
        }

        (Status, RectifiedAt, RectificationResponse) = (ReportStatus.Rectified, now, response.Trim());
        Record(actor, now, "反馈整改情况", RectificationResponse);
        return null;
    }

    public Error? Close(ReportActor actor, DateTime now, string? publicReply)
    {
        if (Status is not (ReportStatus.Rectified or ReportStatus.Unsubstantiated))
        {
            return Refused("办结", "已整改或不属实");
        }

        if (string.IsNullOrWhiteSpace(publicReply) || publicReply.Length > 1000)
        {
            return Error.Validation("publicReply", "请写公开答复(不超过1000字),反映人凭回执可以看到。");
        }

        (Status, ClosedAt, PublicReply) = (ReportStatus.Closed, now, publicReply.Trim());
        Record(actor, now, "办结", PublicReply);
        return null;
    }

    private Error Refused(string action, string allowed) =>
        Error.Conflict($"线索当前状态为“{Status.Chinese()}”,不能{action};只有{allowed}的线索可以{action}。");
}

internal sealed class ReportHistory
{
    public long Id { get; set; }

    public long ReportId { get; set; }

    public DateTime At { get; set; }

    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    public required string Action { get; set; }

    public string? Note { get; set; }
}

internal static class ReportStatusNames
{
    public static string Chinese(this ReportStatus status) => status switch
    {
        ReportStatus.Received => "已接收",
        ReportStatus.Verifying => "核实中",
        ReportStatus.Substantiated => "属实,待整改",
        ReportStatus.Unsubstantiated => "不属实",
        ReportStatus.RectificationRequested => "整改中",
        ReportStatus.Rectified => "已整改",
        _ => "已办结",
    };
}

/// <summary>
/// Time limits in working days: Jianfu:Reports:VerifyDays and RectifyDays (default 5 and 15), overridden per district by
/// Jianfu:Reports:Districts:{districtCode}:VerifyDays / RectifyDays.
/// </summary>
internal sealed record ReportTimeLimits(int VerifyDays = 5, int RectifyDays = 15)
{
    public static ReportTimeLimits For(IConfiguration config, string districtCode)
    {
        var fallback = new ReportTimeLimits(config.GetValue("Jianfu:Reports:VerifyDays", 5), config.GetValue("Jianfu:Reports:RectifyDays", 15));
        var district = config.GetSection($"Jianfu:Reports:Districts:{districtCode}");
        return new ReportTimeLimits(district.GetValue("VerifyDays", fallback.VerifyDays), district.GetValue("RectifyDays", fallback.RectifyDays));
    }

    public DateOnly VerifyDue(DateOnly received, WorkCalendar calendar) => calendar.AddWorkingDays(received, VerifyDays);

    public DateOnly RectifyDue(DateOnly requested, WorkCalendar calendar) => calendar.AddWorkingDays(requested, RectifyDays);
}
