using System.Net;
using Jianfu.Tests.Infrastructure;

namespace Jianfu.Tests.Modules.Dispatch;

/// <summary>Each endpoint with each demo role: who may, who may not (403), and nobody anonymous (401).</summary>
public abstract class AuthorizationTests(JianfuFactory factory)
{
    private static readonly string[] Roles = ["admin", "catalogue", "dispatcher", "reviewer", "secretary", "cadre", "district-dispatcher", "district-reviewer"];

    [Theory]
    [InlineData("GET", "/api/v1/me")]
    [InlineData("GET", "/api/v1/units")]
    [InlineData("GET", "/api/v1/inbox")]
    [InlineData("GET", "/api/v1/review-queue")]
    [InlineData("GET", "/api/v1/dispatches")]
    [InlineData("GET", "/api/v1/dispatches/1")]
    [InlineData("POST", "/api/v1/dispatches")]
    [InlineData("POST", "/api/v1/dispatches/1/decision")]
    [InlineData("POST", "/api/v1/dispatches/1/withdraw")]
    [InlineData("POST", "/api/v1/tasks/1/receive")]
    [InlineData("POST", "/api/v1/tasks/1/assign")]
    [InlineData("POST", "/api/v1/tasks/1/complete")]
    [InlineData("POST", "/api/v1/tasks/1/confirm")]
    [InlineData("POST", "/api/v1/tasks/1/send-back")]
    public async Task Anonymous_IsUnauthorized_WithChineseProblem(string method, string url)
    {
        using var client = factory.Anonymous();
        var reply = method == "GET" ? await client.GetAsync(url) : await client.PostAsync(url, new { });
        reply.Expect(HttpStatusCode.Unauthorized);
        Assert.Contains("登录", reply.Json.Str("title"));
    }

    [Fact]
    public async Task PublicCatalogue_IsReadableWithoutLogin()
    {
        using var client = factory.Anonymous();
        var items = (await client.GetAsync("/api/v1/catalogue/items?district=330602&q=老年")).Expect(HttpStatusCode.OK).Json.Items().ToList();
        Assert.Contains(items, i => i.Str("screeningCode") == "XZ-01-01" && i.Str("kind") == "Assistance" && i.Str("parentCode") == "XZ-01");
    }

    public static TheoryData<string, string, HttpStatusCode> Matrix()
    {
        var allowed = new Dictionary<string, string[]>
        {
            ["GET /api/v1/review-queue"] = ["reviewer", "district-reviewer"],
            ["GET /api/v1/dispatches"] = ["dispatcher", "district-dispatcher"],
            ["POST /api/v1/dispatches"] = ["dispatcher", "district-dispatcher"],
            ["GET /api/v1/rerouted"] = ["dispatcher", "district-dispatcher"],
        };
        var data = new TheoryData<string, string, HttpStatusCode>();
        foreach (var (endpoint, who) in allowed)
        {
            foreach (var role in Roles)
            {
                data.Add(endpoint, role, who.Contains(role) ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task RoleOnlyEndpoints_AnswerByRole(string endpoint, string role, HttpStatusCode expected)
    {
        using var client = await factory.LoginAsync(role);
        var (method, url) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1]);
        var reply = method == "GET"
            ? await client.GetAsync(url)
            : await client.PostAsync(url, DispatchApiTests.InList("权限矩阵", role.StartsWith("district", StringComparison.Ordinal) ? DispatchApiTests.OtherTownshipCommunity : DispatchApiTests.Village));
        var ok = expected == HttpStatusCode.OK ? (reply.Status is HttpStatusCode.OK or HttpStatusCode.Created) : reply.Status == expected;
        Assert.True(ok, $"{role} {endpoint}: expected {expected}, got {reply}");
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("catalogue")]
    [InlineData("dispatcher")]
    [InlineData("secretary")]
    [InlineData("cadre")]
    [InlineData("district-dispatcher")]
    public async Task Decision_ByAnyoneButTheReviewer_IsForbidden(string role)
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var id = (await dispatcher.PostAsync("/api/v1/dispatches", DispatchApiTests.InList("只有审核人可决定"))).Expect(HttpStatusCode.Created).Json.Int("id");
        using var client = await factory.LoginAsync(role);
        (await client.PostAsync($"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "", rerouteTo = (string?)null })).Expect(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("reviewer", HttpStatusCode.OK)]
    [InlineData("district-reviewer", HttpStatusCode.OK)]
    [InlineData("catalogue", HttpStatusCode.OK)]
    [InlineData("dispatcher", HttpStatusCode.OK)]
    [InlineData("district-dispatcher", HttpStatusCode.Forbidden)]
    [InlineData("secretary", HttpStatusCode.Forbidden)]
    [InlineData("cadre", HttpStatusCode.Forbidden)]
    public async Task DispatchUnderReview_IsVisibleToIssuerReviewersAndOversightOnly(string role, HttpStatusCode expected)
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var id = (await dispatcher.PostAsync("/api/v1/dispatches", DispatchApiTests.InList("可见性测试"))).Expect(HttpStatusCode.Created).Json.Int("id");
        using var client = await factory.LoginAsync(role);
        (await client.GetAsync($"/api/v1/dispatches/{id}")).Expect(expected);
    }
}

public sealed class AuthorizationTests_Sqlite(SqliteFactory factory) : AuthorizationTests(factory), IClassFixture<SqliteFactory>;

public sealed class AuthorizationTests_Postgres(PostgresFactory factory) : AuthorizationTests(factory), IClassFixture<PostgresFactory>;
