using System.Net;
using Jianfu.Tests.Modules.Dispatch;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Tests.Infrastructure;

/// <summary>Where a test's dispatch is left: submitted and waiting, approved into village tasks, or returned for revision.</summary>
public enum DispatchState
{
    UnderReview,
    Approved,
    Returned,
}

/// <summary>How far the demo village's task of a new dispatch has gone.</summary>
public enum TaskStep
{
    Pending,
    Received,
    Assigned,
    Completed,
    Confirmed,
}

/// <summary>
/// What a test needs, made through the API as the people who do it would: dispatches in each state, village tasks at
/// each step, 12345 orders waiting in triage, cases. The test world underneath is the demo district with its accounts
/// and its catalogue (seeded by JianfuFactory); nothing else of the demo is there, so each test makes its own records,
/// every title unique, and tests sharing a database never find each other's.
/// </summary>
public static class TestData
{
    public const string Village = DispatchApiTests.Village;
    public const string OtherVillage = DispatchApiTests.OtherVillage;

    public static string Unique(string title) => $"{title}-{Guid.NewGuid():N}"[..(title.Length + 9)];

    /// <summary>A dispatch of the township's village office to <paramref name="targets"/> (the demo village when none), left in <paramref name="state"/>.</summary>
    public static async Task<int> DispatchAsync(this JianfuFactory factory, DispatchState state, string title, params string[] targets)
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var id = (await dispatcher.PostAsync("/api/v1/dispatches", DispatchApiTests.InList(Unique(title), targets))).Expect(HttpStatusCode.Created).Json.Int("id");
        if (state == DispatchState.UnderReview)
        {
            return id;
        }

        using var reviewer = await factory.LoginAsync("reviewer");
        var decision = state == DispatchState.Approved
            ? new { decision = "approve", reason = "同意", rerouteTo = (string?)null }
            : new { decision = "return", reason = "请删去重复填报的要求。", rerouteTo = (string?)null };
        (await reviewer.PostAsync($"/api/v1/dispatches/{id}/decision", decision)).Expect(HttpStatusCode.OK);
        return id;
    }

    /// <summary>The village tasks of an approved dispatch, by community code, as its page lists them.</summary>
    public static async Task<Dictionary<string, int>> TasksAsync(this JianfuFactory factory, int dispatchId)
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var view = (await dispatcher.GetAsync($"/api/v1/dispatches/{dispatchId}")).Expect(HttpStatusCode.OK).Json;
        return view.Items("targets").Where(t => t["taskId"] is not null).ToDictionary(t => t.Str("unitCode"), t => t.Int("taskId"));
    }

    /// <summary>The demo village's task of a new approved dispatch, taken by its secretary and cadre to <paramref name="step"/>.</summary>
    public static async Task<int> TaskAsync(this JianfuFactory factory, TaskStep step, string title = "测试任务")
    {
        var taskId = (await factory.TasksAsync(await factory.DispatchAsync(DispatchState.Approved, title, Village)))[Village];
        using var secretary = await factory.LoginAsync("secretary");
        using var cadre = await factory.LoginAsync("cadre");
        (string Path, ApiClient By, object? Body, TaskStep Reaches)[] steps =
        [
            ("receive", secretary, null, TaskStep.Received),
            ("assign", secretary, new { assignee = "cadre" }, TaskStep.Assigned),
            ("complete", cadre, new { result = "已按要求办理。" }, TaskStep.Completed),
            ("confirm", secretary, null, TaskStep.Confirmed),
        ];
        foreach (var (path, by, body, reaches) in steps.Where(s => s.Reaches <= step))
        {
            (await by.PostAsync($"/api/v1/tasks/{taskId}/{path}", body ?? new { })).Expect(HttpStatusCode.OK);
        }

        return taskId;
    }

    /// <summary>A 12345 order of the demo village the centre received; with no routing model it waits in triage.</summary>
    public static async Task<int> TriageOrderAsync(this JianfuFactory factory)
    {
        using var centre = await factory.LoginAsync("catalogue");
        var received = (await centre.PostAsync("/api/v1/hotline/orders", new { externalId = Unique("T"), text = "希望社区帮忙联系一下", communityCode = Village, receivedAt = (DateTime?)null }))
            .Expect(HttpStatusCode.Created).Json;
        return received.Items("orders").Single().Int("id");
    }

    /// <summary>A case of the demo village in the case library, written by its secretary.</summary>
    public static async Task<int> CaseAsync(this JianfuFactory factory, string title, string problem, string actions, string tags)
    {
        using var secretary = await factory.LoginAsync("secretary");
        return (await secretary.PostAsync("/api/v1/cases", new { title, problem, actions, helpers = "物业公司", outcome = "问题解决", tags, communityCode = Village }))
            .Expect(HttpStatusCode.Created).Json.Int("id");
    }

    /// <summary>A year no other test of the class uses, for indicator sets and inspection plans (one published per year and level).</summary>
    public static int FreshYear() => Interlocked.Increment(ref _year);

    // Some 30 years are taken in a run (both providers share the counter); sets and plans must stay within 2000–2100.
    private static int _year = 2030 + Random.Shared.Next(0, 10) * 2;

    /// <summary>A district department's id, for an indicator's evaluating body.</summary>
    public static Task<int> DepartmentIdAsync(this JianfuFactory factory, string name) =>
        factory.WithDbAsync(db => db.Departments.Where(d => d.Name == name && d.Unit!.Code == DemoDistrict).Select(d => d.Id).SingleAsync());

    public const string DemoDistrict = "330602";
    public const string DemoTownship = "330602108";

    /// <summary>
    /// An indicator set of the demo district made by its assessment office, with these indicators (given as
    /// (name, points, source, metric); the evaluating body is the civil affairs bureau), and published when asked.
    /// </summary>
    public static async Task<int> IndicatorSetAsync(this JianfuFactory factory, int year, string level, bool publish, string scheme,
        params (string Name, decimal Points, string Source, string? Metric)[] indicators)
    {
        using var assessor = await factory.LoginAsync("assessor");
        var id = (await assessor.PostAsync("/api/v1/assessment/sets", new { district = DemoDistrict, year, level, title = Unique($"{year}年考核"), scheme }))
            .Expect(HttpStatusCode.Created).Json.Int("id");
        var evaluator = await factory.DepartmentIdAsync("区民政局");
        foreach (var (name, points, source, metric) in indicators)
        {
            (await assessor.PostAsync($"/api/v1/assessment/sets/{id}/indicators", new
            {
                category = "高质量发展", name, description = "", points, evaluator = source == "evaluator" && level == "community" ? (object)"township" : evaluator, source, metric, veto = false,
            })).Expect(HttpStatusCode.Created);
        }

        if (publish)
        {
            (await assessor.PostAsync($"/api/v1/assessment/sets/{id}/publish")).Expect(HttpStatusCode.OK);
        }

        return id;
    }
}
