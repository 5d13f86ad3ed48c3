using System.Net;
using Jianfu.Tests.Infrastructure;

namespace Jianfu.Tests.Platform;

/// <summary>Pages anyone can open render in Chinese, whatever is in the address, and never answer 500.</summary>
public sealed class PublicPageTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Theory]
    [InlineData("/", "村(社区)工作事项准入")]
    [InlineData("/login", "登录")]
    [InlineData("/catalogue", "涉村(社区)工作事项清单")]
    [InlineData("/catalogue?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "涉村(社区)工作事项清单")]
    [InlineData("/r/not-a-real-token", "二维码无效或已停用")]
    [InlineData("/r", "线索办理查询")]
    [InlineData("/r?receipt=JF000000-NOSUCHXX", "没有这个回执号")]
    [InlineData("/bulletins", "通报")]
    [InlineData("/bulletins/999999", "通报不存在")]
    [InlineData("/no-such-page", "页面不存在")]
    public async Task PublicPage_Renders(string url, string text)
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode}");
        Assert.Contains(text, html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
    }

    [Theory]
    [InlineData("/dispatches/new")]
    [InlineData("/inbox")]
    [InlineData("/reports")]
    [InlineData("/admin/users")]
    public async Task SignedInPages_SendAnonymousVisitorsToLogin(string url)
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location?.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal));
    }
}
