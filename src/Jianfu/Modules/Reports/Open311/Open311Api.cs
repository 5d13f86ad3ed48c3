using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Web;

namespace Jianfu.Modules.Reports.Open311;

/// <summary>
/// Open311 GeoReport v2 over the green channel, so that 311 apps and hotline systems can submit and follow reports:
/// every resource in <c>.json</c> and <c>.xml</c>, errors in the format asked for, a discovery document, 404 for what
/// does not exist. Services are the report categories; the jurisdiction is a district (its division code) or a
/// poster's location token; service_request_id is the receipt. Writes need an api_key (Jianfu:Open311:ApiKeys), sent
/// in the form body or the query string. The public GET resources allow any origin (CORS).
/// </summary>
internal static class Open311Api
{
    public const string PublicCors = "open311-public";
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";

    /// <summary>When the service list last changed (the discovery's and endpoint's changeset).</summary>
    private const string Changeset = "2026-12-01T00:00:00+08:00";

    public sealed record Service(
        [property: JsonPropertyName("service_code")] string ServiceCode,
        [property: JsonPropertyName("service_name")] string ServiceName,
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("metadata")] bool Metadata,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("keywords")] string? Keywords,
        [property: JsonPropertyName("group")] string Group);

    public sealed record Attribute(
        [property: JsonPropertyName("variable")] bool Variable,
        [property: JsonPropertyName("code")] string Code,
        [property: JsonPropertyName("datatype")] string Datatype,
        [property: JsonPropertyName("required")] bool Required,
        [property: JsonPropertyName("datatype_description")] string? DatatypeDescription,
        [property: JsonPropertyName("order")] int Order,
        [property: JsonPropertyName("description")] string Description);

    public sealed record ServiceDefinition(
        [property: JsonPropertyName("service_code")] string ServiceCode,
        [property: JsonPropertyName("attributes")] IReadOnlyList<Attribute> Attributes);

    public sealed record Endpoint(
        [property: JsonPropertyName("specification")] string Specification,
        [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("changeset")] string Changeset,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("formats")] IReadOnlyList<string> Formats);

    public sealed record Discovery(
        [property: JsonPropertyName("changeset")] string Changeset,
        [property: JsonPropertyName("contact")] string Contact,
        [property: JsonPropertyName("key_service")] string KeyService,
        [property: JsonPropertyName("endpoints")] IReadOnlyList<Endpoint> Endpoints);

    /// <summary>The one service attribute: which township or community a city-wide report is about.</summary>
    private static readonly Attribute Community = new(
        true, PlaceFinder.CommunityAttribute, "string", false, "村(社区)或镇街的名称,或9位、12位区划代码", 1,
        "反映的是哪个村(社区)或镇街。以区县代码作 jurisdiction_id 提交时填写;扫办公场所二维码提交的无需填写。");

    private static IEnumerable<Service> Services() =>
        ReportCategories.All.Select(c => new Service(c.Id, c.Name, c.Hint, true, "realtime", null, "基层减负"));

    public static bool IsXml(string format) => format == "xml";

    public static IResult Fail(bool xml, int status, string description) => GeoReport.Errors(xml, status, description);

    public static IResult Fail(bool xml, Error error)
    {
        var failed = Fail(xml, error.Status, error.Message);
        return error.RetryAfter is { } wait ? new ProblemResults.WithRetryAfter(failed, wait) : failed;
    }

    /// <summary>The name a valid api_key stands for (its fingerprint, never the key), or null.</summary>
    public static string? SystemOf(IConfiguration config, string? key)
    {
        if (string.IsNullOrEmpty(key) || !(config.GetSection("Jianfu:Open311:ApiKeys").Get<string[]>() ?? []).Contains(key, StringComparer.Ordinal))
        {
            return null;
        }

        return $"Open311 接口(密钥指纹 {Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8]})";
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        const string Format = "{format:regex(^(json|xml)$)}";
        var v2 = app.MapGroup("/open311/v2").AllowAnonymous().DisableAntiforgery().WithTags("Open311 GeoReport v2");

        app.MapGet($"/open311/discovery.{Format}", DiscoveryOf).RequireCors(PublicCors).AllowAnonymous().ExcludeFromDescription();
        v2.MapGet($"/discovery.{Format}", DiscoveryOf).RequireCors(PublicCors)
            .WithName("Open311Discovery").WithSummary("Open311:服务发现(规范、网址、格式、联系方式)");

        v2.MapGet($"/services.{Format}", (string format) => GeoReport.Answer(IsXml(format), "services", Services().ToList()))
            .RequireCors(PublicCors).WithName("Open311Services").WithSummary("Open311:服务类型(即线索问题类型),.json 或 .xml");

        v2.MapGet($"/services/{{code}}.{Format}", (string code, string format) =>
                ReportCategories.IsKnown(code)
                    ? GeoReport.Answer(IsXml(format), "service_definition", new ServiceDefinition(code, [Community]))
                    : Fail(IsXml(format), 404, $"没有服务类型“{code}”。"))
            .RequireCors(PublicCors).WithName("Open311ServiceDefinition").WithSummary("Open311:服务类型定义(附加字段 community:反映的村(社区)或镇街)");

        v2.MapPost($"/requests.{Format}", PostServiceRequest.EndpointAsync)
            .WithName("Open311CreateRequest")
            .WithSummary("Open311:提交线索(表单;api_key 可在表单或查询串中;jurisdiction_id 为区县代码或办公场所二维码令牌;Idempotency-Key 或 attribute[client_request_id] 使重试不重复)");

        GetServiceRequests.Map(v2, Format);

        v2.MapGet($"/tokens/{{token}}.{Format}", (string format) =>
                Fail(IsXml(format), 404, "本系统提交即返回 service_request_id,没有需要换取的 token。"))
            .RequireCors(PublicCors).WithName("Open311Token").WithSummary("Open311:以 token 换取编号(本系统不使用 token,恒为 404)");

        // Anything else under /open311 is not a resource: 404, in the format its extension asks for.
        app.MapMethods("/open311/{**rest}", [HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch], (HttpRequest request) =>
                Fail(GeoReport.WantsXml(request.Path), 404, "没有这个接口。GeoReport v2 的接口见 /open311/v2/discovery.xml。"))
            .AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
    }

    private static IResult DiscoveryOf(string format, HttpRequest request, IConfiguration config)
    {
        var url = $"{PublicAddress.BaseUrl(config, request)}/open311/v2";
        var discovery = new Discovery(
            Changeset,
            config["Jianfu:Open311:Contact"] ?? "区委减负办(区清单管理员)",
            config["Jianfu:Open311:KeyService"] ?? "api_key 向区委减负办申请;查询无需 api_key。",
            [new Endpoint(Specification, url, Changeset, "production", ["text/xml", "application/json"])]);
        return GeoReport.Answer(IsXml(format), "discovery", discovery);
    }
}
