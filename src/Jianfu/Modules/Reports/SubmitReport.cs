using System.Text.RegularExpressions;
using Jianfu.Modules.Assessment.Contracts;
using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Files;
using Jianfu.Platform.Time;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>
/// The green channel's intake: anyone holding a poster's QR code reports a burden without logging in, and gets a
/// receipt. The report is stored before anything else happens; bad input changes nothing.
/// </summary>
internal static partial class SubmitReport
{
    public const int MaxDescription = 2000;
    public const long MaxAttachmentBytes = 5 * 1024 * 1024;

    /// <param name="VisitId">For an <c>inspection-overload</c> report: the recorded inspection visit to this place it is about.</param>
    public sealed record Request(string? Token, string? Category, string? Description, string? Contact, int? TaskId, int? VisitId = null);

    public sealed record Response(string Receipt, string Status);

    public sealed class Handler(
        JianfuDbContext db,
        ReportWriter writer,
        IOrganisationDirectory directory,
        IDispatchLookup dispatches,
        IInspectionVisits visits,
        IntakeLimiter limiter,
        AttachmentStore files,
        IDataProtectionProvider protection,
        WorkCalendar calendar,
        IConfiguration config,
        DistrictCodes districtCodes,
        TimeProvider time)
    {
        public const string ContactPurpose = "Jianfu.Reports.Contact";
        public const string SubmitterPurpose = "Jianfu.Reports.Submitter";

        private static readonly CompiledQuery<string, ReportLocation?> LocationByToken = new(() =>
            EF.CompileAsyncQuery((JianfuDbContext db, string token, CancellationToken ct) => db.ReportLocations.AsNoTracking().FirstOrDefault(l => l.Token == token)));

        /// <summary>Chinese kept as it is, not as \uXXXX escapes six times its length, so the limits of ReportOrigin hold for the column.</summary>
        private static readonly System.Text.Json.JsonSerializerOptions Readable =
            new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

        /// <summary>The office a poster in force stands in (the form's heading), or null for an unknown or revoked poster.</summary>
        public async Task<string?> PosterUnitAsync(string? token, CancellationToken ct) =>
            token?.Trim() is { Length: > 0 and <= 32 } t && await LocationByToken.RunAsync(db, t, ct) is { IsActive: true } l
                ? l.UnitName
                : null;

        /// <param name="reporter">The signed-in cadre reporting from a task page, or null for the anonymous channel.</param>
        /// <param name="origin">What a 311 system sent besides the poster's fields (Open311), kept with the report.</param>
        public async Task<Result<Response>> HandleAsync(
            Request r, IFormFile? attachment, string? clientAddress, ReportActor? reporter, CancellationToken ct, ReportOrigin? origin = null)
        {
            var token = r.Token?.Trim() ?? "";
            // Never cached: a revoked poster stops taking reports at once, on every node.
            var location = token.Length is > 0 and <= 32 ? await LocationByToken.RunAsync(db, token, ct) : null;
            if (location is null || !location.IsActive)
            {
                return Error.NotFound("二维码无效或已停用,请扫描办公场所张贴的最新二维码。");
            }

            if (limiter.Refusal(token, clientAddress, origin?.System) is { } wait)
            {
                return new Error("rate-limited", "提交过于频繁,请稍后再试。", StatusCodes.Status429TooManyRequests) { RetryAfter = wait };
            }

            var problems = new Problems();
            if (!ReportCategories.IsKnown(r.Category))
            {
                problems.Add("category", "请选择问题类型。");
            }

            var description = r.Description?.Trim() ?? "";
            if (description.Length < 5)
            {
                problems.Add("description", "请简要描述问题(至少5个字)。");
            }
            else if (description.Length > MaxDescription)
            {
                problems.Add("description", $"问题描述不能超过{MaxDescription}字,当前{description.Length}字。");
            }

            var contact = string.IsNullOrWhiteSpace(r.Contact) ? null : r.Contact.Trim();
            if (contact is not null && !PhonePattern().IsMatch(contact))
            {
                problems.Add("contact", "联系电话格式不正确(手机11位或座机号码);不愿留电话可不填,匿名反映。");
            }

            origin?.Check(problems);
            if (problems.Any)
            {
                return problems.ToError();
            }

            TaskInfo? task = null;
            if (r.TaskId is { } taskId)
            {
                task = await dispatches.FindTaskAsync(taskId, ct);
                var place = await directory.FindUnitAsync(location.UnitId, ct);
                var community = task is null ? null : await directory.FindUnitAsync(task.CommunityId, ct);
                if (task is null || place is null || community is null || !community.IsWithin(place.Path))
                {
                    return Error.Validation("taskId", "关联的任务不存在,或不是派给本单位的任务。");
                }
            }

            VisitFact? visit = null;
            if (r.VisitId is { } visitId)
            {
                if (r.Category != ReportCategories.InspectionOverload)
                {
                    return Error.Validation("visitId", $"关联督查检查的线索,问题类型请选择“{ReportCategories.NameOf(ReportCategories.InspectionOverload)}”。");
                }

                visit = await visits.FindAsync(visitId, ct);
                var place = await directory.FindUnitAsync(location.UnitId, ct);
                var visited = visit is null ? null : await directory.FindUnitAsync(visit.UnitId, ct);
                if (visit is null || place is null || visited is null || !visited.IsWithin(place.Path))
                {
                    return Error.Validation("visitId", "关联的督查检查不存在,或不是对本单位的检查。");
                }
            }

            StoredFile? stored = null;
            if (attachment is { Length: > 0 })
            {
                var saved = await files.SaveAsync(attachment, MaxAttachmentBytes, ct, allowOffice: false);
                if (!saved.IsSuccess)
                {
                    return saved.Error!;
                }

                stored = saved.Value;
            }

            var now = time.UtcNow();
            var today = time.Today();
            var limits = ReportTimeLimits.For(config, await districtCodes.OfAsync(location.DistrictId, directory, ct));
            var report = new BurdenReport
            {
                Receipt = BurdenReport.NewReceipt(today),
                LocationId = location.Id,
                DistrictId = location.DistrictId,
                UnitId = location.UnitId,
                UnitName = location.UnitName,
                Category = r.Category!,
                Description = description,
                RelatedTaskId = task?.TaskId,
                RelatedDispatchId = task?.DispatchId,
                RelatedTitle = task?.Title,
                InspectionVisitId = visit?.Id,
                InspectionVisitTitle = visit?.Title is { } title && title.Length > BurdenReport.MaxVisitTitle ? title[..BurdenReport.MaxVisitTitle] : visit?.Title,
                ContactProtected = contact is null ? null : protection.CreateProtector(ContactPurpose).Protect(contact),
                ReporterUserId = reporter?.UserId,
                ReporterName = reporter?.Name,
                AttachmentName = stored?.Name,
                AttachmentKey = stored?.Key,
                AttachmentContentType = stored?.ContentType,
                Status = ReportStatus.Received,
                ReceivedAt = now,
                VerifyDue = limits.VerifyDue(today, calendar),
            };
            if (origin is not null)
            {
                Keep(report, origin);
            }

            report.Record(new ReportActor(null, "反映人"), now, "收到线索", $"{ReportCategories.NameOf(report.Category)} · {location.UnitName}");
            try
            {
                await writer.StoreAsync(report, ct);
            }
            catch (DbUpdateException e) when (report.ClientRequestKey is not null && UniqueViolation.Is(e))
            {
                // The same request sent twice at once: the first one stored is the answer to both.
                return await PreviousAsync(report.ClientRequestKey, ct) is { } previous ? previous : Error.Stale();
            }
            catch (DbUpdateException) when (stored is not null)
            {
                files.Delete(stored.Key);
                throw;
            }

            return new Response(report.Receipt, report.Status.ToString());
        }

        /// <summary>The report a 311 system already made with this request id, if any (a retried POST).</summary>
        public async Task<Response?> PreviousAsync(string requestKey, CancellationToken ct) =>
            await db.BurdenReports.AsNoTracking().Where(x => x.ClientRequestKey == requestKey)
                .Select(x => new Response(x.Receipt, x.Status.ToString())).FirstOrDefaultAsync(ct);

        private void Keep(BurdenReport report, ReportOrigin origin)
        {
            (report.SourceSystem, report.ClientRequestKey) = (origin.System, origin.RequestKey);
            (report.Latitude, report.Longitude, report.AddressText, report.AddressId, report.MediaUrl) =
                (origin.Latitude, origin.Longitude, origin.AddressText, origin.AddressId, origin.MediaUrl);
            report.AttributesJson = origin.Attributes.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(origin.Attributes, Readable);
            report.SubmitterProtected = origin.Submitter.IsEmpty
                ? null
                : protection.CreateProtector(SubmitterPurpose).Protect(System.Text.Json.JsonSerializer.Serialize(origin.Submitter, Readable));
        }
    }

    /// <summary>A district's code never changes (it is the unit's identity), so each node looks it up once per district.</summary>
    internal sealed class DistrictCodes
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> _codes = new();

        public async Task<string> OfAsync(int districtId, IOrganisationDirectory directory, CancellationToken ct)
        {
            if (_codes.TryGetValue(districtId, out var code))
            {
                return code;
            }

            code = (await directory.FindUnitAsync(districtId, ct))?.Code ?? "";
            return code.Length > 0 ? _codes.GetOrAdd(districtId, code) : code;
        }
    }

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\+?86-?1[3-9]\d{9})$")]
    private static partial Regex PhonePattern();

    /// <summary>JSON, or multipart/form-data with the same fields plus "file": one endpoint for both, as the API promises.</summary>
    public static async Task<IResult> EndpointAsync(HttpContext http, Handler handler, CancellationToken ct)
    {
        Request? request;
        IFormFile? file = null;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(ct);
            int? taskId = int.TryParse(form["taskId"], out var t) ? t : null;
            int? visitId = int.TryParse(form["visitId"], out var v) ? v : null;
            if ((!string.IsNullOrEmpty(form["taskId"]) && taskId is null) || (!string.IsNullOrEmpty(form["visitId"]) && visitId is null))
            {
                return Error.Validation(taskId is null ? "taskId" : "visitId", $"{(taskId is null ? "taskId" : "visitId")} 应为数字。").ToProblem();
            }

            request = new Request(form["token"], form["category"], form["description"], form["contact"], taskId, visitId);
            file = form.Files["file"];
        }
        else
        {
            try
            {
                request = await http.Request.ReadFromJsonAsync<Request>(ct);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
            {
                request = null;
            }

            if (request is null)
            {
                return new Error("bad-request", "请求格式错误:请求体不是有效的 JSON,或字段类型不正确。", StatusCodes.Status400BadRequest).ToProblem();
            }
        }

        return (await handler.HandleAsync(request, file, http.Connection.RemoteIpAddress?.ToString(), null, ct))
            .ToHttp(r => Results.Created($"/api/v1/reports/{r.Receipt}", r));
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/reports", EndpointAsync)
            .AllowAnonymous()
            .Accepts<Request>("application/json", "multipart/form-data")
            .WithName("SubmitReport")
            .WithSummary("公开反映基层减负问题线索(无需登录,凭二维码 token);JSON,或 multipart 表单加一个附件 file(图片或 PDF,不超过5MB,按内容判断类型);返回回执号")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
