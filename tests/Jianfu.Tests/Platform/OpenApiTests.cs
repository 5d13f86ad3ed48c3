using System.Net;
using Jianfu.Tests.Infrastructure;

namespace Jianfu.Tests.Platform;

public sealed class OpenApiTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task OpenApiDocument_DescribesTheApiOfTheIssue_AndTheBrowsableUiAnswers()
    {
        using var client = factory.Anonymous();
        var doc = (await client.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK).Json;
        Assert.StartsWith("3.", doc.Str("openapi"));
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        string[] expected =
        [
            "/api/v1/auth/login", "/api/v1/me", "/api/v1/units", "/api/v1/catalogue/items", "/api/v1/dispatches", "/api/v1/dispatches/{id}",
            "/api/v1/dispatches/{id}/decision", "/api/v1/inbox", "/api/v1/tasks/{taskId}/receive", "/api/v1/tasks/{taskId}/assign",
            "/api/v1/tasks/{taskId}/complete", "/api/v1/tasks/{taskId}/confirm", "/api/v1/catalogue/diff", "/api/v1/catalogue/versions/{id}/export",
        ];
        Assert.All(expected, p => Assert.Contains(p, paths));
        Assert.Contains("派单", doc["paths"]!["/api/v1/dispatches"]!["post"]!.Str("summary"));

        var ui = await client.Http.GetAsync("/openapi");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Contains("html", ui.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Healthz_ReportsHealthy()
    {
        using var client = factory.Anonymous();
        Assert.Equal("Healthy", await client.Http.GetStringAsync("/healthz"));
    }
}
