using System.Net;
using Jianfu.Platform.Auth;
using Jianfu.Platform.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Jianfu.Platform.Web;

/// <summary>
/// One way to tell a caller that a request was refused, in the shape the caller reads: ProblemDetails (RFC 9457) under
/// /api, the GeoReport v2 error list under /open311 (XML for .xml resources), and a short Chinese page everywhere else.
/// </summary>
internal static class ErrorResponses
{
    public static async Task WriteAsync(HttpContext http, int status, string message, string code = "bad-request", TimeSpan? retryAfter = null)
    {
        if (http.Response.HasStarted)
        {
            return;
        }

        http.Response.StatusCode = status;
        if (retryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = ProblemResults.Seconds(wait);
        }

        if (AuthSetup.IsApi(http.Request))
        {
            var problem = new ProblemDetails { Status = status, Title = message, Detail = message, Type = $"https://jianfu.local/problems/{code}" };
            problem.Extensions["code"] = code;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
        }
        else if (http.Request.Path.StartsWithSegments("/open311"))
        {
            await GeoReport.WriteErrorsAsync(http, status, message);
        }
        else
        {
            await WritePageAsync(http, TitleFor(status), message);
        }
    }

    /// <summary>A page of its own, for when the layout cannot be rendered (the request never reached a page).</summary>
    public static Task WritePageAsync(HttpContext http, string title, string message)
    {
        http.Response.ContentType = "text/html; charset=utf-8";
        var (t, m) = (WebUtility.HtmlEncode(title), WebUtility.HtmlEncode(message));
        return http.Response.WriteAsync($"""
            <!doctype html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{t} · 减负</title><link rel="stylesheet" href="/app.css"></head>
            <body><main><section class="card narrow"><h1>{t}</h1><p>{m}</p><p><a href="/">返回首页</a></p></section></main></body></html>
            """);
    }

    private static string TitleFor(int status) => status switch
    {
        400 => "请求有误",
        403 => "没有权限",
        404 => "页面不存在",
        409 => "已被他人处理",
        413 => "内容过大",
        429 => "操作过于频繁",
        _ => "出错了",
    };

    /// <summary>The status and Chinese message for an exception that escaped a handler, so that it never reads as a 500.</summary>
    public static (int Status, string Message, string Code) Describe(Exception? error) => error switch
    {
        BadHttpRequestException bad => (bad.StatusCode, ProblemResults.ChineseTitleFor(bad.StatusCode), "bad-request"),
        not null when Database.SaveExtensions.NotSaved(error) is { } notSaved => (notSaved.Status, notSaved.Message, notSaved.Code),
        Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => (400, AntiforgeryGuard.Message, "antiforgery"),
        _ => (500, ProblemResults.ChineseTitleFor(500), "internal"),
    };
}
