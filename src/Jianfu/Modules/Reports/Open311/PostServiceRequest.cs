using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports.Open311;

/// <summary>
/// POST Service Request (GeoReport v2): a 311 app or a hotline relay submits a report for a place. The jurisdiction is
/// a poster's location token (the office it hangs in) or, for a city system, a district code with the place taken
/// from the request (<see cref="PlaceFinder"/>); with one district installed it may be left out. Everything the system
/// sends is kept (<see cref="ReportOrigin"/>). A retried POST with the same request id (Idempotency-Key header, or
/// attribute[client_request_id], or FixMyStreet's attribute[fixmystreet_id]) answers with the report it made the first time.
/// </summary>
internal static partial class PostServiceRequest
{
    public const string Notice = "区减负办将在5个工作日内核实,凭回执号查询办理情况。";

    private static readonly string[] RequestIdAttributes = ["client_request_id", "fixmystreet_id"];

    public sealed record Created(
        [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
        [property: JsonPropertyName("service_notice")] string ServiceNotice,
        [property: JsonPropertyName("account_id")] string? AccountId);

    public sealed class Handler(
        JianfuDbContext db, SubmitReport.Handler submit, GetReportLocation.Handler locations, IOrganisationDirectory directory, IConfiguration config)
    {
        /// <summary>The report made, and whether it was made by an earlier request with the same request id.</summary>
        public async Task<Result<(SubmitReport.Response Report, bool Replayed)>> HandleAsync(
            string? jurisdiction, string? serviceCode, string? description, string? phone, ReportOrigin origin, string? clientAddress, CancellationToken ct)
        {
            if (origin.RequestKey is { } key && await submit.PreviousAsync(key, ct) is { } previous)
            {
                return (previous, true);
            }

            var location = await LocationAsync(jurisdiction, origin, ct);
            if (!location.IsSuccess)
            {
                return location.Error!;
            }

            var made = await submit.HandleAsync(new SubmitReport.Request(location.Value.Token, serviceCode, description, phone, null), null, clientAddress, null, ct, origin);
            return made.IsSuccess ? (made.Value, false) : made.Error!;
        }

        private async Task<Result<ReportLocation>> LocationAsync(string? jurisdiction, ReportOrigin origin, CancellationToken ct)
        {
            var id = jurisdiction?.Trim() ?? "";
            UnitInfo? district;
            if (id.Length == 0)
            {
                var districts = await directory.DistrictsAsync(ct);
                if (districts.Count != 1)
                {
                    return Error.Validation("jurisdiction_id", "缺少 jurisdiction_id:请填写区县代码(6位,如 330602)或办公场所二维码令牌。");
                }

                district = districts[0];
            }
            else if (Jurisdiction.IsDistrictCode(id))
            {
                var found = await Jurisdiction.DistrictAsync(directory, id, ct);
                if (!found.IsSuccess)
                {
                    return found.Error!;
                }

                district = found.Value;
            }
            else
            {
                return await Jurisdiction.PosterAsync(db, id, inForceOnly: true, ct) is { } poster
                    ? poster
                    : Error.NotFound("jurisdiction_id 不是本系统的区县代码,也不是有效的办公场所二维码令牌(可能已停用)。");
            }

            var units = await directory.UnitsBelowAsync(district.Path, ct);
            var place = PlaceFinder.Find(units, origin, config.GetValue("Jianfu:Open311:NearestOfficeMetres", 3000.0));
            return place.IsSuccess ? await locations.GetOrCreateAsync(place.Value.Code, requireKeeper: false, ct) : place.Error!;
        }
    }

    public static async Task<IResult> EndpointAsync(string format, HttpContext http, Handler handler, IConfiguration config, CancellationToken ct)
    {
        var xml = Open311Api.IsXml(format);
        if (!http.Request.HasFormContentType)
        {
            return Open311Api.Fail(xml, 400, "请以 application/x-www-form-urlencoded 或 multipart/form-data 提交(Open311 GeoReport v2)。");
        }

        var form = await http.Request.ReadFormAsync(ct);
        var query = http.Request.Query;
        string? Field(string name) => form[name].ToString() is { Length: > 0 } v ? v.Trim() : query[name].ToString() is { Length: > 0 } q ? q.Trim() : null;

        if (Open311Api.SystemOf(config, Field("api_key")) is not { } system)
        {
            return Open311Api.Fail(xml, 403, "api_key 无效:提交线索须持区委减负办发放的 api_key(表单或查询串中的 api_key)。");
        }

        var attributes = Attributes(form);
        var requestId = http.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } header
            ? header.Trim()
            : RequestIdAttributes.Select(a => attributes.TryGetValue(a, out var v) ? v.FirstOrDefault() : null).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        if (requestId is { Length: > 100 })
        {
            return Open311Api.Fail(xml, 400, "Idempotency-Key(或 client_request_id)不能超过100个字符。");
        }

        if (!TryCoordinate(Field("lat"), out var lat) || !TryCoordinate(Field("long"), out var lon))
        {
            return Open311Api.Fail(xml, 400, "lat 与 long 应为十进制度数(WGS84),如 lat=30.0003&long=120.5857。");
        }

        var origin = new ReportOrigin(
            system, requestId is null ? null : $"{system}:{requestId}", lat, lon, Field("address_string"), Field("address_id"), Field("media_url"), attributes,
            new ReportSubmitter(Field("email"), Field("first_name"), Field("last_name"), Field("device_id"), Field("account_id")));
        var result = await handler.HandleAsync(
            Field("jurisdiction_id"), Field("service_code"), Field("description"), Field("phone"), origin, http.Connection.RemoteIpAddress?.ToString(), ct);
        if (!result.IsSuccess)
        {
            return Open311Api.Fail(xml, result.Error!);
        }

        var (report, replayed) = result.Value;
        if (replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return GeoReport.Answer(xml, "service_requests", new[] { new Created(report.Receipt, Notice, null) }, StatusCodes.Status201Created);
    }

    private static bool TryCoordinate(string? text, out double? value)
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    /// <summary>attribute[code]=value and, for a multivaluelist, attribute[code][]=value1&amp;attribute[code][]=value2.</summary>
    private static Dictionary<string, string[]> Attributes(IFormCollection form)
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            if (AttributeName().Match(name) is { Success: true } m)
            {
                var list = found.TryGetValue(m.Groups[1].Value, out var l) ? l : found[m.Groups[1].Value] = [];
                list.AddRange(values.Where(v => v is not null).Select(v => v!));
            }
        }

        return found.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^attribute\[([^\[\]]{1,100})\](\[\])?$")]
    private static partial Regex AttributeName();
}
