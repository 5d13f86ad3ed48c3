using System.Net;
using System.Text;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Jianfu.Tests.Platform;

/// <summary>Credentials that stop working when they should, sign-in attempts limited per address, and the headers on every response.</summary>
public abstract class SecurityTests(JianfuFactory factory)
{
    private const string Village = "330602108200";

    [Theory]
    [InlineData("reset-password")]
    [InlineData("deactivate")]
    public async Task APasswordResetOrADeactivation_EndsTheUsersEarlierTokensAndCookies(string action)
    {
        var name = await factory.CreateUserAsync(Role.Secretary, Village);
        using var api = await factory.LoginAsync(name);
        using var page = await PageClient.SignInAsync(factory, name);
        (await api.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        Assert.Contains("任务收件箱", (await page.GetAsync("/inbox")).Html);

        using var admin = await factory.LoginAsync("admin");
        (await admin.PostAsync($"/api/v1/admin/users/{name}/account", new { action, password = "Another-pass-2026" })).Expect(HttpStatusCode.OK);

        (await api.GetAsync("/api/v1/me")).Expect(HttpStatusCode.Unauthorized);
        (await api.GetAsync("/api/v1/inbox")).Expect(HttpStatusCode.Unauthorized);
        var after = await page.GetAsync("/inbox");
        Assert.EndsWith("/login", after.Url!.AbsolutePath);
        Assert.DoesNotContain("退出", after.Html);
        if (action == "reset-password")
        {
            // The new password signs in again; the old one does not.
            using var again = await factory.LoginAsync(name, "Another-pass-2026");
            (await again.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in new[] { "/", "/login", "/catalogue", "/r/not-a-token", "/no-such-page", "/api/v1/me", "/api/v1/bulletins", "/open311/v2/services.json", "/openapi", "/app.css", "/healthz" })
        {
            using var response = await client.GetAsync(url);
            var csp = string.Join(" ", response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values : []);
            Assert.True(csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{url}: CSP «{csp}»");
            var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));
            Assert.Equal("script-src 'self'", scripts);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{url}: HSTS over plain HTTP");
        }
    }

    [Fact]
    public async Task Pages_HaveNoInlineScript()
    {
        using var page = await PageClient.SignInAsync(factory, "catalogue");
        foreach (var url in new[] { "/", "/dashboard", "/reports/locations", $"/report-locations/{Village}/poster", "/bulletins", "/hotline", "/catalogue/admin" })
        {
            var html = (await page.GetAsync(url)).Html;
            foreach (System.Text.RegularExpressions.Match script in System.Text.RegularExpressions.Regex.Matches(html, "<script(?<attrs>[^>]*)>(?<body>.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline))
            {
                var attrs = script.Groups["attrs"].Value;
                Assert.True(attrs.Contains("src=", StringComparison.Ordinal) || attrs.Contains("application/json", StringComparison.Ordinal), $"{url}: inline script {script.Value[..Math.Min(120, script.Value.Length)]}");
            }

            Assert.DoesNotMatch(" on(click|load|change|submit)=", html);
        }
    }

    /// <summary>A request as it arrives from a given address, with whatever forwarding headers the sender wrote.</summary>
    private static async Task<HttpResponseMessage> SendAsync(TestServer server, string method, string path, string from, string? forwardedFor = null, string? proto = null, string? json = null)
    {
        using var client = new HttpClient(server.CreateHandler(c => c.Connection.RemoteIpAddress = IPAddress.Parse(from))) { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (proto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", proto);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private WebApplicationFactory<Program> BehindProxy(int loginsPerMinute) => factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("Jianfu:Auth:LoginsPerMinute", loginsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        b.UseSetting("Jianfu:BehindProxy", "true");
        b.UseSetting("Jianfu:Proxy:KnownProxies:0", "10.0.0.1");
    });

    [Fact]
    public async Task SignIns_AreLimitedPerAddress_AndAForgedForwardedForDoesNotEscapeTheLimit()
    {
        await using var limited = BehindProxy(3);
        var server = limited.Server;
        const string wrong = "{\"userName\":\"reviewer\",\"password\":\"wrong-password\"}";
        // Straight to the port from 203.0.113.7, writing a new X-Forwarded-For each time: still one address.
        var statuses = new List<int>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = await SendAsync(server, "POST", "/api/v1/auth/login", "203.0.113.7", forwardedFor: $"198.51.100.{i}", json: wrong);
            statuses.Add((int)last.StatusCode);
        }

        Assert.Equal([401, 401, 401, 429, 429], statuses);
        Assert.True(last!.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 });
        Assert.Contains("登录尝试过于频繁", await last.Content.ReadAsStringAsync());

        // Through the configured proxy, each forwarded client has its own count.
        foreach (var client in new[] { "198.51.100.20", "198.51.100.21" })
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(server, "POST", "/api/v1/auth/login", "10.0.0.1", forwardedFor: client, json: wrong)).StatusCode);
            }
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(server, "POST", "/api/v1/auth/login", "10.0.0.1", forwardedFor: "198.51.100.20", json: wrong)).StatusCode);

        // The sign-in page is limited by the same count.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(server, "POST", "/login", "203.0.113.7")).StatusCode);
    }

    [Fact]
    public async Task BehindAConfiguredHttpsProxy_HstsIsSentAndCookiesAreSecure_ButNotForAForgedHeader()
    {
        await using var proxied = BehindProxy(1000);
        var server = proxied.Server;
        var viaProxy = await SendAsync(server, "GET", "/login", "10.0.0.1", forwardedFor: "198.51.100.30", proto: "https");
        Assert.Equal("max-age=31536000", string.Join("", viaProxy.Headers.GetValues("Strict-Transport-Security")));
        var cookies = string.Join("\n", viaProxy.Headers.GetValues("Set-Cookie"));
        Assert.Contains("antiforgery", cookies, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookies, StringComparison.OrdinalIgnoreCase);

        var forged = await SendAsync(server, "GET", "/login", "203.0.113.8", forwardedFor: "198.51.100.31", proto: "https");
        Assert.False(forged.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", string.Join("\n", forged.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EveryTooManyRequests_CarriesRetryAfter()
    {
        using var keeper = await factory.LoginAsync("catalogue");
        var token = (await keeper.GetAsync("/api/v1/report-locations/330602108210")).Expect(HttpStatusCode.OK).Json.Str("token");
        using var client = factory.CreateClient();
        HttpResponseMessage? refused = null;
        // The test factory allows 20 reports a minute per poster.
        for (var i = 0; i < 25 && refused is null; i++)
        {
            var response = await client.PostAsync("/api/v1/reports", new StringContent(
                $"{{\"token\":\"{token}\",\"category\":\"plaque\",\"description\":\"要求挂牌第{i}次反映\"}}", Encoding.UTF8, "application/json"));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }

        Assert.NotNull(refused);
        Assert.True(refused!.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Contains("频繁", await refused.Content.ReadAsStringAsync());

        // A hotline relay holding an api_key sends for many places from one address: it is limited per key (the test
        // factory allows 60 a minute), not by the poster's or the address's quota, which it would exhaust at once.
        Task<HttpResponseMessage> Relay(int i) => client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = JianfuFactory.Open311ApiKey, ["jurisdiction_id"] = token, ["service_code"] = "plaque", ["description"] = $"12345转来:要求挂牌第{i}次反映",
        }));
        var relayed = 0;
        HttpResponseMessage? relayRefused = null;
        for (var i = 0; i < 70 && relayRefused is null; i++)
        {
            var response = await Relay(i);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                relayRefused = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                relayed++;
            }
        }

        Assert.Equal(60, relayed);
        Assert.NotNull(relayRefused?.Headers.RetryAfter);
        Assert.Contains("频繁", await relayRefused!.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DocumentsEachRequestBodyUnderItsOwnSchema()
    {
        using var client = factory.Anonymous();
        var doc = (await client.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK).Json;
        string Body(string path, string method) => doc["paths"]![path]![method]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>();
        Assert.EndsWith("/LoginRequest", Body("/api/v1/auth/login", "post"));
        Assert.EndsWith("/ReviewDispatchRequest", Body("/api/v1/dispatches/{id}/decision", "post"));
        Assert.EndsWith("/SubmitDispatchRequest", Body("/api/v1/dispatches", "post"));
        var schemas = doc["components"]!["schemas"]!.AsObject();
        Assert.Contains("decision", schemas["ReviewDispatchRequest"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.DoesNotContain("decision", schemas["LoginRequest"]!["properties"]!.AsObject().Select(p => p.Key));
    }
}

[Trait("Database", "Sqlite")]
public sealed class SecurityTests_Sqlite(SqliteFactory factory) : SecurityTests(factory), IClassFixture<SqliteFactory>;

[Trait("Database", "Postgres")]
public sealed class SecurityTests_Postgres(PostgresFactory factory) : SecurityTests(factory), IClassFixture<PostgresFactory>;
