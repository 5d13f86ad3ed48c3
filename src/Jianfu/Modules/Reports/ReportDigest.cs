using Jianfu.Modules.Notifications.Contracts;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>
/// The daily reminder: once a day (from 08:00 China time) every handler gets one message with what waits for
/// verification and what is overdue, and every responsible body one message with its open rectifications.
/// </summary>
internal sealed class ReportDigest(IServiceScopeFactory scopes, TimeProvider time, ILogger<ReportDigest> logger) : BackgroundService
{
    public const string Kind = "reports-digest";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            if (local.Hour >= 8)
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    await SendAsync(scope.ServiceProvider, time.Today(), stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "The daily report digest failed; it is tried again within the hour");
                }
            }

            await Task.Delay(TimeSpan.FromHours(1), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Sends today's digests that have not been sent yet; returns how many went out.</summary>
    public static async Task<int> SendAsync(IServiceProvider services, DateOnly today, CancellationToken ct)
    {
        var db = services.GetRequiredService<JianfuDbContext>();
        var directory = services.GetRequiredService<IOrganisationDirectory>();
        var notifier = services.GetRequiredService<INotifier>();
        var open = await db.BurdenReports.AsNoTracking()
            .Where(r => r.Status == ReportStatus.Received || r.Status == ReportStatus.Verifying || r.Status == ReportStatus.Substantiated ||
                        r.Status == ReportStatus.RectificationRequested || r.Status == ReportStatus.Rectified || r.Status == ReportStatus.Unsubstantiated)
            .Select(r => new { r.DistrictId, r.Status, r.VerifyDue, r.RectifyDue, r.ResponsibleDepartmentId })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var district in open.GroupBy(r => r.DistrictId))
        {
            var toVerify = district.Count(r => r.Status is ReportStatus.Received or ReportStatus.Verifying);
            var verifyOverdue = district.Count(r => BurdenReport.IsVerificationOverdue(r.Status, r.VerifyDue, today));
            var rectifyOverdue = district.Count(r => BurdenReport.IsRectificationOverdue(r.Status, r.RectifyDue, today));
            var toClose = district.Count(r => r.Status is ReportStatus.Rectified or ReportStatus.Unsubstantiated or ReportStatus.Substantiated);
            if (toVerify + rectifyOverdue + toClose == 0)
            {
                continue;
            }

            var body = $"待核实 {toVerify} 条(其中超期 {verifyOverdue} 条);整改超期 {rectifyOverdue} 条;待要求整改或办结 {toClose} 条。";
            foreach (var handler in await directory.UsersWithRoleAsync(Role.CatalogueAdmin, district.Key, ct))
            {
                sent += await notifier.SendDigestAsync(handler.Id, Kind, today, "问题线索每日提醒", body, "/reports?filter=overdue", ct) ? 1 : 0;
            }
        }

        foreach (var department in open.Where(r => r.Status == ReportStatus.RectificationRequested && r.ResponsibleDepartmentId != null).GroupBy(r => r.ResponsibleDepartmentId!.Value))
        {
            var overdue = department.Count(r => BurdenReport.IsRectificationOverdue(r.Status, r.RectifyDue, today));
            var body = $"本部门待整改 {department.Count()} 条(其中超期 {overdue} 条),请在期限内整改并反馈。";
            foreach (var staff in await directory.UsersOfDepartmentAsync(department.Key, ct))
            {
                sent += await notifier.SendDigestAsync(staff.Id, Kind, today, "整改事项每日提醒", body, "/rectifications", ct) ? 1 : 0;
            }
        }

        return sent;
    }
}
