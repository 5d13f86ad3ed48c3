namespace Jianfu.Platform.Web;

/// <summary>
/// Somebody submits a page's form after somebody else changed the record: the page, rendered from what is stored now,
/// no longer has that form (the dispatch is decided, the task received), and the framework answers with a bare English
/// 400. Instead the person is sent back to the page as it is now, which says in Chinese that someone else got there first.
/// </summary>
internal sealed class VanishedFormGuard(RequestDelegate next)
{
    /// <summary>The query parameter that makes the layout say that someone else got there first.</summary>
    public const string Marker = "stale";

    private static readonly byte[] FrameworkText = "Cannot submit the form"u8.ToArray();

    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType || request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/open311"))
        {
            await next(http);
            return;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        if (http.Response.StatusCode == StatusCodes.Status400BadRequest && buffer.GetBuffer().AsSpan(0, (int)buffer.Length).StartsWith(FrameworkText))
        {
            http.Response.Clear();
            var query = QueryString.Create(request.Query.Where(q => q.Key != Marker).Append(new(Marker, "1")));
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = request.PathBase + request.Path + query;
            return;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }
}
