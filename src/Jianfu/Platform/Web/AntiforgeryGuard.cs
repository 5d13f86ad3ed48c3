using Microsoft.AspNetCore.Antiforgery;

namespace Jianfu.Platform.Web;

/// <summary>
/// Every form that changes state carries the antiforgery token of the page it came from. The framework's middleware
/// only records whether it did; this refuses the request when it did not, for pages and page endpoints alike (a POST
/// without any form is refused too), with a Chinese page instead of the framework's English text or a 500.
/// </summary>
internal sealed class AntiforgeryGuard(RequestDelegate next)
{
    public const string Message = "页面已过期或不是从本站提交的,未做任何修改。请返回上一页,刷新后重新提交。";

    public Task InvokeAsync(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        var method = http.Request.Method;
        var changesState = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);
        if (changesState && endpoint?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true } &&
            http.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
        {
            return ErrorResponses.WriteAsync(http, StatusCodes.Status400BadRequest, Message, "antiforgery");
        }

        return next(http);
    }
}
