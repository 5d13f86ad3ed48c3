using System.Net;
using Jianfu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Tests.Host;

/// <summary>
/// The demo a newcomer meets on first start (`dotnet run`), written module by module through Host/Demo/DemoData on
/// each provider: every kind of record in the states the demo promises, readable through the API by the demo accounts.
/// </summary>
public abstract class DemoDataTests(JianfuFactory factory)
{
    [Fact]
    public async Task TheDemo_HasDispatchesInEveryState_OrdersInTriage_Cases_AndKnowsItIsThere()
    {
        var statuses = await factory.WithDbAsync(db => db.Dispatches.Select(d => d.Status.ToString()).ToListAsync());
        Assert.Equal(["Approved", "Draft", "Rejected", "Returned", "UnderReview", "Withdrawn"], statuses.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(6, await factory.WithDbAsync(db => db.HotlineOrders.CountAsync(o => o.Status == Jianfu.Modules.Hotline.Domain.OrderStatus.Triage)));
        Assert.True(await factory.WithServiceAsync<Jianfu.Host.Demo.DemoData, bool>(d => d.IsPresentAsync(default)));
        // Nothing is written twice on a second start.
        Assert.False(await factory.WithServiceAsync<Jianfu.Host.Demo.DemoData, bool>(d => d.SeedIfEmptyAsync(default)));

        using var secretary = await factory.LoginAsync("secretary");
        var inbox = (await secretary.GetAsync("/api/v1/inbox")).Expect(HttpStatusCode.OK).Json.Items().Select(t => t.Str("title")).ToList();
        Assert.Contains("协助开展农村生活垃圾分类督导", inbox);
        var found = (await secretary.GetAsync("/api/v1/cases?q=" + Uri.EscapeDataString("楼道里电瓶车充电怎么管"))).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("电动自行车楼道充电屡禁不止", found["hits"]![0]!.Str("title"));
        using var reviewer = await factory.LoginAsync("reviewer");
        Assert.Contains((await reviewer.GetAsync("/api/v1/review-queue")).Expect(HttpStatusCode.OK).Json.Items(), d => d.Str("title") == "冬季森林防火宣传和巡查");
    }

    [Fact]
    public async Task TheDemo_Assessment_Is118IndicatorsCutTo68_APublishedCommunitySet_AndAPlanOf41CutTo30()
    {
        using var assessor = await factory.LoginAsync("assessor");
        var sets = (await assessor.GetAsync($"/api/v1/assessment/sets?district={TestData.DemoDistrict}")).Expect(HttpStatusCode.OK).Json.Items().ToList();
        var township = sets.Single(s => s.Str("level") == "township" && s.Int("count") == 68);
        Assert.Equal("Published", township.Str("status"));
        var comparison = (await assessor.GetAsync($"/api/v1/assessment/sets/{township.Int("id")}/comparison")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((118, 68), (comparison["previous"].Int("count"), comparison["current"].Int("count")));
        Assert.Equal(-0.4237m, comparison["reduction"]!.GetValue<decimal>());
        var party = comparison.Items("byCategory").Single(c => c.Str("category") == "党的建设");
        Assert.Equal((28, 15), (party.Int("previous"), party.Int("current")));

        // The township sees its communities' board, every row explained.
        var community = sets.Single(s => s.Str("level") == "community");
        using var reviewer = await factory.LoginAsync("reviewer");
        var board = (await reviewer.GetAsync($"/api/v1/assessment/rankings?set={community.Int("id")}")).Expect(HttpStatusCode.OK).Json.Items().ToList();
        Assert.Equal(await factory.WithDbAsync(db => db.Units.CountAsync(u => u.Parent!.Code == TestData.DemoTownship)), board.Count);
        var first = board.First();
        Assert.Equal(1, first.Int("rank"));
        Assert.NotEmpty(first.Items("components"));

        var plans = (await assessor.GetAsync($"/api/v1/inspection-plans?district={TestData.DemoDistrict}")).Expect(HttpStatusCode.OK).Json.Items().ToList();
        Assert.Equal([30, 41], plans.Select(p => p.Int("items")).ToArray());
        var plan = (await assessor.GetAsync($"/api/v1/inspection-plans/{plans[0].Int("id")}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(-0.2683m, plan["reduction"]!.GetValue<decimal>());
        Assert.Contains(plan.Items("visits"), v => v.Str("unitCode") == TestData.Village && v["overThreshold"]!.GetValue<bool>());
        Assert.True(await factory.WithDbAsync(db => db.Ratings.AnyAsync()));
    }

    [Fact]
    public async Task TheDemo_Registry_GivesTheSecretaryTheNinetyYearList()
    {
        using var secretary = await factory.LoginAsync("secretary");
        var ledgers = (await secretary.GetAsync("/api/v1/ledgers")).Expect(HttpStatusCode.OK).Json.Items().ToList();
        Assert.Equal(7, ledgers.Count);
        var shops = (await secretary.GetAsync($"/api/v1/ledgers/{ledgers.Single(l => l.Str("name") == "沿街商铺").Int("id")}/run")).Expect(HttpStatusCode.OK).Json;
        Assert.InRange(shops.Int("count"), 10, 30);
        Assert.All(shops.Items("rows"), r => Assert.StartsWith("92330602", r.Str("licenceCode")));
        var ninety = ledgers.Single(l => l.Str("name") == "未来三个月年满90周岁老人");
        var run = (await secretary.GetAsync($"/api/v1/ledgers/{ninety.Int("id")}/run")).Expect(HttpStatusCode.OK).Json;
        Assert.True(run.Int("count") >= 3);
        Assert.Contains(run.Items("rows"), r => r.Str("name") == "陈阿婆");
        Assert.Equal(3000, await factory.WithDbAsync(db => db.Residents.CountAsync()));
    }
}

public sealed class DemoDataTests_Sqlite(SqliteDemoFactory factory) : DemoDataTests(factory), IClassFixture<SqliteDemoFactory>;

public sealed class DemoDataTests_Postgres(PostgresDemoFactory factory) : DemoDataTests(factory), IClassFixture<PostgresDemoFactory>;
