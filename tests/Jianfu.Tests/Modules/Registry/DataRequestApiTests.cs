using System.Net;
using System.Text;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Tests.Modules.Registry;

/// <summary>Ask the system, not the village: the gate's warning, the data request, its decision and answer, on SQLite and PostgreSQL.</summary>
public abstract class DataRequestApiTests(JianfuFactory factory)
{
    /// <summary>Residents of 富盛村 imported by the data keeper; one of them, named <paramref name="name"/>, lives alone at 85.</summary>
    private async Task ResidentsAsync(string name)
    {
        using var keeper = await factory.LoginAsync("datakeeper");
        var birth = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddYears(-85).AddDays(-40);
        var first17 = $"110106{birth:yyyyMMdd}{Random.Shared.Next(0, 500) * 2:000}";
        var csv = $"姓名,公民身份号码,联系电话,村社区代码,标签\n{name},{first17}{CitizenId.CheckOf(first17)},13812340000,{TestData.Village},独居\n";
        (await keeper.PostFileAsync("/api/v1/registry/residents/import", Encoding.UTF8.GetBytes(csv), "独居.csv")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ADispatchAskingTheVillageForDataTheRegistryHolds_IsWarned()
    {
        await ResidentsAsync(TestData.Unique("独居甲"));
        using var dispatcher = await factory.LoginAsync("dispatcher");
        var asking = Dispatch.DispatchApiTests.InList("入户宣传燃气安全");
        var body = new
        {
            title = "独居老人摸排", content = "请各村统计辖区内80周岁以上独居老人名单,于本周五前报送镇民政办。", screeningCode = "XZ-13",
            targets = new[] { TestData.Village }, dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)), justification = (string?)null,
        };
        var checks = (await dispatcher.PostAsync("/api/v1/dispatches/check", body)).Expect(HttpStatusCode.OK).Json.Items("checks").ToList();
        var held = checks.Single(c => c.Str("rule") == "data-held-by-system");
        Assert.Equal("Warn", held.Str("severity"));
        Assert.Contains("独居老人", held.Str("message"));
        Assert.Contains("数据申请", held.Str("message"));

        var plain = (await dispatcher.PostAsync("/api/v1/dispatches/check", asking)).Expect(HttpStatusCode.OK).Json.Items("checks");
        Assert.DoesNotContain(plain, c => c.Str("rule") == "data-held-by-system");
    }

    [Fact]
    public async Task ADepartmentsRequest_IsApprovedForFewerFields_AndAnsweredWithoutAVillageTask()
    {
        var name = TestData.Unique("独居乙");
        await ResidentsAsync(name);
        var tasksBefore = await factory.WithDbAsync(db => db.CommunityTasks.CountAsync());
        using var department = await factory.LoginAsync("district-dispatcher");
        var request = new
        {
            purpose = "冬季独居老人走访慰问", basis = "《浙江省老年人权益保障条例》第二十条", fields = new[] { "name", "age", "phone", "idNumber" },
            conditions = new object[] { new { field = "tags", op = "has-tag", value = "独居" }, new { field = "age", op = ">=", value = 80 } }, scope = TestData.Village,
        };
        var id = (await department.PostAsync("/api/v1/data-requests", request)).Expect(HttpStatusCode.Created).Json.Int("id");
        (await department.PostAsync("/api/v1/data-requests", new { purpose = "x", basis = "", fields = new[] { "name" }, conditions = request.conditions, scope = TestData.Village }))
            .Expect(HttpStatusCode.BadRequest);
        (await department.GetAsync($"/api/v1/data-requests/{id}/answer")).Expect(HttpStatusCode.Conflict);

        using (var secretary = await factory.LoginAsync("secretary"))
        {
            (await secretary.PostAsync("/api/v1/data-requests", request)).Expect(HttpStatusCode.Forbidden);
            (await secretary.GetAsync($"/api/v1/data-requests/{id}")).Expect(HttpStatusCode.Forbidden);
        }

        using var keeper = await factory.LoginAsync("datakeeper");
        (await department.PostAsync($"/api/v1/data-requests/{id}/decision", new { decision = "approve" })).Expect(HttpStatusCode.Forbidden);
        (await keeper.PostAsync($"/api/v1/data-requests/{id}/decision", new { decision = "approve", fields = new[] { "salary" } })).Expect(HttpStatusCode.BadRequest);
        var decided = (await keeper.PostAsync($"/api/v1/data-requests/{id}/decision", new { decision = "approve", reason = "走访只需姓名、年龄和电话", fields = new[] { "name", "age", "phone" } }))
            .Expect(HttpStatusCode.OK).Json;
        Assert.Equal("Approved", decided.Str("status"));
        (await keeper.PostAsync($"/api/v1/data-requests/{id}/decision", new { decision = "reject", reason = "再审" })).Expect(HttpStatusCode.Conflict);

        var answer = (await department.GetAsync($"/api/v1/data-requests/{id}/answer")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(["name", "age", "phone"], answer.Items("columns").Select(c => c.Str("id")));
        var row = answer.Items("rows").Single(r => r.Str("name") == name);
        Assert.Equal("13812340000", row.Str("phone"));
        Assert.Null(row["idNumber"]);
        Assert.Equal(tasksBefore, await factory.WithDbAsync(db => db.CommunityTasks.CountAsync()));
        (await keeper.GetAsync($"/api/v1/data-requests/{id}/answer")).Expect(HttpStatusCode.Forbidden);
        var excel = await department.GetBytesAsync($"/api/v1/data-requests/{id}/answer.xlsx");
        Assert.True(excel.Length > 1000);

        var figures = await factory.WithDbAsync(db => db.DataRequests.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.Equal(2, figures.Answers);
        Assert.NotNull(figures.FirstAnsweredAt);
        using var privacy = await factory.LoginAsync("privacy");
        Assert.Contains((await privacy.GetAsync("/api/v1/registry/access-log")).Expect(HttpStatusCode.OK).Json.Items(),
            e => e.Str("kind") == "答复数据申请" && e.Str("user") == "周民政(区民政局)");

        var rejected = (await department.PostAsync("/api/v1/data-requests", request)).Expect(HttpStatusCode.Created).Json.Int("id");
        (await keeper.PostAsync($"/api/v1/data-requests/{rejected}/decision", new { decision = "reject" })).Expect(HttpStatusCode.BadRequest);
        (await keeper.PostAsync($"/api/v1/data-requests/{rejected}/decision", new { decision = "reject", reason = "与第一项申请重复" })).Expect(HttpStatusCode.OK);
        (await department.GetAsync($"/api/v1/data-requests/{rejected}/answer")).Expect(HttpStatusCode.Conflict);
    }
}

public sealed class DataRequestApiTests_Sqlite(SqliteFactory factory) : DataRequestApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class DataRequestApiTests_Postgres(PostgresFactory factory) : DataRequestApiTests(factory), IClassFixture<PostgresFactory>;
