using System.Globalization;
using System.Text.Json.Serialization;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Jianfu.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports.Open311;

/// <summary>
/// GET Service Requests and GET Service Request (GeoReport v2). Requests are listed without the reporter, the
/// description or the contact. What a 311 system sent about the place (address_string, address_id, lat/long,
/// media_url) is returned to api_key holders (the district's own hotline systems) with the reporting office; everyone
/// else learns only the district (<see cref="Disclosure"/>): anyone can read a poster's token off the wall, and a list
/// of one office's reports would point at the people working there.
/// </summary>
internal static class GetServiceRequests
{
    /// <summary>The spec's default window and its largest.</summary>
    private const int WindowDays = 90;
    private const int MaxRequests = 1000;

    /// <summary>The w3 date-time formats with their time zone, which the spec requires (Z or ±hh:mm).</summary>
    private static readonly string[] W3Formats =
        [.. new[] { "HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF" }.SelectMany(t => new[] { $"yyyy-MM-dd'T'{t}zzz", $"yyyy-MM-dd'T'{t}'Z'" })];

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

    /// <summary>The filters of GET Service Requests, checked: a filter that makes no sense is refused, never ignored.</summary>
    public sealed record Filter(IReadOnlyList<string>? Ids, DateTime From, DateTime To, IReadOnlyList<string> Codes, bool? Closed, string? Jurisdiction)
    {
        public static Result<Filter> Parse(IQueryCollection q, DateTime now)
        {
            if (q["service_request_id"].ToString() is { Length: > 0 } ids)
            {
                // "This overrides all other arguments."
                var list = Split(ids).Select(i => i.ToUpperInvariant()).ToList();
                return list.Count > 100
                    ? Error.Validation("service_request_id", "一次最多查询100个 service_request_id。")
                    : new Filter(list, DateTime.MinValue, DateTime.MaxValue, [], null, Text(q["jurisdiction_id"]));
            }

            if (!TryDate(q["start_date"], out var start) || !TryDate(q["end_date"], out var end))
            {
                return Error.Validation("start_date", "start_date / end_date 应为 w3 格式且是真实存在的时间,如 2026-11-01T00:00:00Z 或 2026-11-01T08:00:00+08:00。");
            }

            var to = end ?? (start is { } s ? s.AddDays(WindowDays) : now);
            var from = start ?? to.AddDays(-WindowDays);
            if (from > to)
            {
                return Error.Validation("start_date", "start_date 不能晚于 end_date。");
            }

            if (to - from > TimeSpan.FromDays(WindowDays))
            {
                return Error.Validation("end_date", $"start_date 与 end_date 相隔不能超过{WindowDays}天(GeoReport v2)。");
            }

            var statuses = Split(q["status"].ToString());
            if (statuses.Any(x => x is not ("open" or "closed")))
            {
                return Error.Validation("status", "status 只能是 open 或 closed(可用逗号同时写两个)。");
            }

            bool? closed = statuses.Distinct().Count() == 1 ? statuses[0] == "closed" : null;
            return new Filter(null, from, to, Split(q["service_code"].ToString()), closed, Text(q["jurisdiction_id"]));
        }

        private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        private static List<string> Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

        private static bool TryDate(string? text, out DateTime? value)
        {
            value = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                return true;
            }

            // A date alone is the start of that day in Beijing time, the platform's day.
            var trimmed = text.Trim();
            if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                value = day.StartUtc();
                return true;
            }

            if (DateTimeOffset.TryParseExact(trimmed, W3Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                value = parsed.UtcDateTime;
                return true;
            }

            return false;
        }
    }

    public sealed class Handler(JianfuDbContext db, IOrganisationDirectory directory)
    {
        public async Task<Result<List<ServiceRequest>>> ListAsync(Filter f, bool trusted, CancellationToken ct)
        {
            var reports = db.BurdenReports.AsNoTracking().Include(r => r.History).AsQueryable();
            if (f.Jurisdiction is { } jurisdiction)
            {
                var scope = await ScopeAsync(jurisdiction, trusted, ct);
                if (!scope.IsSuccess)
                {
                    return scope.Error!;
                }

                var (districtId, unitId) = scope.Value;
                reports = unitId is { } office ? reports.Where(r => r.UnitId == office) : reports.Where(r => r.DistrictId == districtId);
            }

            if (f.Ids is { } ids)
            {
                reports = reports.Where(r => ids.Contains(r.Receipt));
            }
            else
            {
                reports = reports.Where(r => r.ReceivedAt >= f.From && r.ReceivedAt <= f.To);
                if (f.Codes.Count > 0)
                {
                    reports = reports.Where(r => f.Codes.Contains(r.Category));
                }

                if (f.Closed is { } closed)
                {
                    reports = closed ? reports.Where(r => r.Status == ReportStatus.Closed) : reports.Where(r => r.Status != ReportStatus.Closed);
                }
            }

            var found = await reports.OrderByDescending(r => r.ReceivedAt).Take(MaxRequests).AsSplitQuery().ToListAsync(ct);
            return await DescribeAsync(found, trusted, ct);
        }

        public async Task<Result<List<ServiceRequest>>> OneAsync(string id, bool trusted, CancellationToken ct)
        {
            var receipt = id.Trim().ToUpperInvariant();
            var report = await db.BurdenReports.AsNoTracking().Include(r => r.History).FirstOrDefaultAsync(r => r.Receipt == receipt, ct);
            return report is null ? Error.NotFound($"没有编号为“{id}”的线索。") : await DescribeAsync([report], trusted, ct);
        }

        /// <summary>A district code narrows to the district; a poster's token to its office for api_key holders, else to its district.</summary>
        private async Task<Result<(int DistrictId, int? UnitId)>> ScopeAsync(string jurisdiction, bool trusted, CancellationToken ct)
        {
            if (Jurisdiction.IsDistrictCode(jurisdiction))
            {
                var district = await Jurisdiction.DistrictAsync(directory, jurisdiction, ct);
                return district.IsSuccess ? (district.Value.Id, null) : district.Error!;
            }

            var place = await Jurisdiction.PosterAsync(db, jurisdiction, inForceOnly: false, ct);
            return place is null
                ? Error.NotFound("jurisdiction_id 不是本系统的区县代码,也不是办公场所二维码令牌。")
                : (place.DistrictId, trusted ? place.UnitId : null);
        }

        private async Task<List<ServiceRequest>> DescribeAsync(List<BurdenReport> reports, bool trusted, CancellationToken ct)
        {
            var districts = new Dictionary<int, string?>();
            foreach (var id in reports.Select(r => r.DistrictId).Distinct())
            {
                districts[id] = (await directory.FindUnitAsync(id, ct))?.Name;
            }

            return reports.Select(r => Describe(r, trusted, districts[r.DistrictId])).ToList();
        }

        private ServiceRequest Describe(BurdenReport r, bool trusted, string? district) => new(
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
            Expected(r),
            trusted ? r.AddressText ?? r.UnitName : district,
            trusted ? r.AddressId : null,
            null,
            trusted ? r.Latitude : null,
            trusted ? r.Longitude : null,
            trusted ? r.MediaUrl : null);

        /// <summary>By when the next step is due: verification, then rectification (the end of that day, Beijing time).</summary>
        private static string? Expected(BurdenReport r)
        {
            var due = r.Status switch
            {
                ReportStatus.Received or ReportStatus.Verifying => r.VerifyDue,
                ReportStatus.RectificationRequested => r.RectifyDue,
                _ => null,
            };
            return due is { } day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T23:59:59+08:00" : null;
        }
    }

    private static string Time(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static void Map(RouteGroupBuilder v2, string format)
    {
        v2.MapGet($"/requests.{format}", async (string format, HttpRequest request, Handler handler, IConfiguration config, TimeProvider time, CancellationToken ct) =>
            {
                var xml = Open311Api.IsXml(format);
                var filter = Filter.Parse(request.Query, time.GetUtcNow().UtcDateTime);
                if (!filter.IsSuccess)
                {
                    return Open311Api.Fail(xml, filter.Error!);
                }

                var found = await handler.ListAsync(filter.Value, Open311Api.SystemOf(config, request.Query["api_key"]) is not null, ct);
                return found.IsSuccess ? GeoReport.Answer(xml, "service_requests", found.Value) : Open311Api.Fail(xml, found.Error!);
            })
            .RequireCors(Open311Api.PublicCors)
            .WithName("Open311Requests").WithSummary("Open311:查询线索(不含反映人和描述;status 为 open/closed,时间为 w3 格式且跨度不超过90天)");

        v2.MapGet($"/requests/{{id}}.{format}", async (string id, string format, HttpRequest request, Handler handler, IConfiguration config, CancellationToken ct) =>
            {
                var xml = Open311Api.IsXml(format);
                var found = await handler.OneAsync(id, Open311Api.SystemOf(config, request.Query["api_key"]) is not null, ct);
                return found.IsSuccess ? GeoReport.Answer(xml, "service_requests", found.Value) : Open311Api.Fail(xml, found.Error!);
            })
            .RequireCors(Open311Api.PublicCors)
            .WithName("Open311Request").WithSummary("Open311:一条线索");
    }
}
