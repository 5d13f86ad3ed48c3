using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;

namespace Jianfu.Modules.Reports.Domain;

internal enum MonitoringKind
{
    /// <summary>联系: a call or message, monthly by default.</summary>
    Contact,

    /// <summary>走访: a visit in person, every two months by default.</summary>
    Visit,
}

/// <summary>
/// 减负监测点: a community the district watches closely (Fengxian set up 27), contacted monthly and visited every
/// two months; what is learned is recorded with the reports it led to.
/// </summary>
internal sealed class MonitoringPoint : IVersioned
{
    public int Id { get; set; }

    public int RowVersion { get; set; }

    public int DistrictId { get; set; }

    public int UnitId { get; set; }

    public required string UnitCode { get; set; }

    public required string UnitName { get; set; }

    public DateOnly DesignatedOn { get; set; }

    public required string DesignatedBy { get; set; }

    public bool IsActive { get; set; } = true;

    public List<MonitoringActivity> Activities { get; set; } = [];

    public DateOnly? Last(MonitoringKind kind) =>
        Activities.Where(a => a.Kind == kind).Select(a => (DateOnly?)a.Date).DefaultIfEmpty(null).Max();

    /// <summary>When the next contact or visit is due: an interval after the last one, or after designation.</summary>
    public DateOnly Due(MonitoringKind kind, MonitoringSchedule schedule) =>
        (Last(kind) ?? DesignatedOn).AddMonths(kind == MonitoringKind.Contact ? schedule.ContactMonths : schedule.VisitMonths);

    public bool IsOverdue(MonitoringKind kind, MonitoringSchedule schedule, DateOnly today) => IsActive && today > Due(kind, schedule);

    public Error? Record(MonitoringKind kind, DateOnly date, string? who, string? learned, IReadOnlyList<string> receipts, DateOnly today, string recordedBy)
    {
        if (date > today)
        {
            return Error.Validation("date", "日期不能晚于今天。");
        }

        if (date < DesignatedOn)
        {
            return Error.Validation("date", "日期不能早于设为监测点的日期。");
        }

        if (string.IsNullOrWhiteSpace(who) || who.Length > 100)
        {
            return Error.Validation("who", "请填写联系或走访的人员(不超过100字)。");
        }

        if (string.IsNullOrWhiteSpace(learned) || learned.Length > 2000)
        {
            return Error.Validation("learned", "请填写了解到的情况(不超过2000字)。");
        }

        Activities.Add(new MonitoringActivity
        {
            Kind = kind, Date = date, Who = who.Trim(), Learned = learned.Trim(), LinkedReceipts = string.Join(',', receipts), RecordedBy = recordedBy,
        });
        return null;
    }
}

internal sealed class MonitoringActivity
{
    public long Id { get; set; }

    public int PointId { get; set; }

    public MonitoringKind Kind { get; set; }

    public DateOnly Date { get; set; }

    public required string Who { get; set; }

    public required string Learned { get; set; }

    /// <summary>Receipts of the reports this contact or visit led to, comma-separated.</summary>
    public string LinkedReceipts { get; set; } = "";

    public required string RecordedBy { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>Jianfu:Reports:MonitoringContactMonths (default 1) and MonitoringVisitMonths (default 2).</summary>
internal sealed record MonitoringSchedule(int ContactMonths = 1, int VisitMonths = 2);
