using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jianfu.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jianfu.Tests.Platform;

/// <summary>
/// A hostile corpus against every endpoint that takes input: malformed JSON, wrong types, NUL and other control
/// characters, lone surrogates, over-long strings, oversized and broken bodies, SQL and script fragments — sent by an
/// anonymous caller and by each role, on SQLite and on PostgreSQL. Nothing may answer 500.
/// </summary>
public abstract partial class HostileInputTests(JianfuFactory factory)
{
    private static readonly string[] Roles = ["admin", "catalogue", "dispatcher", "reviewer", "secretary", "cadre", "district-reviewer", "assessor"];

    /// <summary>String values, as JSON text (so that lone surrogates and NUL escapes reach the server as written).</summary>
    private static readonly string[] HostileStrings =
    [
        "\"\\u0000\"", "\"开头\\u0000结尾\"", "\"响铃\\u0007\"", "\"\\ud800\"", "\"尾部\\udfff\"", "\"" + new string('长', 20_000) + "\"",
        "\"" + new string('x', 300) + "\"", "\"' OR '1'='1\"", "\"'; DROP TABLE \\\"Dispatches\\\"; --\"", "\"<script>alert(1)</script>\"",
        "\"../../etc/passwd\"", "\"\\u202e反向\"", "\"😀🎉\"", "\"\"", "\"   \"",
    ];

    private static readonly string[] WrongTypes = ["12345", "-1", "1e40", "true", "{}", "[]", "[null]", "null", "\"abc\""];

    private static readonly string[] BrokenBodies =
    [
        "{", "[", "null", "\"text\"", "{\"a\":1,}", "{\"title\":}", new string('[', 300) + new string(']', 300), "{\"x\":\"\\u0000\"}", "123",
    ];

    private static readonly string[] HostileQueryValues =
    [
        "%00", "a%00b", "%07", "%ED%A0%80", "%FF%FE", "' OR 1=1 --", "<script>alert(1)</script>", new string('x', 5000), "-1", "99999999999999999999",
        "2026-13-45", "..%2F..%2Fetc",
    ];

    private static readonly string[] QueryNames =
    [
        "q", "receipt", "jurisdiction_id", "service_request_id", "service_code", "status", "start_date", "end_date", "filter", "page", "district",
        "from", "to", "queue", "parent", "returnUrl", "id", "api_key",
    ];

    private readonly Dictionary<string, ApiClient> _clients = [];

    private async Task<IReadOnlyList<(string Who, HttpClient Client)>> ClientsAsync()
    {
        foreach (var role in Roles.Where(r => !_clients.ContainsKey(r)))
        {
            _clients[role] = await factory.LoginAsync(role);
        }

        return [("anonymous", factory.CreateClient()), .. Roles.Select(r => (r, _clients[r].Http))];
    }

    private IEnumerable<RouteEndpoint> Endpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)))
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/openapi", StringComparison.Ordinal) && !raw.StartsWith("/scalar", StringComparison.Ordinal));

    private static IReadOnlyList<string> Methods(RouteEndpoint e) =>
        e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() is { Count: > 0 } methods ? methods : ["GET", "POST"];

    /// <summary>The endpoint's route with each parameter filled: plausible values, or one hostile value everywhere.</summary>
    private static string Url(RouteEndpoint e, string? hostile = null)
    {
        var url = RouteParameter().Replace(e.RoutePattern.RawText!, m =>
        {
            var name = m.Groups["name"].Value;
            if (m.Groups["constraint"].Value == "int")
            {
                return "1";
            }

            return hostile ?? name.ToLowerInvariant() switch
            {
                "unitcode" => "330602108200",
                "receipt" => "JF000000-AAAAAAAA",
                "code" => "XZ-13",
                "username" => "cadre",
                "token" => "not-a-real-token",
                _ => "x",
            };
        });
        return url.StartsWith('/') ? url : "/" + url;
    }

    [GeneratedRegex(@"\{\**(?<name>\w+)(:(?<constraint>\w+))?\??\}")]
    private static partial Regex RouteParameter();

    /// <summary>A JSON body for the request type with every property plausible, and one property replaced by a raw JSON value.</summary>
    private static string Body(Type? type, string? property = null, string? value = null)
    {
        var parts = new List<string>();
        foreach (var p in type?.GetProperties(BindingFlags.Public | BindingFlags.Instance) ?? [])
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(p.Name);
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            var plausible = t == typeof(string) ? "\"测试内容\"" : t == typeof(int) || t == typeof(long) ? "1" : t == typeof(bool) ? "false"
                : t == typeof(DateTime) ? "\"2026-11-01T00:00:00Z\"" : t.IsAssignableTo(typeof(System.Collections.IEnumerable)) ? "[\"测试\"]" : "null";
            parts.Add($"\"{name}\":{(name == property ? value : plausible)}");
        }

        return "{" + string.Join(",", parts) + "}";
    }

    private static Type? RequestType(RouteEndpoint e) =>
        e.Metadata.OfType<IAcceptsMetadata>().FirstOrDefault(a => a.ContentTypes.Any(c => c.Contains("json", StringComparison.Ordinal)))?.RequestType;

    private static IEnumerable<string> Bodies(RouteEndpoint e)
    {
        var type = RequestType(e);
        foreach (var broken in BrokenBodies)
        {
            yield return broken;
        }

        var properties = type?.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList() ?? ["title", "text", "name"];
        foreach (var hostile in HostileStrings)
        {
            // Every property at once, then each alone (so that one field's check cannot hide another's).
            yield return "{" + string.Join(",", properties.Select(p => $"\"{p}\":{hostile}")) + "}";
        }

        foreach (var p in properties)
        {
            yield return Body(type, p, "\"" + new string('超', 5000) + "\"");
            yield return Body(type, p, "\"" + new string('x', 300) + "\"");
            foreach (var wrong in WrongTypes)
            {
                yield return Body(type, p, wrong);
            }
        }
    }

    /// <summary>
    /// Records the routes' "1" reaches, so that hostile bodies get past "not found" into the checks: a draft indicator
    /// set (its indicators, scheme, publication) and an open inspection plan (its items).
    /// </summary>
    private async Task RecordsNumberedOneAsync()
    {
        if (await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.IndicatorSets)))
        {
            return;
        }

        await factory.IndicatorSetAsync(TestData.FreshYear(), "community", publish: false, "7+3", ("交办任务按时完成率", 60m, "system", "tasks-on-time"));
        using var assessor = await factory.LoginAsync("assessor");
        (await assessor.PostAsync("/api/v1/inspection-plans", new { district = TestData.DemoDistrict, year = TestData.FreshYear() })).Expect(HttpStatusCode.Created);
    }

    private static bool IsServerError(HttpResponseMessage response) => (int)response.StatusCode >= 500;

    private static async Task<string?> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        using var response = await client.SendAsync(request);
        if (!IsServerError(response))
        {
            return null;
        }

        var body = await response.Content.ReadAsStringAsync();
        return $"{(int)response.StatusCode} {method} {url[..Math.Min(url.Length, 200)]} {body[..Math.Min(300, body.Length)]}";
    }

    private static void NoServerErrors(List<string> failures, int sent) =>
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} hostile requests answered 5xx:\n" + string.Join("\n", failures.Distinct().Take(40)));

    [Fact]
    public async Task JsonBodies_ToEveryChangingEndpoint_NeverAnswer500()
    {
        var failures = new List<string>();
        var sent = 0;
        var clients = await ClientsAsync();
        await RecordsNumberedOneAsync();
        foreach (var endpoint in Endpoints().Where(e => Methods(e).Any(m => m is "POST" or "PUT" or "DELETE")))
        {
            foreach (var method in Methods(endpoint).Where(m => m is "POST" or "PUT" or "DELETE"))
            {
                var bodies = Bodies(endpoint).ToList();
                foreach (var (who, client) in clients)
                {
                    foreach (var body in bodies)
                    {
                        sent++;
                        if (await SendAsync(client, new HttpMethod(method), Url(endpoint), new StringContent(body, Encoding.UTF8, "application/json")) is { } failure)
                        {
                            failures.Add($"{who}: {failure} ← {body[..Math.Min(body.Length, 120)]}");
                        }
                    }

                    // A NUL in the path itself is refused by Kestrel before the application sees it (the test host throws instead).
                    foreach (var hostile in new[] { "%07", "a%01b", new string('x', 3000), "%27%20OR%201%3D1", "%ED%A0%80" })
                    {
                        sent++;
                        if (await SendAsync(client, new HttpMethod(method), Url(endpoint, hostile), new StringContent(Body(RequestType(endpoint)), Encoding.UTF8, "application/json")) is { } failure)
                        {
                            failures.Add($"{who}: {failure}");
                        }
                    }
                }
            }
        }

        NoServerErrors(failures, sent);
    }

    [Fact]
    public async Task BrokenAndOversizedBodies_GetA4xx()
    {
        var failures = new List<string>();
        var sent = 0;
        var clients = await ClientsAsync();
        var invalidUtf8 = new byte[] { (byte)'{', (byte)'"', (byte)'t', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)'}' };
        var manyFields = string.Join("&", Enumerable.Range(0, 1100).Select(i => $"f{i}=v"));
        foreach (var endpoint in Endpoints().Where(e => Methods(e).Contains("POST")))
        {
            var url = Url(endpoint);
            foreach (var (who, client) in clients.Where(c => c.Who is "anonymous" or "catalogue" or "secretary"))
            {
                var attempts = new List<Func<HttpContent>>
                {
                    () => new ByteArrayContent(invalidUtf8) { Headers = { ContentType = new("application/json") } },
                    () => new StringContent("{\"title\":\"" + new string('大', 1_200_000) + "\"}", Encoding.UTF8, "application/json"),
                    () => new StringContent(manyFields, Encoding.UTF8, "application/x-www-form-urlencoded"),
                    () => new StringContent("token=a%00b&description=x%00y", Encoding.UTF8, "application/x-www-form-urlencoded"),
                    () => new StringContent("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nv\r\n--b--", Encoding.UTF8, "multipart/form-data"),
                    () =>
                    {
                        var cut = new StringContent("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\nPK\u0003\u0004abc", Encoding.UTF8);
                        cut.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=xyz");
                        return cut;
                    },
                    () =>
                    {
                        var evil = new StringContent(
                            "--e\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\na\u0000b\r\n" +
                            "--e\r\nContent-Disposition: form-data; name=\"file\"; filename=\"evil\u0007.exe\"\r\nContent-Type: application/octet-stream\r\n\r\n\u0000\u0001\r\n--e--\r\n",
                            Encoding.UTF8);
                        evil.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=e");
                        return evil;
                    },
                    () => new StringContent("<xml>a</xml>", Encoding.UTF8, "application/xml"),
                };
                foreach (var content in attempts)
                {
                    sent++;
                    if (await SendAsync(client, HttpMethod.Post, url, content()) is { } failure)
                    {
                        failures.Add($"{who}: {failure}");
                    }
                }
            }
        }

        NoServerErrors(failures, sent);
    }

    [Fact]
    public async Task HostileQueryStrings_OnEveryReadingEndpointAndPage_NeverAnswer500()
    {
        var failures = new List<string>();
        var sent = 0;
        var clients = await ClientsAsync();
        foreach (var endpoint in Endpoints().Where(e => Methods(e).Contains("GET")))
        {
            foreach (var (who, client) in clients.Where(c => c.Who is "anonymous" or "catalogue" or "secretary" or "admin"))
            {
                foreach (var value in HostileQueryValues)
                {
                    var query = string.Join("&", QueryNames.Select(n => $"{n}={value}"));
                    sent++;
                    if (await SendAsync(client, HttpMethod.Get, $"{Url(endpoint)}?{query}", null) is { } failure)
                    {
                        failures.Add($"{who}: {failure}");
                    }
                }

                sent++;
                if (await SendAsync(client, HttpMethod.Get, Url(endpoint, "%07"), null) is { } nul)
                {
                    failures.Add($"{who}: {nul}");
                }
            }
        }

        NoServerErrors(failures, sent);
    }

    [Fact]
    public async Task ControlCharacters_AreRefusedInChinese_BeforeAnythingIsStored()
    {
        using var anonymous = factory.Anonymous();
        var reply = await anonymous.PostRawAsync("/api/v1/auth/login", "{\"userName\":\"admin\\u0000\",\"password\":\"x\"}");
        reply.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("控制字符", reply.Json.Str("title"));

        using var client = factory.CreateClient();
        foreach (var url in new[] { "/catalogue?q=%00", "/r?receipt=JF%00", "/open311/v2/requests.json?jurisdiction_id=%00", "/api/v1/reports/JF%07" })
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.Contains("控制字符", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task OverLongValues_GetTheirLimitInChinese_AndChangeNothing()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var draft = await dispatcher.PostAsync("/api/v1/dispatches/drafts", new
        {
            title = "编码过长的草稿", content = "请各村入户宣传燃气安全。", screeningCode = new string('X', 500), targets = new[] { "330602108200" }, dueDate = (string?)null,
            justification = (string?)null,
        });
        draft.Expect(HttpStatusCode.BadRequest);
        Assert.Contains("过筛编码", draft.Json.Str("title"));

        using var admin = await factory.LoginAsync("admin");
        var before = await factory.WithDbAsync(db => Task.FromResult(db.Users.Count()));
        var user = await admin.PostAsync("/api/v1/admin/users", new
        {
            userName = new string('a', 2_000_000), displayName = "超长", password = "Village-2026", role = "Cadre", unitCode = "330602108200", department = (string?)null, phone = (string?)null,
        });
        Assert.True(user.Status is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, user.ToString());
        Assert.Equal(before, await factory.WithDbAsync(db => Task.FromResult(db.Users.Count())));
    }

    [Fact]
    public async Task PageForms_WithoutTheirAntiforgeryToken_GetAChinesePage_AndChangeNothing()
    {
        using var page = await PageClient.SignInAsync(factory, "secretary");
        var taskId = await factory.TaskAsync(TaskStep.Confirmed, "表单攻击测试任务");
        var cases = await factory.WithDbAsync(db => Task.FromResult(db.Cases.Count()));
        foreach (var url in new[] { "/logout", "/dispatches/checks", "/dispatches/suggestions", $"/cases/from-task/{taskId}", "/inbox", $"/tasks/{taskId}" })
        {
            foreach (var content in new HttpContent?[] { null, new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "x", ["title"] = "x" }) })
            {
                using var response = await page.Http.PostAsync(url, content);
                var html = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {html[..Math.Min(200, html.Length)]}");
                Assert.Contains("页面已过期", html);
            }
        }

        Assert.Equal(cases, await factory.WithDbAsync(db => Task.FromResult(db.Cases.Count())));
        // Still signed in: the refused logout did nothing.
        Assert.Contains("退出", (await page.GetAsync("/inbox")).Html);
    }

    [Fact]
    public async Task PageForms_FilledWithHostileText_NeverAnswer500()
    {
        var failures = new List<string>();
        var sent = 0;
        var pages = new Dictionary<string, string[]>
        {
            ["dispatcher"] = ["/dispatches/new"],
            ["catalogue"] = ["/reports/locations", "/monitoring", "/bulletins/new", "/cases", "/hotline", "/catalogue/admin"],
            ["secretary"] = ["/inbox", "/cases"],
            ["admin"] = ["/admin/users", "/admin/units"],
            ["district-reviewer"] = ["/hotline"],
        };
        foreach (var (role, urls) in pages)
        {
            using var client = await PageClient.SignInAsync(factory, role);
            foreach (var url in urls)
            {
                var page = await client.GetAsync(url);
                foreach (var form in page.Forms())
                {
                    foreach (var value in new[] { "a\u0000b", "\u0007", new string('长', 30_000), "' OR 1=1 --", "<script>alert(1)</script>", "\ud800" })
                    {
                        var fields = form.Hidden.ToDictionary();
                        foreach (var name in form.Fields)
                        {
                            fields[name] = value;
                        }

                        sent++;
                        var reply = await client.PostAsync(form.Action ?? url, fields);
                        if ((int)reply.Status >= 500)
                        {
                            failures.Add($"{role} {url} form {form.Name}: {(int)reply.Status}");
                        }
                    }
                }
            }
        }

        Assert.True(sent > 20, $"only {sent} page forms found");
        NoServerErrors(failures, sent);
    }
}

[Trait("Database", "Sqlite")]
public sealed class HostileInputTests_Sqlite(SqliteFactory factory) : HostileInputTests(factory), IClassFixture<SqliteFactory>;

[Trait("Database", "Postgres")]
public sealed class HostileInputTests_Postgres(PostgresFactory factory) : HostileInputTests(factory), IClassFixture<PostgresFactory>;
