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
}

public sealed class DemoDataTests_Sqlite(SqliteDemoFactory factory) : DemoDataTests(factory), IClassFixture<SqliteDemoFactory>;

public sealed class DemoDataTests_Postgres(PostgresDemoFactory factory) : DemoDataTests(factory), IClassFixture<PostgresDemoFactory>;
