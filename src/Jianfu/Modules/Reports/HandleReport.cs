using System.Globalization;
using System.Text.Json;
using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.AspNetCore.DataProtection;

namespace Jianfu.Modules.Reports;

/// <summary>
/// The closed loop: the handler verifies, finds the report substantiated (naming the responsible body) or not,
/// requests rectification with a deadline, and closes it with a public reply once the body has responded.
/// </summary>
internal static class HandleReport
{
    public sealed record Request(
        string? Action, string? Summary, int? ResponsibleDepartmentId, string? Reason, string? PublicReply, string? Response = null, string? DelegateTo = null,
        string? ForwardedText = null);

    public sealed record Detail(
        string Receipt, string Category, string CategoryName, string Status, string StatusText, string Unit, string Description,
        DateTime ReceivedAt, string VerifyDue, bool Overdue, string? RelatedTitle, int? RelatedTaskId, string? Summary, string? ResponsibleBody,
        int? ResponsibleDepartmentId, string? SuggestedBody, int? SuggestedDepartmentId, string? RectifyDue, string? RectificationResponse,
        string? PublicReply, string? VerificationNote, string? AttachmentName, string? Contact, string? Reporter, string? Delegate, IReadOnlyList<HistoryItem> History,
        string? ForwardedText, Origin? Origin = null, int? VisitId = null, string? VisitTitle = null);

    /// <summary>What a 311 system sent with the report (Open311), for its handlers: the place as sent and who submitted it.</summary>
    public sealed record Origin(
        string System, string? Address, string? AddressId, double? Latitude, double? Longitude, string? MediaUrl,
        IReadOnlyDictionary<string, string[]> Attributes, string? Email, string? Name, string? DeviceId, string? AccountId);

    public sealed record HistoryItem(DateTime At, string Actor, string Action, string? Note);

    public sealed class Handler(
        JianfuDbContext db, ReportAccess access, IOrganisationDirectory directory, IDispatchLookup dispatches,
        IDataProtectionProvider protection, WorkCalendar calendar, IConfiguration config, TimeProvider time)
    {
        public async Task<Result<Detail>> DetailAsync(string receipt, CancellationToken ct)
        {
            var loaded = await access.LoadAsync(receipt, ct);
            return loaded.IsSuccess ? await DescribeAsync(loaded.Value.Report, loaded.Value.Seat, ct) : loaded.Error!;
        }

        /// <summary>
        /// Whom the list keeper may delegate a report to: the district's own staff (list keepers, administrators, the
        /// district departments), less anyone of the body reported on.
        /// </summary>
        public async Task<IReadOnlyList<UserRef>> DelegatesAsync(BurdenReport report, CancellationToken ct)
        {
            var people = new List<UserRef>();
            foreach (var role in new[] { Role.CatalogueAdmin, Role.Admin, Role.Dispatcher })
            {
                people.AddRange((await directory.UsersWithRoleInAsync(role, [report.DistrictId], ct)).Select(x => x.User));
            }

            var against = report.ResponsibleDepartmentId is { } d ? (await directory.UsersOfDepartmentAsync(d, ct)).Select(u => u.Id).ToHashSet() : [];
            return people.Where(p => !against.Contains(p.Id)).DistinctBy(p => p.Id).OrderBy(p => p.DisplayName, StringComparer.Ordinal).ToList();
        }

        public async Task<Result<Detail>> HandleAsync(string receipt, Request r, CancellationToken ct)
        {
            var loaded = await access.LoadAsync(receipt, ct);
            if (!loaded.IsSuccess)
            {
                return loaded.Error!;
            }

            var (user, report, seat) = loaded.Value;
            var actor = ReportAccess.ActorOf(user);
            var now = time.UtcNow();
            var action = r.Action?.Trim().ToLowerInvariant();
            if (seat == ReportAccess.Seat.ResponsibleBody && action != "rectified")
            {
                return Error.Forbidden("责任单位只能反馈整改情况。");
            }

            Error? error;
            switch (action)
            {
                case "verify":
                    error = report.StartVerification(actor, now);
                    break;
                case "substantiate":
                    var body = r.ResponsibleDepartmentId is { } id ? await directory.FindDepartmentAsync(id, ct) : null;
                    var district = await directory.FindUnitAsync(report.DistrictId, ct);
                    var bodyUnit = body is null ? null : await directory.FindUnitAsync(body.UnitId, ct);
                    if (r.ResponsibleDepartmentId is not null && (body is null || bodyUnit is null || district is null || !bodyUnit.IsWithin(district.Path)))
                    {
                        return Error.Validation("responsibleDepartmentId", "责任单位须是本区的镇街职能部门或区级部门。");
                    }

                    if (body is not null && report.DelegateUserId is { } delegated &&
                        (await directory.UsersOfDepartmentAsync(body.Id, ct)).Any(u => u.Id == delegated))
                    {
                        return Error.Validation("responsibleDepartmentId", "受委托人属于该责任单位,请区减负办改委托他人后再认定。");
                    }

                    error = report.Substantiate(actor, now, r.Summary, body?.Id, body is null ? null : $"{body.UnitName} {body.Name}", r.Reason);
                    if (error is null && !string.IsNullOrWhiteSpace(r.ForwardedText))
                    {
                        error = report.Forward(actor, now, r.ForwardedText);
                    }

                    break;
                case "forward":
                    error = report.Forward(actor, now, r.ForwardedText);
                    break;
                case "unsubstantiate":
                    error = report.Unsubstantiate(actor, now, r.Reason);
                    break;
                case "request-rectification":
                    var districtCode = (await directory.FindUnitAsync(report.DistrictId, ct))?.Code ?? "";
                    error = report.RequestRectification(actor, now, ReportTimeLimits.For(config, districtCode).RectifyDue(time.Today(), calendar));
                    break;
                case "delegate":
                    if (!await access.IsKeeperAsync(report, ct))
                    {
                        return Error.Forbidden("只有区减负办(清单管理员)可以委托他人办理。");
                    }

                    var person = string.IsNullOrWhiteSpace(r.DelegateTo) ? null : await directory.FindUserAsync(r.DelegateTo.Trim(), ct);
                    if (person is null)
                    {
                        return Error.Validation("delegateTo", $"用户“{r.DelegateTo}”不存在。");
                    }

                    // Whoever is reported on must never handle the report against them, nor learn who made it.
                    if (report.ResponsibleDepartmentId is { } against &&
                        (await directory.UsersOfDepartmentAsync(against, ct)).Any(u => u.Id == person.Id))
                    {
                        return Error.Validation("delegateTo", "不能委托给被反映的责任单位的人员。");
                    }

                    error = report.Delegate(actor, now, person.Id, person.DisplayName);
                    break;
                case "rectified":
                    error = report.RecordRectification(actor, now, r.Response);
                    break;
                case "close":
                    error = report.Close(actor, now, r.PublicReply);
                    break;
                default:
                    return Error.Validation("action", "操作应为 verify、substantiate、forward、unsubstantiate、request-rectification、rectified、close 或 delegate。");
            }

            if (error is not null)
            {
                return error;
            }

            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return await DescribeAsync(report, seat, ct);
        }

        /// <summary>The report as this seat may read it: in full for handlers; for the responsible body, what <see cref="Disclosure"/> allows.</summary>
        private async Task<Detail> DescribeAsync(BurdenReport r, ReportAccess.Seat seat, CancellationToken ct)
        {
            var handler = seat == ReportAccess.Seat.Handler;
            string? Text(string? text) => handler ? text : Disclosure.Public(text);
            // A report about a Jianfu task points at the department that issued it.
            var task = handler && r.RelatedTaskId is { } taskId ? await dispatches.FindTaskAsync(taskId, ct) : null;
            return new Detail(
                r.Receipt, r.Category, ReportCategories.NameOf(r.Category), r.Status.ToString(), r.Status.Chinese(), handler ? r.UnitName : "",
                handler ? r.Description : Disclosure.ForBody(r),
                DateTime.SpecifyKind(r.ReceivedAt, DateTimeKind.Utc), r.VerifyDue.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.IsOverdue(time.Today()),
                handler ? r.RelatedTitle : null, handler ? r.RelatedTaskId : null, Text(r.Summary), r.ResponsibleBody, r.ResponsibleDepartmentId,
                task?.DepartmentName, task?.DepartmentId,
                r.RectifyDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Text(r.RectificationResponse), Text(r.PublicReply), handler ? r.VerificationNote : null,
                handler ? r.AttachmentName : null,
                handler && r.ContactProtected is { } c ? protection.CreateProtector(SubmitReport.Handler.ContactPurpose).Unprotect(c) : null,
                handler ? r.ReporterName : null,
                handler ? r.DelegateName : null,
                r.History.OrderBy(h => h.At).ThenBy(h => h.Id)
                    .Where(h => handler || h.Action != "收到线索")
                    .Select(h => new HistoryItem(DateTime.SpecifyKind(h.At, DateTimeKind.Utc), h.ActorName, h.Action, handler ? h.Note : null)).ToList(),
                handler ? r.ForwardedText : null,
                handler ? OriginOf(r) : null,
                handler ? r.InspectionVisitId : null,
                handler ? r.InspectionVisitTitle : null);
        }

        private Origin? OriginOf(BurdenReport r)
        {
            if (r.SourceSystem is null)
            {
                return null;
            }

            var submitter = r.SubmitterProtected is { } protectedSubmitter
                ? JsonSerializer.Deserialize<ReportSubmitter>(protection.CreateProtector(SubmitReport.Handler.SubmitterPurpose).Unprotect(protectedSubmitter))
                : null;
            var attributes = r.AttributesJson is { } json ? JsonSerializer.Deserialize<Dictionary<string, string[]>>(json) ?? [] : [];
            return new Origin(
                r.SourceSystem, r.AddressText, r.AddressId, r.Latitude, r.Longitude, r.MediaUrl, attributes,
                submitter?.Email, submitter?.Name, submitter?.DeviceId, submitter?.AccountId);
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/reports/{receipt}/handling", async (string receipt, Handler handler, CancellationToken ct) =>
                (await handler.DetailAsync(receipt, ct)).ToHttp(Results.Ok))
            .WithName("GetReportHandling")
            .WithSummary("线索办理详情:区减负办可见全部内容和反映人联系方式;责任单位只看到查实的问题(或区减负办转交的脱敏内容),看不到反映人、反映单位和原文")
            .Produces<Detail>();
        api.MapPost("/reports/{receipt}/handling", async (string receipt, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(receipt, request, ct)).ToHttp(Results.Ok))
            .WithName("HandleReport")
            .WithSummary("办理线索:verify 开始核实、substantiate 属实(summary, responsibleDepartmentId,可附 forwardedText 转交责任单位的脱敏内容)、forward 转交脱敏内容(forwardedText)、unsubstantiate 不属实(reason)、request-rectification 要求整改、rectified 责任单位反馈(response)、close 办结(publicReply)、delegate 委托办理(delegateTo 用户名)")
            .Produces<Detail>();
    }
}
