using System.Globalization;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>
/// What a bulletin says for a period: the reports found substantiated in it, grouped by responsible body with category,
/// summary, rectification status and deduction points — built from the database as it is now (preview, publish).
/// </summary>
internal sealed class BulletinComposer(JianfuDbContext db, ICurrentUserAccessor current, IOrganisationDirectory directory, DeductionRule rule, TimeProvider time)
{
    public static (DateOnly From, DateOnly To) LastMonth(DateOnly today)
    {
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        return (first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The district whose burden office (区减负办) the user is: the one asked, or the user's own.</summary>
    public async Task<Result<UnitInfo>> KeeperDistrictAsync(string? code, CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        var district = code is null ? user.GrantsOf(Role.CatalogueAdmin).Select(g => g.Unit).FirstOrDefault() : await directory.FindUnitAsync(code, ct);
        if (district is null || district.Level != UnitLevel.District)
        {
            return Error.Validation("district", "请指定区县代码。");
        }

        return user.CanAct(Role.CatalogueAdmin, district) ? district : Error.Forbidden("只有区减负办(清单管理员)可以编发通报。");
    }

    /// <summary>The period asked, last month when none: China days, at most a year.</summary>
    public static Result<(DateOnly From, DateOnly To)> Period(string? from, string? to, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to))
        {
            return LastMonth(today);
        }

        var (readFrom, readTo) = (DateText.Parse(from, "from", "起始日期"), DateText.Parse(to, "to", "截止日期"));
        if (!readFrom.IsSuccess || !readTo.IsSuccess)
        {
            return (readFrom.Error ?? readTo.Error)!;
        }

        var (f, t) = (readFrom.Value, readTo.Value);
        return f > t || t.DayNumber - f.DayNumber > 366 ? Error.Validation("to", "截止日期应不早于起始日期,且期间不超过一年。") : (f, t);
    }

    /// <summary>Builds the content from the database as it is now.</summary>
    public async Task<BulletinContent> ComposeAsync(UnitInfo district, DateOnly from, DateOnly to, CancellationToken ct)
    {
        // Reports are stamped in UTC; the period is China days.
        var start = from.StartUtc();
        var end = to.AddDays(1).StartUtc();
        var today = time.Today();
        var found = await db.BurdenReports.AsNoTracking()
            .Where(r => r.DistrictId == district.Id)
            .Where(BurdenReport.FoundBetween(start, end))
            .Select(r => new { r.Id, r.Category, r.Summary, r.Status, r.RectifyDue, r.ResponsibleBody })
            .ToListAsync(ct);
        var received = await db.BurdenReports.CountAsync(r => r.DistrictId == district.Id && r.ReceivedAt >= start && r.ReceivedAt < end, ct);
        var bodies = found
            .GroupBy(r => r.ResponsibleBody!)
            .Select(g =>
            {
                var entries = g.OrderBy(r => r.Id).Select(r => new BulletinEntry(
                    ReportCategories.NameOf(r.Category), Disclosure.Public(r.Summary) ?? "", r.Status.Chinese(),
                    r.RectifyDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    BurdenReport.IsRectificationOverdue(r.Status, r.RectifyDue, today))).ToList();
                return new BulletinBody(g.Key, entries.Count, entries.Sum(rule.For), entries);
            })
            .OrderByDescending(b => b.DeductionPoints).ThenBy(b => b.Body, StringComparer.Ordinal)
            .ToList();
        return new BulletinContent(district.Name, Format(from), Format(to), found.Count, received, bodies);
    }

    public static string Format(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
