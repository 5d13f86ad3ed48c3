using System.Net;
using System.Text.RegularExpressions;

namespace Jianfu.Tests.Infrastructure;

/// <summary>
/// A browser without a browser: signs in through the login form with a cookie and submits a page's forms the way the
/// page renders them, antiforgery token included.
/// </summary>
public sealed partial class PageClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public static async Task<PageClient> SignInAsync(JianfuFactory factory, string userName, string password = "Demo-2026")
    {
        var client = new PageClient(factory.CreateClient());
        var page = await client.SubmitAsync("/login", "login", new() { ["userName"] = userName, ["password"] = password });
        Assert.True(page.Status == HttpStatusCode.OK && !page.Html.Contains("用户名或密码错误", StringComparison.Ordinal), $"sign-in {userName}: {(int)page.Status}");
        return client;
    }

    public async Task<Page> GetAsync(string url)
    {
        using var response = await http.GetAsync(url);
        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), response.RequestMessage?.RequestUri);
    }

    /// <summary>Opens the page, fills the form named <paramref name="formName"/> (its @formname) and submits it.</summary>
    public async Task<Page> SubmitAsync(string url, string formName, Dictionary<string, string> fields)
    {
        var page = await GetAsync(url);
        var form = page.Form(formName) ?? throw new InvalidOperationException($"{url} has no form {formName}: {page.Html[..Math.Min(page.Html.Length, 2000)]}");
        foreach (var (key, value) in fields)
        {
            form[key] = value;
        }

        return await PostAsync(url, form);
    }

    public async Task<Page> PostAsync(string url, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await http.PostAsync(url, content);
        return new Page(response.StatusCode, await response.Content.ReadAsStringAsync(), response.RequestMessage?.RequestUri);
    }

    public void Dispose() => http.Dispose();

    public sealed record Page(HttpStatusCode Status, string Html, Uri? Url)
    {
        /// <summary>The hidden fields of the form with this @formname, ready to be filled and posted.</summary>
        public Dictionary<string, string>? Form(string formName)
        {
            foreach (Match form in FormPattern().Matches(Html))
            {
                var fields = HiddenPattern().Matches(form.Value).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
                if (fields.GetValueOrDefault("_handler") == formName)
                {
                    return fields;
                }
            }

            return null;
        }

        /// <summary>Every form of the page: its @formname, where it posts, its hidden fields and the names of the fields a person fills.</summary>
        public IEnumerable<PageForm> Forms()
        {
            foreach (Match form in FormPattern().Matches(Html))
            {
                var hidden = HiddenPattern().Matches(form.Value).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
                var action = ActionPattern().Match(form.Value) is { Success: true } a ? WebUtility.HtmlDecode(a.Groups["action"].Value) : null;
                var fields = FieldPattern().Matches(form.Value).Select(m => WebUtility.HtmlDecode(m.Groups["name"].Value)).Where(n => !hidden.ContainsKey(n)).Distinct().ToList();
                yield return new PageForm(hidden.GetValueOrDefault("_handler"), action, hidden, fields);
            }
        }

        public string AntiforgeryToken => HiddenPattern().Matches(Html).First(m => m.Groups["name"].Value == "__RequestVerificationToken").Groups["value"].Value;
    }

    public sealed record PageForm(string? Name, string? Action, IReadOnlyDictionary<string, string> Hidden, IReadOnlyList<string> Fields);

    [GeneratedRegex("^<form[^>]*action=\"(?<action>[^\"]+)\"")]
    private static partial Regex ActionPattern();

    [GeneratedRegex("<(input|textarea|select|button)[^>]*name=\"(?<name>[^\"]+)\"")]
    private static partial Regex FieldPattern();

    [GeneratedRegex("<form[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"|<input[^>]*name=\"(?<name>[^\"]+)\"[^>]*type=\"hidden\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenPattern();
}
