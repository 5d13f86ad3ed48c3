using System.Net;
using System.Text;
using Jianfu.Modules.Hotline.Domain;
using Jianfu.Modules.Hotline.Routing;
using Jianfu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Jianfu.Tests.Modules.Hotline;

/// <summary>12345 orders through the API and import, routed by the district list, on SQLite and PostgreSQL — one story, in order.</summary>
[TestCaseOrderer("Jianfu.Tests.Infrastructure.AlphabeticalOrderer", "Jianfu.Tests")]
public abstract class HotlineApiTests(JianfuFactory factory)
{
    private const string Village = "330602108200";

    private static object Order(string id, string text, string? community = Village) => new { externalId = id, text, communityCode = community, receivedAt = (DateTime?)null };

    [Fact]
    public async Task A_WithoutAModel_OrdersWaitInTriage_AndOnlyTheCentreTakesOrdersIn()
    {
        using var centre = await factory.LoginAsync("district-reviewer");
        var created = (await centre.PostAsync("/api/v1/hotline/orders", Order("T-0001", "我父亲今年满60周岁,想办理老年人优待证,请问需要什么材料"))).Expect(HttpStatusCode.Created).Json;
        Assert.Equal(1, created.Int("received"));
        Assert.Equal("Triage", created["orders"]![0].Str("status"));
        Assert.Contains("尚无分拨模型", created["orders"]![0].Str("triageReason"));

        foreach (var role in new[] { "dispatcher", "secretary", "cadre" })
        {
            using var other = await factory.LoginAsync(role);
            (await other.PostAsync("/api/v1/hotline/orders", Order("T-X", "测试"))).Expect(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task B_OnlyTheAdministrator_UploadsAModel_AndWaitingOrdersAreRoutedByIt()
    {
        using (var centre = await factory.LoginAsync("district-reviewer"))
        {
            (await centre.PostFileAsync("/api/v1/hotline/models", TestModel.Bytes, "model.zip")).Expect(HttpStatusCode.Forbidden);
        }

        using var admin = await factory.LoginAsync("admin");
        (await admin.PostFileAsync("/api/v1/hotline/models", "not a model"u8.ToArray(), "model.zip")).Expect(HttpStatusCode.BadRequest);
        var model = (await admin.PostFileAsync("/api/v1/hotline/models", TestModel.Bytes, "model.zip")).Expect(HttpStatusCode.Created).Json;
        Assert.Equal("test-1", model.Str("version"));

        var order = await factory.WithDbAsync(db => db.HotlineOrders.SingleAsync(o => o.ExternalId == "T-0001"));
        Assert.Equal((OrderStatus.Routed, RouteKind.Community, "XZ-01-01", "test-1"), (order.Status, order.RouteKind, order.ScreeningCode, order.ModelVersion));
    }

    [Fact]
    public async Task C_CommunityItems_GoToTheCommunity_EverythingElseToTheResponsibleDepartment()
    {
        using var centre = await factory.LoginAsync("district-reviewer");
        async Task<System.Text.Json.Nodes.JsonNode> Post(string id, string text, string? community = Village) =>
            (await centre.PostAsync("/api/v1/hotline/orders", Order(id, text, community))).Expect(HttpStatusCode.Created).Json["orders"]![0]!;

        var house = await Post("T-0002", "解放路小区3号楼房屋墙体开裂漏水,开发商不维修,房屋质量问题");
        Assert.Equal(("Routed", "Department", "区住房和城乡建设局"), (house.Str("status"), house.Str("routeKind"), house.Str("department")));
        // An excluded item is never a community's: it goes to the item's responsible department.
        var investment = await Post("T-0003", "城南有人在村里强行摊派招商引资任务,要求每户介绍投资项目3个");
        Assert.Equal(("Department", "FM-21", "区委社会工作部"), (investment.Str("routeKind"), investment.Str("screeningCode"), investment.Str("department")));
        // A community item without a community cannot reach an inbox: a person decides.
        var nowhere = await Post("T-0004", "我母亲今年满62周岁,想办理老年人优待证,请问需要什么材料", null);
        Assert.Equal("Triage", nowhere.Str("status"));
        Assert.Contains("未写明所在村(社区)", nowhere.Str("triageReason"));
        // Importing the same order number again adds nothing.
        var again = (await centre.PostAsync("/api/v1/hotline/orders", Order("T-0002", "重复"))).Expect(HttpStatusCode.Created).Json;
        Assert.Equal((0, 1), (again.Int("received"), again.Int("skipped")));
        Assert.Equal("test-1", (await factory.WithDbAsync(db => db.HotlineOrders.SingleAsync(o => o.ExternalId == "T-0002"))).ModelVersion);
    }

    [Fact]
    public async Task D_Import_ChecksEveryRow_ThenRoutesTheWholeFile()
    {
        using var centre = await factory.LoginAsync("district-reviewer");
        var bad = Encoding.UTF8.GetBytes("工单编号,工单内容,村社区代码\nI-1,老人办理老年人优待证,330602108200\nI-2,,330602108200\nI-3,房屋漏水,999\n");
        var refused = (await centre.PostFileAsync("/api/v1/hotline/orders/import", bad, "orders.csv")).Expect(HttpStatusCode.UnprocessableEntity);
        var rows = refused.Json["rows"]!.AsArray().Select(r => (r.Int("row"), r.Str("column"))).ToList();
        Assert.Equal([(3, "工单内容"), (4, "村社区代码")], rows);
        Assert.Equal(0, await factory.WithDbAsync(db => db.HotlineOrders.CountAsync(o => o.ExternalId.StartsWith("I-"))));

        using var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(new[]
        {
            new Dictionary<string, object> { ["工单编号"] = "I-1", ["工单内容"] = "我奶奶今年满70周岁,想办理老年人优待证,请问需要什么材料", ["村社区代码"] = Village },
            new Dictionary<string, object> { ["工单编号"] = "I-2", ["工单内容"] = "胜利西路小区5号楼房屋墙体开裂漏水,开发商不维修,房屋质量问题", ["村社区代码"] = "" },
        });
        var imported = (await centre.PostFileAsync("/api/v1/hotline/orders/import", xlsx.ToArray(), "orders.xlsx")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((2, 2), (imported.Int("received"), imported.Int("routed")));
    }

    [Fact]
    public async Task E_TheCommunitySeesItsOrders_TheDepartmentItsOwn_AndEachAnswersOnlyItsOwn()
    {
        using var secretary = await factory.LoginAsync("secretary");
        var mine = (await secretary.GetAsync("/api/v1/hotline/orders")).Expect(HttpStatusCode.OK).Json.Items().ToList();
        Assert.Contains(mine, o => o.Str("externalId") == "I-1");
        Assert.DoesNotContain(mine, o => o.Str("externalId") == "T-0002");
        var id = mine.First(o => o.Str("externalId") == "I-1").Int("id");
        var other = (await factory.WithDbAsync(db => db.HotlineOrders.SingleAsync(o => o.ExternalId == "T-0002"))).Id;
        (await secretary.GetAsync($"/api/v1/hotline/orders/{other}")).Expect(HttpStatusCode.Forbidden);
        (await secretary.PostAsync($"/api/v1/hotline/orders/{other}/handle", new { reply = "不是我们的" })).Expect(HttpStatusCode.Forbidden);
        (await secretary.PostAsync($"/api/v1/hotline/orders/{id}/handle", new { reply = "" })).Expect(HttpStatusCode.BadRequest);
        var village = await factory.WithDbAsync(db => db.Units.Where(u => u.Code == Village).Select(u => u.Id).SingleAsync());
        async Task<int> OpenAsync()
        {
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<Jianfu.Modules.Hotline.Contracts.IHotlineInbox>().OpenOrdersAsync([village], default);
        }

        var waiting = await OpenAsync();
        Assert.True(waiting >= 1);
        (await secretary.PostAsync($"/api/v1/hotline/orders/{id}/handle", new { reply = "已上门收集材料并转报区民政局。" })).Expect(HttpStatusCode.OK);
        Assert.Equal(waiting - 1, await OpenAsync());
        var detail = (await secretary.GetAsync($"/api/v1/hotline/orders/{id}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("Handled", detail["order"].Str("status"));
        Assert.Equal(["受理工单", "自动分拨", "办结"], detail["history"]!.AsArray().Select(h => h.Str("action")).ToArray());
    }

    [Fact]
    public async Task F_Triage_RoutesByCodeOrDepartment_UnderTheSameRules_AndBecomesTrainingData()
    {
        using var centre = await factory.LoginAsync("district-reviewer");
        var queue = (await centre.GetAsync("/api/v1/hotline/orders?queue=Triage")).Expect(HttpStatusCode.OK).Json.Items().ToList();
        var id = queue.First(o => o.Str("externalId") == "T-0004").Int("id");
        (await centre.PostAsync($"/api/v1/hotline/orders/{id}/route", new { label = "XZ-01-01" })).Expect(HttpStatusCode.BadRequest);
        (await centre.PostAsync($"/api/v1/hotline/orders/{id}/route", new { label = "区不存在局" })).Expect(HttpStatusCode.BadRequest);
        using (var secretary = await factory.LoginAsync("secretary"))
        {
            (await secretary.PostAsync($"/api/v1/hotline/orders/{id}/route", new { label = "区民政局" })).Expect(HttpStatusCode.Forbidden);
        }

        var routed = (await centre.PostAsync($"/api/v1/hotline/orders/{id}/route", new { label = "xz-01-01 办理老年优待证", communityCode = Village })).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(("Routed", "Community", "XZ-01-01"), (routed.Str("status"), routed.Str("routeKind"), routed.Str("screeningCode")));
        (await centre.PostAsync($"/api/v1/hotline/orders/{id}/route", new { label = "区民政局" })).Expect(HttpStatusCode.Conflict);

        var csv = Encoding.UTF8.GetString(await centre.GetBytesAsync("/api/v1/hotline/training-data"));
        var rows = RoutingCommands.Read(new StringReader(csv.TrimStart('\uFEFF')), needLabel: true, "training.csv");
        Assert.Contains(rows, r => r.Id == "T-0004" && r.Label == "XZ-01-01");
        Assert.Contains(rows, r => r.Id == "I-1" && r.Label == "XZ-01-01");
    }
}

public sealed class HotlineApiTests_Sqlite(SqliteFactory factory) : HotlineApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class HotlineApiTests_Postgres(PostgresFactory factory) : HotlineApiTests(factory), IClassFixture<PostgresFactory>;
