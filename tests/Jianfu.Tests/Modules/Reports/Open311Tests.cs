using System.Net;
using System.Text;
using System.Xml.Linq;
using Jianfu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NJsonSchema;

namespace Jianfu.Tests.Modules.Reports;

/// <summary>
/// The Open311 GeoReport v2 interface as 311 clients use it: both formats (JSON answers validated against the official
/// schemas, XML as the spec's examples and FixMyStreet's client read it), discovery, errors in the format asked for,
/// a city-wide jurisdiction, the fields a client sends kept and returned, and retried POSTs that make one report.
/// </summary>
public abstract class Open311Tests(JianfuFactory factory)
{
    private const string District = "330602";

    private static async Task ValidAsync(string schemaFile, string json)
    {
        var schema = await JsonSchema.FromFileAsync(SharedData.Path("open311-georeport-v2", schemaFile));
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, $"{schemaFile}: {string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}"))}\n{json}");
    }

    private static XElement Xml(Reply reply, string root)
    {
        Assert.Equal("text/xml", reply.ContentType);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", reply.Body);
        var doc = XDocument.Parse(reply.Body);
        Assert.Equal(root, doc.Root!.Name.LocalName);
        return doc.Root;
    }

    private async Task<string> TokenAsync(string unit = "330602108231")
    {
        using var keeper = await factory.LoginAsync("catalogue");
        return (await keeper.GetAsync($"/api/v1/report-locations/{unit}")).Expect(HttpStatusCode.OK).Json.Str("token");
    }

    private async Task<Reply> PostAsync(IEnumerable<KeyValuePair<string, string>> fields, string format = "json", string? idempotencyKey = null, string query = "")
    {
        using var client = factory.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/open311/v2/requests.{format}{query}") { Content = new FormUrlEncodedContent(fields) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await client.Http.SendAsync(request);
        return await Reply.ReadAsync(response);
    }

    private static Dictionary<string, string> CityWide(string description, params (string Key, string Value)[] more)
    {
        var fields = new Dictionary<string, string>
        {
            ["api_key"] = JianfuFactory.Open311ApiKey, ["jurisdiction_id"] = District, ["service_code"] = "trace-demand", ["description"] = description,
        };
        foreach (var (key, value) in more)
        {
            fields[key] = value;
        }

        return fields;
    }

    private Task<(string UnitCode, string? Source)> StoredAsync(string receipt) => factory.WithDbAsync(async db =>
    {
        var report = await db.BurdenReports.SingleAsync(r => r.Receipt == receipt);
        return (await db.Units.Where(u => u.Id == report.UnitId).Select(u => u.Code).SingleAsync(), report.SourceSystem);
    });

    [Fact]
    public async Task ServicesAndDefinitions_InJsonAndXml_FollowTheSpec()
    {
        using var client = factory.Anonymous();
        var services = (await client.GetAsync("/open311/v2/services.json")).Expect(HttpStatusCode.OK);
        await ValidAsync("services.json", services.Body);
        Assert.Equal(9, services.Json.AsArray().Count);
        Assert.Contains(services.Json.Items(), s => s.Str("service_code") == "certificate" && s.Str("service_name") == "不应出具的证明");

        var xml = Xml((await client.GetAsync("/open311/v2/services.xml")).Expect(HttpStatusCode.OK), "services");
        Assert.Equal(9, xml.Elements("service").Count());
        var certificate = xml.Elements("service").Single(s => s.Element("service_code")!.Value == "certificate");
        Assert.Equal(("不应出具的证明", "true", "realtime"), (certificate.Element("service_name")!.Value, certificate.Element("metadata")!.Value, certificate.Element("type")!.Value));
        Assert.Equal("", certificate.Element("keywords")!.Value);

        var definition = (await client.GetAsync("/open311/v2/services/plaque.json")).Expect(HttpStatusCode.OK);
        await ValidAsync("service-definition.json", definition.Body);
        var defined = Xml((await client.GetAsync("/open311/v2/services/plaque.xml")).Expect(HttpStatusCode.OK), "service_definition");
        Assert.Equal("plaque", defined.Element("service_code")!.Value);
        var attribute = defined.Element("attributes")!.Elements("attribute").Single();
        Assert.Equal(("community", "string", "false"), (attribute.Element("code")!.Value, attribute.Element("datatype")!.Value, attribute.Element("required")!.Value));

        var unknown = (await client.GetAsync("/open311/v2/services/nope.json")).Expect(HttpStatusCode.NotFound);
        Assert.Equal(404, unknown.Json.AsArray().Single()!.Int("code"));
        var unknownXml = Xml((await client.GetAsync("/open311/v2/services/nope.xml")).Expect(HttpStatusCode.NotFound), "errors");
        Assert.Equal("404", unknownXml.Element("error")!.Element("code")!.Value);
        Assert.Contains("nope", unknownXml.Element("error")!.Element("description")!.Value);
    }

    [Fact]
    public async Task Discovery_NamesTheEndpointAndBothFormats()
    {
        using var client = factory.Anonymous();
        var json = (await client.GetAsync("/open311/v2/discovery.json")).Expect(HttpStatusCode.OK).Json;
        var endpoint = json.Items("endpoints").Single();
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.Str("specification"));
        Assert.EndsWith("/open311/v2", endpoint.Str("url"));
        Assert.Equal(["text/xml", "application/json"], endpoint["formats"]!.AsArray().Select(f => f!.GetValue<string>()));

        var xml = Xml((await client.GetAsync("/open311/discovery.xml")).Expect(HttpStatusCode.OK), "discovery");
        var formats = xml.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Select(f => f.Value);
        Assert.Equal(["text/xml", "application/json"], formats);
        Assert.False(string.IsNullOrEmpty(xml.Element("contact")!.Value));
    }

    [Fact]
    public async Task UnknownPaths_Get404_InTheFormatAskedFor()
    {
        using var client = factory.Anonymous();
        foreach (var path in new[] { "/open311/v2/tokens/12345.xml", "/open311/v2/nothing.xml", "/open311/v2/services.xml/extra.xml", "/open311/elsewhere.xml" })
        {
            var error = Xml((await client.GetAsync(path)).Expect(HttpStatusCode.NotFound), "errors");
            Assert.Equal("404", error.Element("error")!.Element("code")!.Value);
        }

        foreach (var path in new[] { "/open311/v2/tokens/12345.json", "/open311/v2/discovery", "/open311/v2/services.csv", "/open311/v2/requests" })
        {
            var error = (await client.GetAsync(path)).Expect(HttpStatusCode.NotFound);
            Assert.Equal(404, error.Json.AsArray().Single()!.Int("code"));
        }
    }

    [Fact]
    public async Task HotlineSystem_SubmitsAndFollowsARequest_InXml()
    {
        var token = await TokenAsync();
        var created = Xml((await PostAsync(new Dictionary<string, string>
        {
            ["api_key"] = JianfuFactory.Open311ApiKey, ["jurisdiction_id"] = token, ["service_code"] = "apps-and-groups",
            ["description"] = "12345转来:村干部手机上要装八个政务App,每天都要登录打卡。", ["phone"] = "13700002222",
        }, "xml")).Expect(HttpStatusCode.Created), "service_requests");
        var request = created.Element("request")!;
        var id = request.Element("service_request_id")!.Value;
        Assert.NotNull(request.Element("service_notice"));
        Assert.Equal("", request.Element("account_id")!.Value);

        using var client = factory.Anonymous();
        var one = (await client.GetAsync($"/open311/v2/requests/{id}.json")).Expect(HttpStatusCode.OK);
        await ValidAsync("requests.json", one.Body);
        Assert.Equal(("open", "apps-and-groups"), (one.Json.AsArray().Single()!.Str("status"), one.Json.AsArray().Single()!.Str("service_code")));
        Assert.DoesNotContain("13700002222", one.Body);

        var oneXml = Xml((await client.GetAsync($"/open311/v2/requests/{id}.xml")).Expect(HttpStatusCode.OK), "service_requests").Element("request")!;
        Assert.Equal((id, "open", "越城区"), (oneXml.Element("service_request_id")!.Value, oneXml.Element("status")!.Value, oneXml.Element("address")!.Value));
        Assert.EndsWith("Z", oneXml.Element("requested_datetime")!.Value);
        Assert.EndsWith("+08:00", oneXml.Element("expected_datetime")!.Value);

        var list = Xml((await client.GetAsync($"/open311/v2/requests.xml?service_code=apps-and-groups&status=open&jurisdiction_id={token}")).Expect(HttpStatusCode.OK), "service_requests");
        Assert.Contains(list.Elements("request"), r => r.Element("service_request_id")!.Value == id);
        var json = (await client.GetAsync($"/open311/v2/requests.json?service_request_id={id}")).Expect(HttpStatusCode.OK);
        await ValidAsync("requests.json", json.Body);
        Assert.Equal("Received", (await client.GetAsync($"/api/v1/reports/{id}")).Json.Str("status"));
    }

    [Fact]
    public async Task CityWideJurisdiction_FindsTheCommunity_FromWhatTheClientSends()
    {
        using var admin = await factory.LoginAsync("admin");
        // The district gives its offices' positions in the division file: 义峰村 and 富盛镇's office, about 2.5 km apart.
        var csv = "code,name,level,parent_code,lat,long,address\n330602108231,义峰村委会,village,330602108,29.9321,120.7262,富盛镇义峰村\n330602108,富盛镇,street,330602,29.9420,120.7495,\n";
        (await admin.PostFileAsync("/api/v1/admin/divisions", Encoding.UTF8.GetBytes(csv), "offices.csv")).Expect(HttpStatusCode.OK);

        var cases = new (string Unit, (string, string)[] Fields)[]
        {
            ("330602108231", [("address_string", "绍兴市越城区富盛镇义峰村村委会旁")]),
            ("330602108001", [("address_string", "富盛镇富盛社区")]),
            ("330602108", [("address_string", "富盛镇政府")]),
            ("330602108202", [("address_id", "330602108202")]),
            ("330602108210", [("attribute[community]", "乌石村"), ("address_string", "义峰村")]),
            ("330602108231", [("lat", "29.9330"), ("long", "120.7270")]),
            ("330602108", [("lat", "29.9415"), ("long", "120.7490")]),
        };
        foreach (var (unit, fields) in cases)
        {
            var created = (await PostAsync(CityWide("区里要求每周上传走访照片和签到记录。", fields))).Expect(HttpStatusCode.Created);
            var (stored, source) = await StoredAsync(created.Json.AsArray().Single()!.Str("service_request_id"));
            Assert.True(unit == stored, $"{string.Join("&", fields.Select(f => $"{f.Item1}={f.Item2}"))}: expected {unit}, got {stored}");
            Assert.StartsWith("Open311 接口", source);
        }

        // With one district installed the jurisdiction may be left out, as the spec allows for a single jurisdiction.
        var implicitDistrict = CityWide("每个月都要交一份纸质工作台账。", ("address_string", "义峰村"));
        implicitDistrict.Remove("jurisdiction_id");
        (await PostAsync(implicitDistrict)).Expect(HttpStatusCode.Created);

        var nowhere = (await PostAsync(CityWide("要求建台账。", ("address_string", "月球基地")))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("address_string", nowhere.Json.AsArray().Single()!.Str("description"));
        var farAway = (await PostAsync(CityWide("要求建台账。", ("lat", "31.2304"), ("long", "121.4737")))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("无法确定", farAway.Json.AsArray().Single()!.Str("description"));
        (await PostAsync(CityWide("要求建台账。", ("attribute[community]", "不存在村")))).Expect(HttpStatusCode.BadRequest);
        var otherDistrict = CityWide("要求建台账。", ("address_string", "义峰村"));
        otherDistrict["jurisdiction_id"] = "110101";
        (await PostAsync(otherDistrict)).Expect(HttpStatusCode.NotFound);
        (await PostAsync(CityWide("要求建台账。", ("lat", "29.93")))).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task WhatTheClientSends_IsKept_ReturnedToKeyHolders_AndShownToHandlersOnly()
    {
        var created = (await PostAsync(CityWide(
            "街道要求村里每天在三个App上打卡,还要截图发群里。",
            ("lat", "29.9321"), ("long", "120.7262"), ("address_string", "富盛镇义峰村文化礼堂"), ("address_id", "YF-0042"), ("email", "zhang.san@example.cn"),
            ("first_name", "三"), ("last_name", "张"), ("device_id", "dev-77"), ("account_id", "acct-9"), ("media_url", "https://12345.example.cn/media/77.jpg"),
            ("attribute[community]", "义峰村")).Append(new("attribute[channel][]", "电话")).Append(new("attribute[channel][]", "微信"))))
            .Expect(HttpStatusCode.Created);
        var id = created.Json.AsArray().Single()!.Str("service_request_id");

        using var client = factory.Anonymous();
        var trusted = (await client.GetAsync($"/open311/v2/requests/{id}.json?api_key={JianfuFactory.Open311ApiKey}")).Expect(HttpStatusCode.OK);
        await ValidAsync("requests.json", trusted.Body);
        var seen = trusted.Json.AsArray().Single()!;
        Assert.Equal(("富盛镇义峰村文化礼堂", "YF-0042", "https://12345.example.cn/media/77.jpg"), (seen.Str("address"), seen.Str("address_id"), seen.Str("media_url")));
        Assert.Equal((29.9321, 120.7262), (seen["lat"]!.GetValue<double>(), seen["long"]!.GetValue<double>()));

        // The public learns the district only; nobody outside the handlers learns who submitted it.
        var anonymous = (await client.GetAsync($"/open311/v2/requests/{id}.json")).Expect(HttpStatusCode.OK);
        var shown = anonymous.Json.AsArray().Single()!;
        Assert.Equal("越城区", shown.Str("address"));
        Assert.Null(shown["lat"]);
        Assert.Null(shown["media_url"]);
        foreach (var secret in new[] { "zhang.san", "张", "dev-77", "acct-9", "文化礼堂", "YF-0042", "77.jpg" })
        {
            Assert.DoesNotContain(secret, anonymous.Body);
        }

        foreach (var personal in new[] { "zhang.san", "dev-77", "acct-9" })
        {
            Assert.DoesNotContain(personal, trusted.Body);
        }

        using var keeper = await factory.LoginAsync("catalogue");
        var origin = (await keeper.GetAsync($"/api/v1/reports/{id}/handling")).Expect(HttpStatusCode.OK).Json["origin"]!;
        Assert.Equal(("zhang.san@example.cn", "张三", "dev-77", "acct-9"), (origin.Str("email"), origin.Str("name"), origin.Str("deviceId"), origin.Str("accountId")));
        Assert.Equal(["电话", "微信"], origin["attributes"]!["channel"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(29.9321, origin["latitude"]!.GetValue<double>());
        var stored = await factory.WithDbAsync(db => db.BurdenReports.Where(r => r.Receipt == id).Select(r => r.SubmitterProtected).SingleAsync());
        Assert.DoesNotContain("zhang.san", stored);

        var bad = (await PostAsync(CityWide("要求每天打卡。", ("address_string", "义峰村"), ("media_url", "javascript:alert(1)")))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("media_url", bad.Json.AsArray().Single()!.Str("description"));
        (await PostAsync(CityWide("要求每天打卡。", ("address_string", "义峰村"), ("email", "not-an-email")))).Expect(HttpStatusCode.BadRequest);
        // Everything wrong is named in one answer, the report's own fields and what the 311 system added alike.
        var all = (await PostAsync(CityWide("短", ("address_string", "义峰村"), ("media_url", "ftp://x"), ("email", "not-an-email")))).Expect(HttpStatusCode.BadRequest)
            .Json.AsArray().Single()!.Str("description");
        Assert.All(["至少5个字", "media_url", "email"], part => Assert.Contains(part, all));
        (await PostAsync(CityWide("要求每天打卡。", ("address_string", "义峰村"), ("lat", "north"), ("long", "120.7")))).Expect(HttpStatusCode.BadRequest);
        // Attributes that would not fit the column are refused on their own, before they reach the writer's batch.
        var many = CityWide("要求每天打卡。", ("address_string", "义峰村")).Concat(Enumerable.Range(0, 10).Select(i => KeyValuePair.Create($"attribute[note{i}]", new string('长', 400))));
        Assert.Contains("合计", (await PostAsync(many)).Expect(HttpStatusCode.BadRequest).Json.AsArray().Single()!.Str("description"));
    }

    [Fact]
    public async Task ARetriedPost_MakesOneReport()
    {
        var count = () => factory.WithDbAsync(db => db.BurdenReports.CountAsync());
        var before = await count();
        var fields = CityWide("镇里要求每个村做一本创建台账,重复报了三次。", ("address_string", "义峰村"));
        var first = (await PostAsync(fields, idempotencyKey: "relay-0001")).Expect(HttpStatusCode.Created).Json.AsArray().Single()!.Str("service_request_id");
        var again = (await PostAsync(fields, "xml", idempotencyKey: "relay-0001")).Expect(HttpStatusCode.Created);
        Assert.Equal(first, Xml(again, "service_requests").Element("request")!.Element("service_request_id")!.Value);
        Assert.Equal(before + 1, await count());

        // FixMyStreet sends its own report id as an attribute; two copies at the same moment still make one report.
        var fms = CityWide("要求每月报送三张纸质表格。", ("address_string", "义峰村"), ("attribute[fixmystreet_id]", "fms-4242"));
        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostAsync(fms))));
        Assert.All(replies, r => r.Expect(HttpStatusCode.Created));
        Assert.Single(replies.Select(r => r.Json.AsArray().Single()!.Str("service_request_id")).Distinct());
        Assert.Equal(before + 2, await count());

        // A different request id is a different report.
        (await PostAsync(fields, idempotencyKey: "relay-0002")).Expect(HttpStatusCode.Created);
        Assert.Equal(before + 3, await count());
    }

    [Fact]
    public async Task ApiKey_IsAcceptedInTheQueryString_AndRequiredForWrites()
    {
        var fields = CityWide("要求村里把同一份数据报给三个部门。", ("address_string", "义峰村"));
        fields.Remove("api_key");
        var refused = Xml((await PostAsync(fields, "xml")).Expect(HttpStatusCode.Forbidden), "errors");
        Assert.Equal("403", refused.Element("error")!.Element("code")!.Value);
        Assert.Contains("api_key", refused.Element("error")!.Element("description")!.Value);
        (await PostAsync(fields, query: "?api_key=wrong")).Expect(HttpStatusCode.Forbidden);
        (await PostAsync(fields, query: $"?api_key={JianfuFactory.Open311ApiKey}")).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Filters_ThatMakeNoSense_AreRefused()
    {
        using var client = factory.Anonymous();
        foreach (var query in new[]
                 {
                     "status=pending", "status=open,archived", "start_date=yesterday", "start_date=2026-02-30", "start_date=2026-11-01T00:00:00",
                     "start_date=2026-11-02T00:00:00Z&end_date=2026-11-01T00:00:00Z", "start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
                 })
        {
            var refused = (await client.GetAsync($"/open311/v2/requests.json?{query}")).Expect(HttpStatusCode.BadRequest);
            Assert.Equal(400, refused.Json.AsArray().Single()!.Int("code"));
        }

        Xml((await client.GetAsync("/open311/v2/requests.xml?status=pending")).Expect(HttpStatusCode.BadRequest), "errors");
        (await client.GetAsync("/open311/v2/requests.json?status=open,closed&start_date=2026-11-01&end_date=2026-12-31T00:00:00%2B08:00")).Expect(HttpStatusCode.OK);
        (await client.GetAsync("/open311/v2/requests.json?jurisdiction_id=110101")).Expect(HttpStatusCode.NotFound);
        (await client.GetAsync($"/open311/v2/requests.json?jurisdiction_id={District}")).Expect(HttpStatusCode.OK);
        (await client.GetAsync("/open311/v2/requests/JF000000-NOSUCHXX.json")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PublicReads_AllowAnyOrigin_ButWritesDoNot()
    {
        using var client = factory.Anonymous();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/open311/v2/services.json");
        get.Headers.Add("Origin", "https://311.example.org");
        using var read = await client.Http.SendAsync(get);
        Assert.Equal("*", read.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/open311/v2/requests.json");
        preflight.Headers.Add("Origin", "https://311.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var answer = await client.Http.SendAsync(preflight);
        Assert.False(answer.Headers.Contains("Access-Control-Allow-Origin") && answer.Headers.GetValues("Access-Control-Allow-Methods").Any(m => m.Contains("POST")));
    }
}

public sealed class Open311Tests_Sqlite(SqliteFactory factory) : Open311Tests(factory), IClassFixture<SqliteFactory>;

public sealed class Open311Tests_Postgres(PostgresFactory factory) : Open311Tests(factory), IClassFixture<PostgresFactory>;
