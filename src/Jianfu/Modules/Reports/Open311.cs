using System.Globalization;
using System.Text.Json.Serialization;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>
/// Open311 GeoReport v2 over the green channel, so that 311 apps and hotline systems can submit and follow reports.
/// Services are the report categories; the jurisdiction_id is a poster's location token; service_request_id is the
/// receipt. Writes need an api_key (Jianfu:Open311:ApiKeys). Errors are the spec's [{code, description}].
/// Requests are listed without the reporter, the description or the contact; the reporting office only to api_key
/// holders (the district's own hotline systems), the district to everyone else.
/// </summary>
internal static class Open311
{
    public sealed record Service(
        [property: JsonPropertyName("service_code")] string ServiceCode,
        [property: JsonPropertyName("service_name")] string ServiceName,
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("metadata")] bool Metadata,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("keywords")] string? Keywords,
        [property: JsonPropertyName("group")] string Group);

    public sealed record ServiceDefinition([property: JsonPropertyName("service_code")] string ServiceCode, [property: JsonPropertyName("attributes")] IReadOnlyList<object> Attributes);

    public sealed record CreatedRequest(
        [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
        [property: JsonPropertyName("service_notice")] string ServiceNotice,
        [property: JsonPropertyName("account_id")] string? AccountId);

    public sealed record ServiceRequest(
        [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("status_notes")] string? StatusNotes,
        [property: JsonPropertyName("service_name")] string ServiceName,
        [property: JsonPropertyName("service_code")] string ServiceCode,
        [property: JsonPropertyName("description")] string? Description,
        [property: JsonPropertyName("agency_responsible")] string? AgencyResponsible,
        [property: JsonPropertyName("service_notice")] string? ServiceNotice,
        [property: JsonPropertyName("requested_datetime")] string RequestedDatetime,
        [property: JsonPropertyName("updated_datetime")] string? UpdatedDatetime,
        [property: JsonPropertyName("expected_datetime")] string? ExpectedDatetime,
        [property: JsonPropertyName("address")] string? Address,
        [property: JsonPropertyName("address_id")] string? AddressId,
        [property: JsonPropertyName("zipcode")] string? Zipcode,
        [property: JsonPropertyName("lat")] double? Lat,
        [property: JsonPropertyName("long")] double? Long,
        [property: JsonPropertyName("media_url")] string? MediaUrl);

    public sealed record Open311Error([property: JsonPropertyName("code")] int Code, [property: JsonPropertyName("description")] string Description);

    private static IResult Fail(int status, string description) => Results.Json(new[] { new Open311Error(status, description) }, statusCode: status);

    private static IResult Fail(Error error) =>
        error.RetryAfter is { } wait ? new ProblemResults.WithRetryAfter(Fail(error.Status, error.Message), wait) : Fail(error.Status, error.Message);

    private static IEnumerable<Service> Services() =>
        ReportCategories.All.Select(c => new Service(c.Id, c.Name, c.Hint, false, "realtime", null, "基层减负"));

    private static string Time(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static bool HoldsKey(IConfiguration config, string? key) =>
        !string.IsNullOrEmpty(key) && (config.GetSection("Jianfu:Open311:ApiKeys").Get<string[]>() ?? []).Contains(key, StringComparer.Ordinal);

    /// <param name="address">The reporting office for api_key holders; the district for everyone else (<see cref="Disclosure"/>).</param>
    private static ServiceRequest Describe(BurdenReport r, string? address) => new(
        r.Receipt,
        r.Status == ReportStatus.Closed ? "closed" : "open",
        Disclosure.Public(r.PublicReply) ?? r.Status.Chinese(),
        ReportCategories.NameOf(r.Category),
        r.Category,
        null,
        r.ResponsibleBody,
        null,
        Time(r.ReceivedAt),
        Time(r.History.Count > 0 ? r.History.Max(h => h.At) : r.ReceivedAt),
        null,
        address,
        null, null, null, null, null);

    /// <summary>Where each report came from, as far as the caller may know: the office with an api_key, else only the district.</summary>
    private static async Task<Func<BurdenReport, string?>> AddressesAsync(bool trusted, IEnumerable<BurdenReport> reports, IOrganisationDirectory directory, CancellationToken ct)
    {
        if (trusted)
        {
            return r => r.UnitName;
        }

        var districts = new Dictionary<int, string?>();
        foreach (var id in reports.Select(r => r.DistrictId).Distinct())
        {
            districts[id] = (await directory.FindUnitAsync(id, ct))?.Name;
        }

        return r => districts[r.DistrictId];
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup("/open311/v2").AllowAnonymous().DisableAntiforgery().WithTags("Open311 GeoReport v2");

        v2.MapGet("/services.json", () => Results.Json(Services().ToList()))
            .WithName("Open311Services").WithSummary("Open311:服务类型(即线索问题类型)");

        v2.MapGet("/services/{code}.json", (string code) =>
                ReportCategories.IsKnown(code) ? Results.Json(new ServiceDefinition(code, [])) : Fail(404, $"没有服务类型“{code}”。"))
            .WithName("Open311ServiceDefinition").WithSummary("Open311:服务类型定义(无附加字段)");

        v2.MapPost("/requests.json", async (HttpContext http, IConfiguration config, SubmitReport.Handler submit, CancellationToken ct) =>
            {
                if (!http.Request.HasFormContentType)
                {
                    return Fail(400, "请以 application/x-www-form-urlencoded 或 multipart/form-data 提交(Open311 GeoReport v2)。");
                }

                var form = await http.Request.ReadFormAsync(ct);
                if (!HoldsKey(config, form["api_key"]))
                {
                    return Fail(403, "api_key 无效。");
                }

                if (string.IsNullOrWhiteSpace(form["jurisdiction_id"]))
                {
                    return Fail(400, "缺少 jurisdiction_id(办公场所二维码令牌)。");
                }

                var result = await submit.HandleAsync(
                    new SubmitReport.Request(form["jurisdiction_id"], form["service_code"], form["description"], form["phone"], null),
                    null, http.Connection.RemoteIpAddress?.ToString(), null, ct);
                return result.IsSuccess
                    ? Results.Json(new[] { new CreatedRequest(result.Value.Receipt, "区减负办将在5个工作日内核实,凭回执号查询办理情况。", null) }, statusCode: 201)
                    : Fail(result.Error!);
            })
            .WithName("Open311CreateRequest").WithSummary("Open311:提交线索(表单,需 api_key、jurisdiction_id、service_code、description)");

        v2.MapGet("/requests.json", async (HttpRequest request, JianfuDbContext db, IConfiguration config, IOrganisationDirectory directory, CancellationToken ct) =>
            {
                var q = request.Query;
                var trusted = HoldsKey(config, q["api_key"]);
                var reports = db.BurdenReports.AsNoTracking().Include(r => r.History).AsQueryable();
                if (q["service_request_id"].ToString() is { Length: > 0 } ids)
                {
                    var list = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(i => i.ToUpperInvariant()).Take(100).ToList();
                    reports = reports.Where(r => list.Contains(r.Receipt));
                }
                else
                {
                    // The spec's default window: the last 90 days, at most 1,000 requests.
                    if (!TryDate(q["start_date"], out var start) || !TryDate(q["end_date"], out var end))
                    {
                        return Fail(400, "start_date / end_date 应为 w3 格式的时间,如 2026-11-01T00:00:00Z。");
                    }

                    var to = end ?? DateTime.UtcNow;
                    var from = start ?? to.AddDays(-90);
                    reports = reports.Where(r => r.ReceivedAt >= from && r.ReceivedAt <= to);
                    if (q["service_code"].ToString() is { Length: > 0 } code)
                    {
                        var codes = code.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                        reports = reports.Where(r => codes.Contains(r.Category));
                    }

                    reports = q["status"].ToString() switch
                    {
                        "open" => reports.Where(r => r.Status != ReportStatus.Closed),
                        "closed" => reports.Where(r => r.Status == ReportStatus.Closed),
                        _ => reports,
                    };
                    if (q["jurisdiction_id"].ToString() is { Length: > 0 } token)
                    {
                        // A poster's token narrows to its office only for api_key holders: anyone can read the token off
                        // the wall, and a list of one office's reports would point at the people working there.
                        var place = await db.ReportLocations.Where(l => l.Token == token).Select(l => new { l.UnitId, l.DistrictId }).FirstOrDefaultAsync(ct);
                        var (unitId, districtId) = (place?.UnitId, place?.DistrictId);
                        reports = trusted ? reports.Where(r => r.UnitId == unitId) : reports.Where(r => r.DistrictId == districtId);
                    }
                }

                var found = await reports.OrderByDescending(r => r.ReceivedAt).Take(1000).AsSplitQuery().ToListAsync(ct);
                var address = await AddressesAsync(trusted, found, directory, ct);
                return Results.Json(found.Select(r => Describe(r, address(r))).ToList());
            })
            .WithName("Open311Requests").WithSummary("Open311:查询线索(不含反映人和描述)");

        v2.MapGet("/requests/{id}.json", async (string id, HttpRequest request, JianfuDbContext db, IConfiguration config, IOrganisationDirectory directory, CancellationToken ct) =>
            {
                var receipt = id.Trim().ToUpperInvariant();
                var report = await db.BurdenReports.AsNoTracking().Include(r => r.History).FirstOrDefaultAsync(r => r.Receipt == receipt, ct);
                if (report is null)
                {
                    return Fail(404, $"没有编号为“{id}”的线索。");
                }

                var address = await AddressesAsync(HoldsKey(config, request.Query["api_key"]), [report], directory, ct);
                return Results.Json(new[] { Describe(report, address(report)) });
            })
            .WithName("Open311Request").WithSummary("Open311:一条线索");

        // Anything else under /open311/v2 (the .xml variants included) gets the spec's error format.
        v2.MapMethods("/{**rest}", ["GET", "POST"], () => Fail(400, "只支持 GeoReport v2 的 JSON 接口(.json)。")).ExcludeFromDescription();
    }

    private static bool TryDate(string? text, out DateTime? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}
