using System.Text.Json;
using Jianfu.Platform.Database;

namespace Jianfu.Platform.Web;

/// <summary>
/// Refuses, before any endpoint runs, what no endpoint should have to think about: control characters or broken
/// UTF-16 in the path, the query string, form fields or JSON strings (PostgreSQL cannot even compare a NUL), JSON
/// bodies beyond <see cref="MaxJsonBytes"/>, and forms the framework cannot read (too many fields, a multipart body
/// without its boundary or cut short). Each gets a 400 or 413 in Chinese and changes nothing.
/// </summary>
internal sealed class InputGuard(RequestDelegate next)
{
    /// <summary>The largest JSON body: a dispatch to 2,000 communities with 20,000 characters of text is far below it.</summary>
    public const int MaxJsonBytes = 1024 * 1024;

    private static readonly string TooLargeMessage = $"请求内容过大(JSON 不超过{MaxJsonBytes / 1024}KB)。";

    public const string BadFormMessage = "表单内容无法读取:字段过多、格式不完整或缺少分隔符。请刷新页面后重新提交。";

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        var problem = Check("网址", request.Path.Value) ?? CheckQuery(request.Query);
        if (problem is null && request.HasFormContentType)
        {
            (var status, problem) = await CheckFormAsync(request, http.RequestAborted);
            if (problem is not null)
            {
                await ErrorResponses.WriteAsync(http, status, problem, status == 413 ? "too-large" : "bad-input");
                return;
            }
        }
        else if (problem is null && IsJson(request))
        {
            if (request.ContentLength > MaxJsonBytes)
            {
                await ErrorResponses.WriteAsync(http, 413, TooLargeMessage, "too-large");
                return;
            }

            request.EnableBuffering(MaxJsonBytes);
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, http.RequestAborted);
            if (buffer.Length > MaxJsonBytes)
            {
                await ErrorResponses.WriteAsync(http, 413, TooLargeMessage, "too-large");
                return;
            }

            request.Body.Position = 0;
            problem = CheckJson(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }

        if (problem is not null)
        {
            await ErrorResponses.WriteAsync(http, 400, problem, "bad-input");
            return;
        }

        await next(http);
    }

    private static string? Check(string where, string? value) =>
        value is not null && StoredText.Problem(value) is { } problem ? $"{where}{problem},请删除后重试。" : null;

    private static string? CheckQuery(IQueryCollection query)
    {
        foreach (var (key, values) in query)
        {
            if ((Check("网址参数", key) ?? values.Select(v => Check($"网址参数 {key} ", v)).FirstOrDefault(p => p is not null)) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static async Task<(int Status, string? Problem)> CheckFormAsync(HttpRequest request, CancellationToken ct)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (413, "表单内容过大或字段过多,请精简后重新提交。");
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException)
        {
            return (400, BadFormMessage);
        }
        catch (BadHttpRequestException e)
        {
            return (e.StatusCode, e.StatusCode == 413 ? "请求内容过大。" : BadFormMessage);
        }

        foreach (var (key, values) in form)
        {
            if ((Check("表单字段名", key) ?? values.Select(v => Check("填写的内容", v)).FirstOrDefault(p => p is not null)) is { } problem)
            {
                return (400, problem);
            }
        }

        return (400, form.Files.Select(f => Check("文件名", f.FileName)).FirstOrDefault(p => p is not null));
    }

    private static bool IsJson(HttpRequest request) =>
        request.ContentType is { } type && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || type.Contains("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Every string and property name of the JSON; malformed JSON is left to the endpoint, which answers 400.</summary>
    private static string? CheckJson(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && Check("填写的内容", reader.GetString()) is { } problem)
                {
                    return problem;
                }
            }
        }
        catch (InvalidOperationException)
        {
            return "填写的内容含有无效的字符编码,请删除后重试。";
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
