using System.Net;
using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Tests.Modules;

/// <summary>
/// Every /api/v1 endpoint with every demo role, against records the test makes: who gets an answer and who gets 403, never a 500.
/// Changing calls are checked from the refused side only, so the rows do not depend on each other.
/// </summary>
public abstract class EndpointRoleMatrixTests(JianfuFactory factory)
{
    private static readonly string[] Everyone = ["admin", "catalogue", "dispatcher", "reviewer", "secretary", "cadre", "district-dispatcher", "district-reviewer", "assessor", "datakeeper", "privacy"];

    /// <summary>Those whose scope reaches beyond 富盛镇: the district's people.</summary>
    private static readonly string[] District = ["admin", "catalogue", "district-dispatcher", "district-reviewer", "assessor", "datakeeper", "privacy"];

    // One sign-in per role: password hashing is deliberately slow.
    private readonly Dictionary<string, ApiClient> _clients = [];

    private sealed record Ids(
        int Published, int Superseded, int UnderReview, int Approved, int Returned, int OtherVillageTask, int CadreTask, int TriageOrder, int ConfirmedTask, int Set, int Plan);

    /// <summary>One record of each kind the rows need, made for this test: the catalogue versions are the test world's.</summary>
    private async Task<Ids> IdsAsync()
    {
        var versions = await factory.WithDbAsync(db => db.CatalogueVersions.Select(v => new { v.Id, v.Status }).ToListAsync());
        var approved = await factory.DispatchAsync(DispatchState.Approved, "矩阵测试:已下发", TestData.Village, TestData.OtherVillage);
        return new Ids(
            versions.Single(v => v.Status == VersionStatus.Published).Id,
            versions.Single(v => v.Status == VersionStatus.Superseded).Id,
            await factory.DispatchAsync(DispatchState.UnderReview, "矩阵测试:待审核"),
            approved,
            await factory.DispatchAsync(DispatchState.Returned, "矩阵测试:已退回"),
            (await factory.TasksAsync(approved))[TestData.OtherVillage],
            await factory.TaskAsync(TaskStep.Assigned, "矩阵测试:已交办"),
            await factory.TriageOrderAsync(),
            await factory.TaskAsync(TaskStep.Confirmed, "矩阵测试:已确认"),
            await factory.IndicatorSetAsync(TestData.FreshYear(), "community", publish: true, "7+3", ("交办任务按时完成率", 60m, "system", "tasks-on-time"), ("平安建设", 40m, "evaluator", null)),
            await PlanAsync());
    }

    private async Task<int> PlanAsync()
    {
        using var assessor = await factory.LoginAsync("assessor");
        var year = TestData.FreshYear();
        var plan = (await assessor.PostAsync("/api/v1/inspection-plans", new { district = TestData.DemoDistrict, year })).Expect(HttpStatusCode.Created).Json.Int("id");
        (await assessor.PostAsync($"/api/v1/inspection-plans/{plan}/items", new
        {
            name = "矩阵测试检查", content = "", organiser = "区应急管理局", from = new DateOnly(year, 1, 1), to = new DateOnly(year, 12, 31), targets = "community", method = "实地", team = "陈敏、刘洋",
        })).Expect(HttpStatusCode.Created);
        (await assessor.PostAsync($"/api/v1/inspection-plans/{plan}/publish")).Expect(HttpStatusCode.OK);
        return plan;
    }

    private async Task<Reply> CallAsync(ApiClient client, string method, string url, object? body) => method switch
    {
        "GET" => await client.GetAsync(url),
        "PUT" => await client.PutAsync(url, body ?? new { }),
        "POST-FILE" => await client.PostFileAsync(url, [1, 2, 3], "x.csv"),
        _ => await client.PostAsync(url, body ?? new { }),
    };

    private async Task CheckAsync(string method, string url, object? body, string[] allowed, bool onlyRefusals = false)
    {
        var failures = new List<string>();
        foreach (var role in Everyone)
        {
            var may = allowed.Contains(role);
            if (may && onlyRefusals)
            {
                continue;
            }

            if (!_clients.TryGetValue(role, out var client))
            {
                _clients[role] = client = await factory.LoginAsync(role);
            }

            var reply = await CallAsync(client, method, url, body);
            var ok = may ? (int)reply.Status is >= 200 and < 300 : reply.Status == HttpStatusCode.Forbidden;
            if (!ok || (int)reply.Status >= 500)
            {
                failures.Add($"{role}: {(may ? "expected success" : "expected 403")}, got {reply}");
            }
        }

        Assert.True(failures.Count == 0, $"{method} {url}\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task ReadEndpoints_AnswerByRoleAndScope()
    {
        var ids = await IdsAsync();
        await CheckAsync("GET", "/api/v1/me", null, Everyone);
        await CheckAsync("GET", "/api/v1/units?parent=330602", null, Everyone);
        await CheckAsync("GET", "/api/v1/units/330602108/departments", null, Everyone);
        await CheckAsync("GET", "/api/v1/catalogue/items?district=330602&q=证明", null, Everyone);
        await CheckAsync("GET", "/api/v1/catalogue/versions?district=330602", null, Everyone);
        await CheckAsync("GET", $"/api/v1/catalogue/diff?from={ids.Superseded}&to={ids.Published}", null, Everyone);
        await CheckAsync("GET", $"/api/v1/catalogue/versions/{ids.Published}/export", null, Everyone);
        await CheckAsync("GET", "/api/v1/catalogue/admission-requests", null, ["catalogue", "dispatcher", "district-dispatcher"]);
        await CheckAsync("GET", "/api/v1/inbox", null, Everyone);
        await CheckAsync("GET", "/api/v1/dispatches", null, ["dispatcher", "district-dispatcher"]);
        await CheckAsync("GET", "/api/v1/review-queue", null, ["reviewer", "district-reviewer"]);
        await CheckAsync("GET", "/api/v1/rerouted", null, ["dispatcher", "district-dispatcher"]);
        await CheckAsync("GET", $"/api/v1/dispatches/{ids.UnderReview}", null, ["admin", "catalogue", "dispatcher", "reviewer", "district-reviewer"]);
        await CheckAsync("GET", $"/api/v1/dispatches/{ids.Approved}", null, ["admin", "catalogue", "dispatcher", "reviewer", "district-reviewer", "secretary", "cadre"]);
        await CheckAsync("GET", $"/api/v1/tasks/{ids.CadreTask}", null, ["admin", "catalogue", "dispatcher", "reviewer", "district-reviewer", "secretary", "cadre"]);
        await CheckAsync("GET", $"/api/v1/tasks/{ids.OtherVillageTask}", null, ["admin", "catalogue", "dispatcher", "reviewer", "district-reviewer"]);
        await CheckAsync("GET", "/api/v1/admin/users", null, ["admin"]);
        string[] centre = ["admin", "catalogue", "district-reviewer"];
        await CheckAsync("GET", "/api/v1/hotline/orders", null, Everyone);
        await CheckAsync("GET", "/api/v1/hotline/orders?queue=Triage", null, Everyone);
        await CheckAsync("GET", $"/api/v1/hotline/orders/{ids.TriageOrder}", null, centre);
        await CheckAsync("GET", "/api/v1/hotline/models", null, centre);
        await CheckAsync("GET", "/api/v1/hotline/training-data", null, centre);
        await CheckAsync("GET", "/api/v1/cases?q=" + Uri.EscapeDataString("电动车充电"), null, Everyone);
        await CheckAsync("POST", "/api/v1/catalogue/suggestions", new { title = "燃气安全入户宣传", content = "请各村入户宣传" },
            ["catalogue", "dispatcher", "reviewer", "district-dispatcher", "district-reviewer"]);
        await CheckAsync("GET", "/api/v1/assessment/sets?district=330602", null, Everyone);
        await CheckAsync("GET", $"/api/v1/assessment/sets/{ids.Set}", null, Everyone);
        await CheckAsync("GET", $"/api/v1/assessment/sets/{ids.Set}/comparison", null, Everyone);
        await CheckAsync("GET", $"/api/v1/assessment/sets/{ids.Set}/comparison.xlsx", null, Everyone);
        await CheckAsync("GET", $"/api/v1/assessment/rankings?set={ids.Set}", null, Everyone);
        await CheckAsync("GET", $"/api/v1/assessment/rankings/cadres?set={ids.Set}", null, Everyone);
        await CheckAsync("GET", $"/api/v1/assessment/sets/{ids.Set}/units/{TestData.Village}", null, Everyone);
        await CheckAsync("GET", $"/api/v1/assessment/sets/{ids.Set}/units/330602001004", null, District);
        await CheckAsync("GET", $"/api/v1/assessment/sets/{ids.Set}/scoring", null, ["reviewer"]);
        await CheckAsync("GET", "/api/v1/assessment/rating-posters?district=330602", null, ["assessor"]);
        await CheckAsync("GET", $"/api/v1/assessment/rating-posters/{TestData.Village}", null, ["assessor", "secretary"]);
        await CheckAsync("GET", "/api/v1/assessment/rating-questions?district=330602", null, Everyone);
        await CheckAsync("GET", "/api/v1/inspection-plans?district=330602", null, Everyone);
        await CheckAsync("GET", $"/api/v1/inspection-plans/{ids.Plan}", null, Everyone);
        await CheckAsync("GET", "/api/v1/inspection-visits", null, ["catalogue", "reviewer", "secretary", "cadre", "assessor"]);
        using var keeper = await factory.LoginAsync("datakeeper");
        var ledger = (await keeper.PostAsync("/api/v1/ledgers", new { name = "矩阵台账", scope = "330602", conditions = new[] { new { field = "age", op = ">=", value = 80 } } }))
            .Expect(HttpStatusCode.Created).Json.Int("id");
        string[] readers = ["reviewer", "secretary", "cadre", "datakeeper"];
        await CheckAsync("GET", "/api/v1/ledgers", null, readers);
        await CheckAsync("GET", $"/api/v1/ledgers/{ledger}/run?scope={TestData.Village}", null, readers, onlyRefusals: false);
        await CheckAsync("GET", $"/api/v1/ledgers/{ledger}/run?scope=330602001004", null, ["datakeeper"], onlyRefusals: false);
        await CheckAsync("GET", "/api/v1/registry/access-log", null, ["privacy"]);
        await CheckAsync("GET", "/api/v1/registry/imports", null, ["datakeeper"]);
        await CheckAsync("GET", $"/api/v1/registry/grids?community={TestData.Village}", null, readers);
        await CheckAsync("GET", "/api/v1/registry/residents?idNumber=330602199001011234", null, readers, onlyRefusals: true);
        await CheckAsync("GET", "/api/v1/data-requests", null, ["dispatcher", "district-dispatcher", "datakeeper"]);
    }

    [Fact]
    public async Task ChangingEndpoints_RefuseEveryoneElse()
    {
        var ids = await IdsAsync();
        var dispatch = Dispatch.DispatchApiTests.InList("矩阵测试");
        await CheckAsync("POST", "/api/v1/dispatches", dispatch, ["dispatcher", "district-dispatcher"], onlyRefusals: true);
        await CheckAsync("POST", "/api/v1/dispatches/drafts", dispatch, ["dispatcher", "district-dispatcher"], onlyRefusals: true);
        await CheckAsync("POST", "/api/v1/dispatches/check", dispatch, ["dispatcher", "district-dispatcher"], onlyRefusals: true);
        await CheckAsync("PUT", $"/api/v1/dispatches/{ids.Returned}", dispatch, ["dispatcher"], onlyRefusals: true);
        await CheckAsync("PUT", $"/api/v1/dispatches/{ids.Returned}/draft", dispatch, ["dispatcher"], onlyRefusals: true);
        await CheckAsync("POST", $"/api/v1/dispatches/{ids.UnderReview}/withdraw", new { reason = "x" }, ["dispatcher"], onlyRefusals: true);
        await CheckAsync("POST", $"/api/v1/dispatches/{ids.UnderReview}/decision", new { decision = "approve" }, ["reviewer", "district-reviewer"], onlyRefusals: true);
        await CheckAsync("POST", $"/api/v1/tasks/{ids.OtherVillageTask}/receive", null, []);
        await CheckAsync("POST", $"/api/v1/tasks/{ids.OtherVillageTask}/assign", new { assignee = "cadre" }, []);
        await CheckAsync("POST", $"/api/v1/tasks/{ids.OtherVillageTask}/confirm", null, []);
        await CheckAsync("POST", $"/api/v1/tasks/{ids.CadreTask}/complete", new { result = "完成" }, ["cadre"], onlyRefusals: true);
        await CheckAsync("POST", "/api/v1/catalogue/versions", new { district = "330602", year = 2090 }, ["catalogue"], onlyRefusals: true);
        await CheckAsync("POST", $"/api/v1/catalogue/versions/{ids.Published}/publish", null, ["catalogue"], onlyRefusals: true);
        await CheckAsync("POST", $"/api/v1/catalogue/versions/{ids.Published}/items/XZ-13/retire", new { reason = "x" }, ["catalogue"], onlyRefusals: true);
        await CheckAsync("POST", $"/api/v1/catalogue/versions/{ids.Published}/items", new { screeningCode = "XZ-90", name = "x" }, ["catalogue"], onlyRefusals: true);
        await CheckAsync("POST", "/api/v1/catalogue/admission-requests", new { name = "x", kind = "Assistance", basisDocument = "x", reason = "x" },
            ["dispatcher", "district-dispatcher"], onlyRefusals: true);
        await CheckAsync("POST", "/api/v1/admin/users", new { userName = "matrix", displayName = "x", password = "Village-2026", role = "Cadre", unitCode = "330602108200" }, ["admin"], onlyRefusals: true);
        await CheckAsync("POST", "/api/v1/admin/users/cadre/grants", new { role = "Cadre", unitCode = "330602108202" }, ["admin"], onlyRefusals: true);
        await CheckAsync("POST", "/api/v1/admin/users/cadre/account", new { action = "unlock" }, ["admin"], onlyRefusals: true);
        await CheckAsync("POST", "/api/v1/admin/units/330602108/departments", new { name = "矩阵部门" }, ["admin"], onlyRefusals: true);
        await CheckAsync("POST-FILE", "/api/v1/admin/divisions", null, ["admin"], onlyRefusals: true);
        string[] centre = ["admin", "catalogue", "district-reviewer"];
        await CheckAsync("POST", "/api/v1/hotline/orders", new { externalId = "M-1", text = "矩阵测试工单" }, centre, onlyRefusals: true);
        await CheckAsync("POST-FILE", "/api/v1/hotline/orders/import", null, centre, onlyRefusals: true);
        await CheckAsync("POST", $"/api/v1/hotline/orders/{ids.TriageOrder}/route", new { label = "区民政局" }, centre, onlyRefusals: true);
        await CheckAsync("POST", $"/api/v1/hotline/orders/{ids.TriageOrder}/handle", new { reply = "x" }, []);
        await CheckAsync("POST-FILE", "/api/v1/hotline/models", null, ["admin"], onlyRefusals: true);
        await CheckAsync("POST", "/api/v1/cases", new { title = "矩阵", problem = "p", actions = "a", communityCode = "330602108200" },
            ["secretary", "cadre", "catalogue"], onlyRefusals: true);
        await CheckAsync("POST", $"/api/v1/cases/from-task/{ids.ConfirmedTask}", null, ["secretary", "cadre"], onlyRefusals: true);
        string[] office = ["assessor"];
        await CheckAsync("POST", "/api/v1/assessment/sets", new { district = "330602", year = 2091, level = "community", title = "矩阵" }, office, onlyRefusals: true);
        await CheckAsync("POST", $"/api/v1/assessment/sets/{ids.Set}/indicators", new { category = "高质量发展", name = "矩阵", points = 1, evaluator = "330602", source = "evaluator" },
            office, onlyRefusals: true);
        await CheckAsync("POST", $"/api/v1/assessment/sets/{ids.Set}/publish", null, office, onlyRefusals: true);
        await CheckAsync("PUT", $"/api/v1/assessment/sets/{ids.Set}/scheme", new { scheme = "4321" }, office, onlyRefusals: true);
        await CheckAsync("POST", $"/api/v1/assessment/sets/{ids.Set}/rankings/publish", new { month = "2026-01" }, office, onlyRefusals: true);
        await CheckAsync("POST", $"/api/v1/assessment/sets/{ids.Set}/ballots", new { title = "矩阵", voters = new[] { "cadre", "secretary", "reviewer" } }, office, onlyRefusals: true);
        var scored = await factory.WithDbAsync(db => db.Indicators.Where(i => i.SetId == ids.Set && i.Name == "平安建设").Select(i => i.Id).SingleAsync());
        await CheckAsync("POST", $"/api/v1/assessment/sets/{ids.Set}/scores", new { indicatorId = scored, unitCode = TestData.Village, score = 1, basis = "矩阵" }, ["reviewer"], onlyRefusals: true);
        await CheckAsync("POST", $"/api/v1/assessment/rating-posters/{TestData.Village}/revoke", new { token = "x" }, office, onlyRefusals: true);
        await CheckAsync("PUT", "/api/v1/assessment/rating-questions", new { district = "330602", questions = new[] { "一", "二", "三" } }, office, onlyRefusals: true);
        await CheckAsync("POST", "/api/v1/inspection-plans", new { district = "330602", year = 2092 }, office, onlyRefusals: true);
        await CheckAsync("POST", $"/api/v1/inspection-plans/{ids.Plan}/items", new { name = "矩阵" }, office, onlyRefusals: true);
        await CheckAsync("POST", $"/api/v1/inspection-plans/{ids.Plan}/publish", null, office, onlyRefusals: true);
        await CheckAsync("POST", "/api/v1/inspection-approvals", new { district = "330602", reference = "矩阵测试审批" }, office, onlyRefusals: true);
        await CheckAsync("POST-FILE", "/api/v1/registry/residents/import", null, ["datakeeper"], onlyRefusals: true);
        await CheckAsync("POST-FILE", "/api/v1/registry/shops/import", null, ["datakeeper"], onlyRefusals: true);
        await CheckAsync("POST-FILE", "/api/v1/registry/enterprises/import", null, ["datakeeper"], onlyRefusals: true);
        await CheckAsync("POST", "/api/v1/ledgers", new { name = "矩阵", scope = TestData.Village, conditions = new[] { new { field = "age", op = ">=", value = 80 } } },
            ["secretary", "datakeeper"], onlyRefusals: true);
        await CheckAsync("POST", "/api/v1/data-requests", new { purpose = "矩阵测试", basis = "矩阵测试依据", fields = new[] { "name" }, conditions = new[] { new { field = "age", op = ">=", value = 80 } } },
            ["dispatcher", "district-dispatcher"], onlyRefusals: true);
        await CheckAsync("POST", "/api/v1/inspection-visits", new { unitCode = TestData.Village, date = DateOnly.FromDateTime(DateTime.UtcNow), findings = "矩阵" },
            ["assessor", "catalogue"], onlyRefusals: true);
    }
}

public sealed class EndpointRoleMatrixTests_Sqlite(SqliteFactory factory) : EndpointRoleMatrixTests(factory), IClassFixture<SqliteFactory>;

public sealed class EndpointRoleMatrixTests_Postgres(PostgresFactory factory) : EndpointRoleMatrixTests(factory), IClassFixture<PostgresFactory>;
