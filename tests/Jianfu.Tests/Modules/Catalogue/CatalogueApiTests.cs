using System.Net;
using Jianfu.Tests.Infrastructure;
using MiniExcelLibs;

namespace Jianfu.Tests.Modules.Catalogue;

/// <summary>The yearly revision of the catalogue through the API, on SQLite and PostgreSQL. The tests run in order on one database.</summary>
[TestCaseOrderer("Jianfu.Tests.Infrastructure.AlphabeticalOrderer", "Jianfu.Tests")]
public abstract class CatalogueApiTests(JianfuFactory factory)
{
    private async Task<int> VersionIdAsync(ApiClient client, string status) =>
        (await client.GetAsync("/api/v1/catalogue/versions?district=330602")).Expect(HttpStatusCode.OK).Json.Items().First(v => v.Str("status") == status).Int("id");

    private static object Item(string code, string name, string? parent = null) => new
    {
        screeningCode = code, name, kind = "Assistance", parentCode = parent, basisDocument = "《中华人民共和国测试法》", basisArticle = "第一条",
        responsibleDepartment = "区民政局", description = "", requiredByLaw = true, customaryAssistance = true, withinCapacity = true,
    };

    [Fact]
    public async Task A_OnlyTheListKeeperChangesTheCatalogue()
    {
        using var dispatcher = await factory.LoginAsync("dispatcher");
        (await dispatcher.PostAsync("/api/v1/catalogue/versions", new { district = "330602", year = 2099 })).Expect(HttpStatusCode.Forbidden);
        var published = await VersionIdAsync(dispatcher, "Published");
        (await dispatcher.PostAsync($"/api/v1/catalogue/versions/{published}/items/XZ-13/retire", new { reason = "x" })).Expect(HttpStatusCode.Forbidden);
        (await dispatcher.PostAsync($"/api/v1/catalogue/versions/{published}/publish")).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task B_YearlyRevision_DraftEditPublish_SupersedesTheOldVersion_AndDiffShowsIt()
    {
        using var keeper = await factory.LoginAsync("catalogue");
        var oldId = await VersionIdAsync(keeper, "Published");
        var year = DateTime.UtcNow.Year + 1;
        var draft = (await keeper.PostAsync("/api/v1/catalogue/versions", new { district = "330602", year })).Expect(HttpStatusCode.Created).Json;
        var draftId = draft.Int("id");
        Assert.Equal("Draft", draft.Str("status"));
        Assert.Equal(78, draft.Int("items"));
        (await keeper.PostAsync("/api/v1/catalogue/versions", new { district = "330602", year = year + 1 })).Expect(HttpStatusCode.Conflict);

        (await keeper.PostAsync($"/api/v1/catalogue/versions/{draftId}/items", Item("XZ-01-07", "协助办理高龄津贴", "XZ-01"))).Expect(HttpStatusCode.Created);
        (await keeper.PostAsync($"/api/v1/catalogue/versions/{draftId}/items", Item("XZ-06-03", "复用已停用的编码"))).Expect(HttpStatusCode.Conflict);
        var bad = (await keeper.PostAsync($"/api/v1/catalogue/versions/{draftId}/items", Item("XZ-99", "坏的上级", "NOPE"))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("上级事项编码", bad.Json.Str("title"));
        // Every wrong field of an edit is named at once, each under its own field.
        var several = (await keeper.PutAsync($"/api/v1/catalogue/versions/{draftId}/items/XZ-11",
            new { screeningCode = "XZ-11-NEW", name = "", kind = "随便", parentCode = "XZ-11", basisDocument = "" })).Expect(HttpStatusCode.BadRequest).Json;
        Assert.Equal(["basisDocument", "kind", "name", "parentCode", "screeningCode"], several["errors"]!.AsObject().Select(f => f.Key).Order());
        (await keeper.PutAsync($"/api/v1/catalogue/versions/{draftId}/items/XZ-11", Item("XZ-11", "协助开展殡葬改革和文明祭扫宣传"))).Expect(HttpStatusCode.OK);
        (await keeper.PostAsync($"/api/v1/catalogue/versions/{draftId}/items/XZ-10/retire", new { reason = "" })).Expect(HttpStatusCode.BadRequest);
        (await keeper.PostAsync($"/api/v1/catalogue/versions/{draftId}/items/XZ-10/retire", new { reason = "选民登记改由选举委员会直接办理" })).Expect(HttpStatusCode.OK);

        var published = (await keeper.PostAsync($"/api/v1/catalogue/versions/{draftId}/publish")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("Published", published.Str("status"));
        var versions = (await keeper.GetAsync("/api/v1/catalogue/versions?district=330602")).Json.Items().ToList();
        Assert.Equal("Superseded", versions.Single(v => v.Int("id") == oldId).Str("status"));
        Assert.Single(versions, v => v.Str("status") == "Published");

        var diff = (await keeper.GetAsync($"/api/v1/catalogue/diff?from={oldId}&to={draftId}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(["XZ-01-07"], diff.Items("added").Select(i => i.Str("screeningCode")));
        Assert.Equal(["XZ-10"], diff.Items("retired").Select(i => i.Str("screeningCode")));
        var changed = Assert.Single(diff.Items("changed"), c => c.Str("screeningCode") == "XZ-11");
        Assert.Contains(changed.Items("fields"), f => f.Str("field") == "事项名称" && f.Str("after") == "协助开展殡葬改革和文明祭扫宣传");

        using var anonymous = factory.Anonymous();
        var found = (await anonymous.GetAsync("/api/v1/catalogue/items?district=330602&q=高龄津贴")).Json.Items();
        Assert.Equal("XZ-01-07", Assert.Single(found).Str("screeningCode"));
    }

    [Fact]
    public async Task C_PublishedVersion_MidYearRetirement_IsRecordedAndBlocksNewDispatches()
    {
        using var keeper = await factory.LoginAsync("catalogue");
        var published = await VersionIdAsync(keeper, "Published");
        var retired = (await keeper.PostAsync($"/api/v1/catalogue/versions/{published}/items/XZ-08/retire", new { reason = "依据调整,改由区人武部直接办理" })).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("Retired", retired.Str("status"));
        (await keeper.PostAsync($"/api/v1/catalogue/versions/{published}/items", Item("XZ-98", "已发布版本不能直接新增"))).Expect(HttpStatusCode.Conflict);

        using var dispatcher = await factory.LoginAsync("dispatcher");
        var reply = (await dispatcher.PostAsync("/api/v1/dispatches", new
        {
            title = "兵役登记宣传", content = "请各村开展兵役登记宣传,结果在系统中填写。", screeningCode = "XZ-08",
            targets = new[] { "330602108200" }, dueDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)).ToString("yyyy-MM-dd"), justification = (string?)null,
        })).Expect(HttpStatusCode.UnprocessableEntity);
        var check = Assert.Single(reply.Json.Items("checks"), c => c.Str("rule") == "screening-code-retired");
        Assert.Contains("改由区人武部直接办理", check.Str("message"));
    }

    [Fact]
    public async Task D_AdmissionRequest_IsAdmittedOnlyWhenTheCriteriaHold()
    {
        using var dispatcher = await factory.LoginAsync("district-dispatcher");
        var request = (await dispatcher.PostAsync("/api/v1/catalogue/admission-requests", new
        {
            name = "协助开展困难群众冬季送温暖走访", kind = "Assistance", parentCode = "XZ-01", basisDocument = "《社会救助暂行办法》", basisArticle = "第四十八条",
            reason = "村(社区)熟悉困难群众情况,历年均协助走访。",
        })).Expect(HttpStatusCode.Created).Json;
        var id = request.Int("id");
        (await dispatcher.PostAsync($"/api/v1/catalogue/admission-requests/{id}/decision", new { decision = "admit", withinCapacity = true, customaryAssistance = true })).Expect(HttpStatusCode.Forbidden);

        using var keeper = await factory.LoginAsync("catalogue");
        var refused = (await keeper.PostAsync($"/api/v1/catalogue/admission-requests/{id}/decision", new { decision = "admit", requiredByLaw = true, withinCapacity = false })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("能力范围", refused.Json.Str("title"));
        var admitted = (await keeper.PostAsync($"/api/v1/catalogue/admission-requests/{id}/decision", new
        {
            decision = "admit", requiredByLaw = true, customaryAssistance = true, withinCapacity = true, reason = "符合准入标准",
        })).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("Admitted", admitted.Str("status"));
        Assert.StartsWith("XZ-01-", admitted.Str("screeningCode"));
        var item = (await keeper.GetAsync($"/api/v1/catalogue/items?district=330602&q={admitted.Str("screeningCode")}")).Json.Items().Single();
        Assert.Equal("协助开展困难群众冬季送温暖走访", item.Str("name"));

        var declined = (await dispatcher.PostAsync("/api/v1/catalogue/admission-requests", new
        {
            name = "村社代收电费", kind = "Assistance", basisDocument = "无", reason = "方便群众",
        })).Expect(HttpStatusCode.Created).Json.Int("id");
        (await keeper.PostAsync($"/api/v1/catalogue/admission-requests/{declined}/decision", new { decision = "decline", reason = "" })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("Declined", (await keeper.PostAsync($"/api/v1/catalogue/admission-requests/{declined}/decision", new { decision = "decline", reason = "无法定依据" }))
            .Expect(HttpStatusCode.OK).Json.Str("status"));
        var mine = (await dispatcher.GetAsync("/api/v1/catalogue/admission-requests")).Expect(HttpStatusCode.OK).Json.Items().ToList();
        Assert.Contains(mine, a => a.Int("id") == declined && a.Str("decisionReason") == "无法定依据");
    }

    [Fact]
    public async Task E_ExcelExportImport_RoundTrips_AndABadSheetImportsNothing()
    {
        using var keeper = await factory.LoginAsync("catalogue");
        var published = await VersionIdAsync(keeper, "Published");
        var xlsx = await keeper.GetBytesAsync($"/api/v1/catalogue/versions/{published}/export");
        var rows = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => (string?)r["过筛编码"] == "XZ-01-01" && (string?)r["事项名称"] == "办理老年优待证" && (string?)r["事项类型"] == "协助");

        var draftId = (await keeper.PostAsync("/api/v1/catalogue/versions", new { district = "330602", year = DateTime.UtcNow.Year + 5 })).Expect(HttpStatusCode.Created).Json.Int("id");
        var imported = (await keeper.PostFileAsync($"/api/v1/catalogue/versions/{draftId}/import", xlsx, "清单.xlsx")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(rows.Count, imported.Int("imported"));

        rows[3]["事项类型"] = "随便写";
        rows[5]["依据文件"] = "";
        using var broken = new MemoryStream();
        await broken.SaveAsAsync(rows);
        var rejected = (await keeper.PostFileAsync($"/api/v1/catalogue/versions/{draftId}/import", broken.ToArray(), "坏.xlsx")).Expect(HttpStatusCode.UnprocessableEntity).Json;
        var errors = rejected.Items("errors").ToList();
        Assert.Contains(errors, e => e.Int("row") == 5 && e.Str("column") == "事项类型");
        Assert.Contains(errors, e => e.Int("row") == 7 && e.Str("column") == "依据文件");
        var after = (await keeper.GetAsync("/api/v1/catalogue/versions?district=330602")).Json.Items().Single(v => v.Int("id") == draftId);
        Assert.Equal(rows.Count, after.Int("items"));

        (await keeper.PostFileAsync($"/api/v1/catalogue/versions/{draftId}/import", "not a workbook"u8.ToArray(), "x.xlsx")).Expect(HttpStatusCode.UnprocessableEntity);
    }
}

public sealed class CatalogueApiTests_Sqlite(SqliteFactory factory) : CatalogueApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class CatalogueApiTests_Postgres(PostgresFactory factory) : CatalogueApiTests(factory), IClassFixture<PostgresFactory>;
