using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jianfu.Tests.Infrastructure;

/// <summary>An HTTP client signed in through POST /api/v1/auth/login, reading answers as JSON.</summary>
public sealed class ApiClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public async Task LoginAsync(string userName, string password)
    {
        var response = await http.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"login {userName}: {(int)response.StatusCode} {body}");
        var token = JsonNode.Parse(body)!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public Task<Reply> GetAsync(string url) => SendAsync(HttpMethod.Get, url, null);

    public Task<Reply> PostAsync(string url, object? body = null) => SendAsync(HttpMethod.Post, url, body);

    public Task<Reply> PutAsync(string url, object body) => SendAsync(HttpMethod.Put, url, body);

    public Task<Reply> DeleteAsync(string url) => SendAsync(HttpMethod.Delete, url, null);

    public async Task<Reply> PostRawAsync(string url, string json)
    {
        using var response = await http.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        return await Reply.ReadAsync(response);
    }

    public async Task<Reply> PostFileAsync(string url, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", fileName);
        using var response = await http.PostAsync(url, form);
        return await Reply.ReadAsync(response);
    }

    public async Task<byte[]> GetBytesAsync(string url)
    {
        using var response = await http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<Reply> SendAsync(HttpMethod method, string url, object? body)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request);
        return await Reply.ReadAsync(response);
    }

    public void Dispose() => http.Dispose();
}

public sealed record Reply(HttpStatusCode Status, string Body, string? ContentType)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("empty body");

    public static async Task<Reply> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);

    public Reply Expect(HttpStatusCode status)
    {
        Assert.True(Status == status, $"expected {(int)status} {status}, got {(int)Status} {Status}: {Body}");
        return this;
    }

    public override string ToString() => $"{(int)Status} {Body}";
}

public static class JsonExtensions
{
    public static string Str(this JsonNode? node, string property) => node?[property]?.GetValue<string>() ?? throw new KeyNotFoundException(property);

    public static int Int(this JsonNode? node, string property) => node?[property]?.GetValue<int>() ?? throw new KeyNotFoundException(property);

    public static long Long(this JsonNode? node, string property) => node?[property]?.GetValue<long>() ?? throw new KeyNotFoundException(property);

    public static IEnumerable<JsonNode> Items(this JsonNode? node, string? property = null) =>
        (property is null ? node : node?[property])?.AsArray().Select(n => n!) ?? [];

    public static string Pretty(this JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
