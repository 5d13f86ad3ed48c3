using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Jianfu.BrowserTests;

/// <summary>
/// What a journey needs before its person starts, made through the API as the people before them would have made it
/// (the journey itself then clicks and types). Nothing here leans on the demo's records: only on its accounts.
/// </summary>
public sealed class Arrange(string baseUrl)
{
    private async Task<HttpClient> AsAsync(string userName)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var login = await http.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = "Demo-2026" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<JsonNode> SendAsync(HttpClient http, string url, object body)
    {
        using var response = await http.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>A 12345 order of 富盛村 the centre received; with no routing model it waits in triage.</summary>
    public async Task OrderAsync(string text)
    {
        using var centre = await AsAsync("district-reviewer");
        await SendAsync(centre, "/api/v1/hotline/orders", new { externalId = $"B-{Guid.NewGuid():N}"[..20], text, communityCode = "330602108200", receivedAt = (DateTime?)null });
    }

    /// <summary>A task of 富盛村 approved by the township, done by its cadre with <paramref name="result"/> and confirmed by its secretary.</summary>
    public async Task ConfirmedTaskAsync(string title, string content, string code, string result)
    {
        using var dispatcher = await AsAsync("dispatcher");
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(14).ToString("yyyy-MM-dd");
        var id = (await SendAsync(dispatcher, "/api/v1/dispatches", new { title, content, screeningCode = code, targets = new[] { "330602108200" }, dueDate = due, justification = (string?)null }))["id"]!.GetValue<int>();
        using var reviewer = await AsAsync("reviewer");
        var approved = await SendAsync(reviewer, $"/api/v1/dispatches/{id}/decision", new { decision = "approve", reason = "同意", rerouteTo = (string?)null });
        var task = approved["targets"]!.AsArray().Single()!["taskId"]!.GetValue<int>();
        using var secretary = await AsAsync("secretary");
        using var cadre = await AsAsync("cadre");
        await SendAsync(secretary, $"/api/v1/tasks/{task}/receive", new { });
        await SendAsync(secretary, $"/api/v1/tasks/{task}/assign", new { assignee = "cadre" });
        await SendAsync(cadre, $"/api/v1/tasks/{task}/complete", new { result });
        await SendAsync(secretary, $"/api/v1/tasks/{task}/confirm", new { });
    }

    /// <summary>The residents' rating address of a community, as its printed poster carries it.</summary>
    public async Task<string> RatingUrlAsync(string unitCode)
    {
        using var assessor = await AsAsync("assessor");
        using var response = await assessor.GetAsync($"/api/v1/assessment/rating-posters/{unitCode}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["url"]!.GetValue<string>();
    }

    /// <summary>
    /// A published community assessment of this year, made by the assessment office: two task indicators the platform
    /// computes and one the township scores, which 富盛镇 has scored for 富盛村 with <paramref name="basis"/>.
    /// </summary>
    public async Task<int> CommunitySetAsync(string title, string basis)
    {
        using var assessor = await AsAsync("assessor");
        var year = DateTime.UtcNow.AddHours(8).Year;
        var id = (await SendAsync(assessor, "/api/v1/assessment/sets", new { district = "330602", year, level = "community", title, scheme = "7+3" }))["id"]!.GetValue<int>();
        (string Name, decimal Points, object Evaluator, string Source, string? Metric)[] indicators =
        [
            ("交办任务按时完成率", 40m, "330602", "system", "tasks-on-time"), ("交办任务确认办结率", 30m, "330602", "system", "tasks-confirmed"),
            ("平安建设和矛盾纠纷化解", 30m, "township", "evaluator", null),
        ];
        var scored = 0;
        foreach (var (name, points, evaluator, source, metric) in indicators)
        {
            scored = (await SendAsync(assessor, $"/api/v1/assessment/sets/{id}/indicators",
                new { category = "高质量发展", name, description = "", points, evaluator, source, metric, veto = false }))["id"]!.GetValue<int>();
        }

        await SendAsync(assessor, $"/api/v1/assessment/sets/{id}/publish", new { });
        using var reviewer = await AsAsync("reviewer");
        await SendAsync(reviewer, $"/api/v1/assessment/sets/{id}/scores", new { indicatorId = scored, unitCode = "330602108200", score = 27, basis });
        return id;
    }

    /// <summary>An inspection of 富盛村 today outside the plan, recorded by the assessment office with its approval.</summary>
    public async Task UnplannedVisitAsync(string findings)
    {
        using var assessor = await AsAsync("assessor");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await SendAsync(assessor, "/api/v1/inspection-visits",
            new { planItemId = (int?)null, unitCode = "330602108200", date = today, findings, approval = "区委办一事一报(浏览器测试)", team = "区住建局检查组" });
    }

    /// <summary>A resident of 富盛村, imported by the district's data keeper.</summary>
    public async Task ResidentAsync(string name, DateOnly birth, string tags = "")
    {
        using var keeper = await AsAsync("datakeeper");
        var first17 = $"110102{birth:yyyyMMdd}{Random.Shared.Next(0, 500) * 2:000}";
        var csv = "姓名,公民身份号码,联系电话,村社区代码,网格,地址,楼栋,单元,室,标签\n"
            + $"{name},{first17}{Check(first17)},13905759876,330602108200,第1网格,富盛村解放路,8,1,101,{tags}\n";
        using var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv)), "file", "residents.csv" } };
        using var imported = await keeper.PostAsync("/api/v1/registry/residents/import", form);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
    }

    /// <summary><paramref name="name"/> of 富盛村 turns 90 in 20 days; a district template for the 90-year list named <paramref name="ledger"/>.</summary>
    public async Task NinetyYearLedgerAsync(string name, string ledger)
    {
        await ResidentAsync(name, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(20).AddYears(-90));
        using var keeper = await AsAsync("datakeeper");
        await SendAsync(keeper, "/api/v1/ledgers", new
        {
            name = ledger, scope = "330602",
            conditions = new[] { new { field = "age", op = "turns-within-months", value = new[] { 90, 3 } } },
            columns = new[] { "name", "idNumber", "birthDate", "age", "address", "phone" },
        });
    }

    /// <summary>GB 11643's check character, as the registry computes it.</summary>
    internal static char Check(string first17) =>
        "10X98765432"[first17.Select((c, i) => (c - '0') * new[] { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 }[i]).Sum() % 11];
}
