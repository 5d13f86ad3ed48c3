using Microsoft.AspNetCore.Mvc;

namespace Jianfu.Platform.Errors;

/// <summary>Maps expected failures to RFC 9457 ProblemDetails at the edge of the API.</summary>
public static class ProblemResults
{
    public static IResult ToProblem(this Error error)
    {
        var problem = new ProblemDetails
        {
            Status = error.Status,
            Title = error.Message,
            Detail = error.Message,
            Type = $"https://jianfu.local/problems/{error.Code}",
        };
        problem.Extensions["code"] = error.Code;
        foreach (var (key, value) in error.Extensions)
        {
            problem.Extensions[key] = value;
        }

        var result = Results.Problem(problem);
        return error.RetryAfter is { } wait ? new WithRetryAfter(result, wait) : result;
    }

    /// <summary>Retry-After in whole seconds, at least one.</summary>
    public static string Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Any result, with the Retry-After header every 429 carries.</summary>
    public sealed class WithRetryAfter(IResult inner, TimeSpan wait) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = Seconds(wait);
            return inner.ExecuteAsync(httpContext);
        }
    }

    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> onSuccess) =>
        result.IsSuccess ? onSuccess(result.Value) : result.Error!.ToProblem();

    /// <summary>Chinese titles for failures the framework itself produces (malformed JSON, unknown route, no token).</summary>
    public static string ChineseTitleFor(int? status) => status switch
    {
        400 => "请求格式错误:请求体不是有效的 JSON,或字段类型不正确。",
        401 => "未登录或登录已过期,请先登录。",
        403 => "您没有权限执行此操作,或该对象不在您的管辖范围内。",
        404 => "请求的资源不存在。",
        405 => "不支持该请求方法。",
        413 => "请求内容过大。",
        415 => "请求内容类型不受支持,请使用 application/json。",
        429 => "请求过于频繁,请稍后再试。",
        _ => "服务器内部错误,请稍后再试。已记录,我们会尽快处理。",
    };
}
