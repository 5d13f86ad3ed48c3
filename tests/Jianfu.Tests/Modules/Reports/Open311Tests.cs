using System.Net;
using Jianfu.Tests.Infrastructure;
using NJsonSchema;

namespace Jianfu.Tests.Modules.Reports;

/// <summary>The Open311 GeoReport v2 interface, its answers validated against the official JSON schemas (shared/data).</summary>
public abstract class Open311Tests(JianfuFactory factory)
{
    private static async Task ValidAsync(string schemaFile, string json)
    {
        var schema = await JsonSchema.FromFileAsync(SharedData.Path("open311-georeport-v2", schemaFile));
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, $"{schemaFile}: {string.Join("; ", errors.Select(e => $"{e.Path} {e.Kind}"))}\n{json}");
    }

    private async Task<string> TokenAsync()
    {
        using var keeper = await factory.LoginAsync("catalogue");
        return (await keeper.GetAsync("/api/v1/report-locations/330602108231")).Expect(HttpStatusCode.OK).Json.Str("token");
    }

    private async Task<Reply> PostAsync(Dictionary<string, string> fields)
    {
        using var client = factory.Anonymous();
        using var response = await client.Http.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(fields));
        return await Reply.ReadAsync(response);
    }

    [Fact]
    public async Task ServicesAndDefinitions_FollowTheSchemas()
    {
        using var client = factory.Anonymous();
        var services = (await client.GetAsync("/open311/v2/services.json")).Expect(HttpStatusCode.OK);
        await ValidAsync("services.json", services.Body);
        Assert.Equal(9, services.Json.AsArray().Count);
        Assert.Contains(services.Json.Items(), s => s.Str("service_code") == "certificate" && s.Str("service_name") == "不应出具的证明");
        var definition = (await client.GetAsync("/open311/v2/services/plaque.json")).Expect(HttpStatusCode.OK);
        await ValidAsync("service-definition.json", definition.Body);
        var unknown = (await client.GetAsync("/open311/v2/services/nope.json")).Expect(HttpStatusCode.NotFound);
        Assert.Equal(404, unknown.Json.AsArray().Single()!.Int("code"));
        (await client.GetAsync("/open311/v2/services.xml")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task HotlineSystem_SubmitsAndFollowsARequest()
    {
        var token = await TokenAsync();
        var created = (await PostAsync(new()
        {
            ["api_key"] = JianfuFactory.Open311ApiKey, ["jurisdiction_id"] = token, ["service_code"] = "apps-and-groups",
            ["description"] = "12345转来:村干部手机上要装八个政务App,每天都要登录打卡。", ["phone"] = "13700002222",
        })).Expect(HttpStatusCode.Created).Json.AsArray();
        var id = created.Single()!.Str("service_request_id");

        using var client = factory.Anonymous();
        var one = (await client.GetAsync($"/open311/v2/requests/{id}.json")).Expect(HttpStatusCode.OK);
        await ValidAsync("requests.json", one.Body);
        var request = one.Json.AsArray().Single()!;
        Assert.Equal(("open", "apps-and-groups"), (request.Str("status"), request.Str("service_code")));
        Assert.DoesNotContain("13700002222", one.Body);

        var list = (await client.GetAsync($"/open311/v2/requests.json?service_code=apps-and-groups&status=open&jurisdiction_id={token}")).Expect(HttpStatusCode.OK);
        await ValidAsync("requests.json", list.Body);
        Assert.Contains(list.Json.Items(), r => r.Str("service_request_id") == id);
        Assert.Contains((await client.GetAsync($"/open311/v2/requests.json?service_request_id={id}")).Json.Items(), r => r.Str("service_request_id") == id);
        Assert.Equal("Received", (await client.GetAsync($"/api/v1/reports/{id}")).Json.Str("status"));
    }

    [Fact]
    public async Task BadRequests_GetTheSpecsErrorFormat()
    {
        var token = await TokenAsync();
        var noKey = (await PostAsync(new() { ["jurisdiction_id"] = token, ["service_code"] = "plaque", ["description"] = "挂牌太多了" })).Expect(HttpStatusCode.Forbidden);
        Assert.Equal(403, noKey.Json.AsArray().Single()!.Int("code"));
        var badService = (await PostAsync(new() { ["api_key"] = JianfuFactory.Open311ApiKey, ["jurisdiction_id"] = token, ["service_code"] = "potholes", ["description"] = "挂牌太多了" }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("问题类型", badService.Json.AsArray().Single()!.Str("description"));
        (await PostAsync(new() { ["api_key"] = JianfuFactory.Open311ApiKey, ["service_code"] = "plaque", ["description"] = "挂牌太多了" })).Expect(HttpStatusCode.BadRequest);
        (await PostAsync(new() { ["api_key"] = JianfuFactory.Open311ApiKey, ["jurisdiction_id"] = "forged", ["service_code"] = "plaque", ["description"] = "挂牌太多了" }))
            .Expect(HttpStatusCode.NotFound);
        using var client = factory.Anonymous();
        (await client.GetAsync("/open311/v2/requests.json?start_date=yesterday")).Expect(HttpStatusCode.BadRequest);
        (await client.GetAsync("/open311/v2/requests/JF000000-NOSUCHXX.json")).Expect(HttpStatusCode.NotFound);
    }
}

public sealed class Open311Tests_Sqlite(SqliteFactory factory) : Open311Tests(factory), IClassFixture<SqliteFactory>;

public sealed class Open311Tests_Postgres(PostgresFactory factory) : Open311Tests(factory), IClassFixture<PostgresFactory>;
