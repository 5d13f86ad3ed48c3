using System.Net;
using Jianfu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Tests.Modules.Cases;

/// <summary>The case library (社区百事能) through the API, on SQLite and PostgreSQL.</summary>
public abstract class CasesApiTests(JianfuFactory factory)
{
    [Fact]
    public async Task Search_FindsTheSimilarCase_WithTheMatchedWordsMarked_AndEncodesEverythingElse()
    {
        await factory.CaseAsync("电动自行车楼道充电屡禁不止", "楼道里电动车停放充电,飞线充电多,存在火灾隐患,劝导效果差。",
            "在小区空地建集中充电棚,安装智能充电桩,按次收费;网格员夜间巡查,对飞线充电上门劝导。", "消防安全、电动自行车、充电");
        await factory.CaseAsync("老旧小区加装电梯,低层住户反对", "小区6层无电梯,高层老人出行难,一二楼住户担心采光和噪音。",
            "召集居民会议,请设计单位现场讲解方案,对一二楼住户给予补偿。", "加装电梯、居民协商");
        using var secretary = await factory.LoginAsync("secretary");
        var found = (await secretary.GetAsync("/api/v1/cases?q=" + Uri.EscapeDataString("楼道里电瓶车充电怎么管"))).Expect(HttpStatusCode.OK).Json;
        var first = found["hits"]![0]!;
        Assert.Equal("电动自行车楼道充电屡禁不止", first.Str("title"));
        Assert.Contains("<mark>充电</mark>", first.Str("snippetHtml"));
        (await secretary.GetAsync("/api/v1/cases?q=")).Expect(HttpStatusCode.BadRequest);
        (await secretary.GetAsync($"/api/v1/cases/{first.Int("id")}")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ANewCase_IsFoundAtOnce_AndUserTextIsEncodedInTheSnippet()
    {
        using var cadre = await factory.LoginAsync("cadre");
        (await cadre.PostAsync("/api/v1/cases", new { title = "", problem = "x", actions = "y" })).Expect(HttpStatusCode.BadRequest);
        var created = (await cadre.PostAsync("/api/v1/cases", new
        {
            title = "河塘蓝藻暴发<script>", problem = "夏季河塘蓝藻暴发,气味难闻<script>alert(1)</script>", actions = "联系水利站投放微生物制剂,组织清捞",
            helpers = "镇水利站", outcome = "两周后水质好转", tags = "河塘治理、蓝藻", communityCode = (string?)null,
        })).Expect(HttpStatusCode.Created).Json;
        var found = (await cadre.GetAsync("/api/v1/cases?q=" + Uri.EscapeDataString("河塘蓝藻"))).Expect(HttpStatusCode.OK).Json["hits"]![0]!;
        Assert.Equal(created.Int("id"), found.Int("id"));
        Assert.DoesNotContain("<script>", found.Str("snippetHtml"));
        Assert.Contains("&lt;script&gt;", found.Str("snippetHtml"));
        Assert.Equal(["河塘治理", "蓝藻"], found["tags"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray());

        using var dispatcher = await factory.LoginAsync("dispatcher");
        (await dispatcher.PostAsync("/api/v1/cases", new { title = "t", problem = "p", actions = "a", communityCode = "330602108200" })).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AConfirmedTask_BecomesACase_InOneAction_Once()
    {
        var taskId = await factory.TaskAsync(TaskStep.Confirmed, "转为案例的任务");
        var notConfirmed = await factory.TaskAsync(TaskStep.Completed, "尚未确认的任务");
        using var secretary = await factory.LoginAsync("secretary");
        (await secretary.PostAsync($"/api/v1/cases/from-task/{notConfirmed}")).Expect(HttpStatusCode.NotFound);
        using (var other = await factory.LoginAsync("dispatcher"))
        {
            (await other.PostAsync($"/api/v1/cases/from-task/{taskId}")).Expect(HttpStatusCode.Forbidden);
        }

        var created = (await secretary.PostAsync($"/api/v1/cases/from-task/{taskId}")).Expect(HttpStatusCode.Created).Json;
        var view = (await secretary.GetAsync($"/api/v1/cases/{created.Int("id")}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(taskId, view.Int("sourceTaskId"));
        (await secretary.PostAsync($"/api/v1/cases/from-task/{taskId}")).Expect(HttpStatusCode.Conflict);
    }
}

public sealed class CasesApiTests_Sqlite(SqliteFactory factory) : CasesApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class CasesApiTests_Postgres(PostgresFactory factory) : CasesApiTests(factory), IClassFixture<PostgresFactory>;
