using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace Jianfu.Platform.Web;

/// <summary>
/// The two formats of Open311 GeoReport v2: JSON, and XML (the format the spec requires and most deployed clients ask
/// for), chosen by the resource's extension (<c>requests.xml</c>). The XML is the JSON mapped back by the spec's Spark
/// convention: an array becomes a wrapping element whose items take the singular name (services/service,
/// service_requests/request, errors/error, attributes/attribute, values/value, endpoints/endpoint, formats/format);
/// null becomes an empty element. UTF-8 with its declaration, no namespace.
/// </summary>
internal static class GeoReport
{
    public const string XmlType = "text/xml; charset=utf-8";
    public const string JsonType = "application/json; charset=utf-8";

    /// <summary>Chinese stays readable in the JSON, as in the rest of the API.</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    private static readonly Dictionary<string, string> ItemNames = new(StringComparer.Ordinal)
    {
        ["services"] = "service",
        ["service_requests"] = "request",
        ["errors"] = "error",
        ["attributes"] = "attribute",
        ["values"] = "value",
        ["endpoints"] = "endpoint",
        ["formats"] = "format",
    };

    /// <summary>Whether the client asked for XML: the path's extension, as the spec has clients choose.</summary>
    public static bool WantsXml(PathString path) => path.Value?.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>An answer in the format asked for. <paramref name="root"/> names the outer element of the XML.</summary>
    public static IResult Answer(bool xml, string root, object payload, int status = StatusCodes.Status200OK)
    {
        var json = JsonSerializer.SerializeToNode(payload, payload.GetType(), Json);
        return xml
            ? Results.Text(ToXml(root, json), XmlType, Encoding.UTF8, status)
            : Results.Text(json?.ToJsonString(Json) ?? "null", JsonType, Encoding.UTF8, status);
    }

    /// <summary>The spec's error list: [{code, description}] or &lt;errors&gt;&lt;error&gt;…</summary>
    public static IResult Errors(bool xml, int status, string description) =>
        Answer(xml, "errors", new[] { new { code = status, description } }, status);

    public static Task WriteErrorsAsync(HttpContext http, int status, string description) =>
        Errors(WantsXml(http.Request.Path), status, description).ExecuteAsync(http);

    public static string ToXml(string root, JsonNode? node)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(new StringWriter(text, CultureInfo.InvariantCulture), new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            xml.WriteProcessingInstruction("xml", "version=\"1.0\" encoding=\"utf-8\"");
            Write(xml, root, node);
        }

        return text.ToString();
    }

    private static void Write(XmlWriter xml, string name, JsonNode? node)
    {
        xml.WriteStartElement(name);
        switch (node)
        {
            case JsonArray array:
                var item = ItemNames.GetValueOrDefault(name, "item");
                foreach (var element in array)
                {
                    Write(xml, item, element);
                }

                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Write(xml, XmlConvert.EncodeLocalName(key), value);
                }

                break;
            case JsonValue value:
                xml.WriteString(value.GetValueKind() switch
                {
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => value.ToJsonString(),
                    _ => value.ToString(),
                });
                break;
        }

        xml.WriteEndElement();
    }
}
