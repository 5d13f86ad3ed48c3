using System.Net;
using System.Text;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Jianfu.Tests.Modules.Registry;

/// <summary>The registry's import, ledgers on demand, masking by role and the access log, on SQLite and PostgreSQL.</summary>
public abstract class RegistryApiTests(JianfuFactory factory)
{
    private const string Header = "姓名,公民身份号码,联系电话,户号,村社区代码,网格,地址,楼栋,单元,室,居住关系,居住起始日期,标签,校验说明";

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>A valid ID number nobody else in the run has: a Beijing address code, this birth date, a random sequence.</summary>
    private static string IdNumber(DateOnly birth, bool male = false)
    {
        var sequence = Random.Shared.Next(0, 500) * 2 + (male ? 1 : 0);
        var first17 = $"{110101 + Random.Shared.Next(0, 8)}{birth:yyyyMMdd}{sequence:000}";
        return first17 + CitizenId.CheckOf(first17);
    }

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows]) + "\n");

    private static string Row(
        string name, string id, string community = TestData.Village, string phone = "13812345678", string tags = "", string residence = "自住", string idOverride = "",
        string address = "富盛村测试路1号", string since = "2020-05-01") =>
        $"{name},{id},{phone},H1,{community},第9网格,{address},1,2,301,{residence},{since},{tags},{idOverride}";

    [Fact]
    public async Task AllOrNothing_RefusesTheFileWithRowNumbers_ValidRowsKeepsTheGoodOnes_AndReimportUpdates()
    {
        using var keeper = await factory.LoginAsync("datakeeper");
        var (a, b, c) = (IdNumber(new DateOnly(1950, 3, 4)), IdNumber(new DateOnly(1988, 7, 9), male: true), IdNumber(new DateOnly(2010, 1, 2)));
        var wrongCheck = a[..17] + (a[17] == '0' ? '1' : '0');
        var file = Csv(Row("导入甲", a), Row("导入乙", b), Row("导入丙", IdNumber(new DateOnly(1960, 1, 1)), community: "110105001001"), Row("导入丁", c, tags: "独居、不存在的标签"),
            Row("导入戊", "11010519490230002X"));
        var before = await factory.WithDbAsync(db => db.Residents.CountAsync());

        var refused = (await keeper.PostFileAsync("/api/v1/registry/residents/import", file, "居民.csv")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((0, 0), (refused.Int("imported"), refused.Int("updated")));
        Assert.False(refused["written"]!.GetValue<bool>());
        var errors = refused.Items("errors").ToList();
        Assert.Equal([4, 5, 6], errors.Select(e => e.Int("row")));
        Assert.Contains("不是本区的村(社区)", errors[0].Str("message"));
        Assert.Contains("不存在的标签", errors[1].Str("message"));
        Assert.Contains("不是真实的日期", errors[2].Str("message"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Residents.CountAsync()));

        var kept = (await keeper.PostFileAsync("/api/v1/registry/residents/import?mode=valid-rows", file, "居民.csv")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((2, 0, 3), (kept.Int("imported"), kept.Int("updated"), kept.Int("errorCount")));
        // The refused rows as a file: their own columns, the row number and the reason; imported again as it is, read as a residents file.
        var errorFile = await keeper.GetBytesAsync($"/api/v1/registry/imports/{kept.Long("importId")}/errors");
        using (var xlsx = new MemoryStream(errorFile))
        {
            var bad = xlsx.Query(useHeaderRow: true, sheetName: "错误行").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal([4.0, 5.0, 6.0], bad.Select(r => Convert.ToDouble(r["原行号"])));
            Assert.Equal(["导入丙", "导入丁", "导入戊"], bad.Select(r => (string?)r["姓名"]));
            Assert.Equal("独居、不存在的标签", bad[1]["标签"]);
            Assert.Contains("不是本区的村(社区)", (string?)bad[0]["错误原因"]);
        }

        var retried = (await keeper.PostFileAsync("/api/v1/registry/residents/import?preview=true", errorFile, "居民-错误行.xlsx")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal([2, 3, 4], retried.Items("errors").Select(e => e.Int("row")));
        var imports = (await keeper.GetAsync("/api/v1/registry/imports")).Expect(HttpStatusCode.OK).Json.Items().ToList();
        Assert.Contains(imports, i => i.Long("id") == kept.Long("importId") && i.Int("errorCount") == 3 && i.Str("errorFile") == $"/registry/imports/{kept.Long("importId")}/errors.xlsx");
        using (var township = await factory.LoginAsync("reviewer"))
        {
            (await township.GetAsync($"/api/v1/registry/imports/{kept.Long("importId")}/errors")).Expect(HttpStatusCode.Forbidden);
            (await township.GetAsync("/api/v1/registry/imports")).Expect(HttpStatusCode.Forbidden);
        }

        var stored = await factory.WithDbAsync(db => db.Residents.AsNoTracking().SingleAsync(r => r.IdNumber == b));
        Assert.Equal((Sex.Male, new DateOnly(1988, 7, 9), "富盛村测试路1号1幢2单元301室"), (stored.Sex, stored.BirthDate, stored.Address));

        // Again, with a new phone and a wrong check character the keeper vouches for: updated, not duplicated.
        var again = Csv(Row("导入甲", a, phone: "0575-85123456"), Row("导入乙", b), Row("导入己", wrongCheck), Row("导入己", wrongCheck, idOverride: "户籍系统原始号码已核实"));
        var reimported = (await keeper.PostFileAsync("/api/v1/registry/residents/import?mode=valid-rows", again, "居民.csv")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((1, 2), (reimported.Int("imported"), reimported.Int("updated")));
        Assert.Contains("校验位不符", reimported.Items("errors").Single().Str("message"));
        Assert.Equal("0575-85123456", await factory.WithDbAsync(db => db.Residents.Where(r => r.IdNumber == a).Select(r => r.Phone).SingleAsync()));
        Assert.Equal("户籍系统原始号码已核实", await factory.WithDbAsync(db => db.Residents.Where(r => r.IdNumber == wrongCheck).Select(r => r.IdOverride).SingleAsync()));
        Assert.Equal(before + 3, await factory.WithDbAsync(db => db.Residents.CountAsync()));

        using var secretary = await factory.LoginAsync("secretary");
        (await secretary.PostFileAsync("/api/v1/registry/residents/import", file, "居民.csv")).Expect(HttpStatusCode.Forbidden);
        (await keeper.PostFileAsync("/api/v1/registry/residents/import", Encoding.UTF8.GetBytes("名字,号码\n张三,1\n"), "居民.csv")).Expect(HttpStatusCode.BadRequest);
        (await keeper.PostFileAsync("/api/v1/registry/residents/import", [1, 2, 3], "居民.xlsx")).Expect(HttpStatusCode.BadRequest);
        (await keeper.PostFileAsync("/api/v1/registry/residents/import?mode=some", file, "居民.csv")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TheNinetyYearLedger_IsExact_MaskedByRole_Exported_AndEveryReadIsLogged()
    {
        using var keeper = await factory.LoginAsync("datakeeper");
        var soon = Today.AddDays(20).AddYears(-90);
        var (turning, turned, later) = (IdNumber(soon), IdNumber(Today.AddDays(-1).AddYears(-90)), IdNumber(Today.AddMonths(3).AddDays(1).AddYears(-90)));
        var name = TestData.Unique("九十");
        (await keeper.PostFileAsync("/api/v1/registry/residents/import", Csv(Row(name, turning), Row(name + "乙", turned), Row(name + "丙", later)), "高龄.csv"))
            .Expect(HttpStatusCode.OK);
        var ledger = (await keeper.PostAsync("/api/v1/ledgers", new
        {
            name = "未来三个月年满90周岁老人(测试)", scope = TestData.Village,
            conditions = new[] { new { field = "age", op = "turns-within-months", value = (object)new[] { 90, 3 } } },
            columns = new[] { "name", "idNumber", "phone", "age", "address" },
        })).Expect(HttpStatusCode.Created).Json.Int("id");

        using var secretary = await factory.LoginAsync("secretary");
        var run = (await secretary.GetAsync($"/api/v1/ledgers/{ledger}/run?scope={TestData.Village}")).Expect(HttpStatusCode.OK).Json;
        var rows = run.Items("rows").ToList();
        var mine = rows.Single(r => r.Str("name") == name);
        Assert.DoesNotContain(rows, r => r.Str("name") == name + "乙" || r.Str("name") == name + "丙");
        Assert.Equal(turning[..4] + "**********" + turning[14..], mine.Str("idNumber"));
        Assert.Equal("13812345678", mine.Str("phone"));
        Assert.Equal("89", mine.Str("age"));
        Assert.Equal("王书记(富盛村)", run.Str("generatedBy"));
        Assert.Equal(rows.Count, run.Int("count"));

        var full = (await keeper.GetAsync($"/api/v1/ledgers/{ledger}/run")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(turning, full.Items("rows").Single(r => r.Str("name") == name).Str("idNumber"));
        using (var reviewer = await factory.LoginAsync("reviewer"))
        {
            var township = (await reviewer.GetAsync($"/api/v1/ledgers/{ledger}/run")).Expect(HttpStatusCode.OK).Json;
            Assert.Equal("138****5678", township.Items("rows").Single(r => r.Str("name") == name).Str("phone"));
        }

        using var xlsx = new MemoryStream(await secretary.GetBytesAsync($"/api/v1/ledgers/{ledger}/export?scope={TestData.Village}"));
        var sheet = xlsx.Query(useHeaderRow: true, sheetName: "台账").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(sheet, r => (string?)r["姓名"] == name && ((string?)r["公民身份号码"])!.Contains("**********", StringComparison.Ordinal));
        xlsx.Position = 0;
        var about = xlsx.Query(useHeaderRow: true, sheetName: "说明").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("王书记(富盛村)", about.Single(r => (string?)r["项目"] == "生成人")["内容"]);

        // Another village, an unknown condition, a department: refused.
        (await secretary.GetAsync($"/api/v1/ledgers/{ledger}/run?scope={TestData.OtherVillage}")).Expect(HttpStatusCode.BadRequest);
        (await secretary.PostAsync("/api/v1/ledgers", new { name = "x", scope = TestData.Village, conditions = new[] { new { field = "salary", op = ">=", value = 1 } } }))
            .Expect(HttpStatusCode.BadRequest);
        (await secretary.PostAsync("/api/v1/ledgers", new { name = "x", scope = TestData.OtherVillage, conditions = new[] { new { field = "age", op = ">=", value = 80 } } }))
            .Expect(HttpStatusCode.Forbidden);
        using (var dispatcher = await factory.LoginAsync("dispatcher"))
        {
            (await dispatcher.GetAsync($"/api/v1/ledgers/{ledger}/run")).Expect(HttpStatusCode.Forbidden);
            (await dispatcher.GetAsync("/api/v1/ledgers")).Expect(HttpStatusCode.Forbidden);
        }

        using var privacy = await factory.LoginAsync("privacy");
        var log = (await privacy.GetAsync("/api/v1/registry/access-log")).Expect(HttpStatusCode.OK).Json.Items().ToList();
        Assert.Contains(log, e => e.Str("user") == "王书记(富盛村)" && e.Str("kind") == "导出台账" && e.Str("what").Contains("未来三个月年满90周岁老人(测试)", StringComparison.Ordinal) && e.Int("rows") == rows.Count);
        Assert.Contains(log, e => e.Str("user") == "王书记(富盛村)" && e.Str("kind") == "查看台账");
        Assert.Contains(log, e => e.Str("kind") == "导入数据");
        (await secretary.GetAsync("/api/v1/registry/access-log")).Expect(HttpStatusCode.Forbidden);
        (await privacy.GetAsync("/api/v1/registry/access-log?from=2026-13-01")).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ADistrictTemplate_RunsOnTheSecretarysVillage_AndATagIsMatched()
    {
        using var keeper = await factory.LoginAsync("datakeeper");
        var name = TestData.Unique("独居");
        (await keeper.PostFileAsync("/api/v1/registry/residents/import", Csv(Row(name, IdNumber(new DateOnly(1945, 5, 5)), tags: "独居、高龄"), Row(name + "乙", IdNumber(new DateOnly(1946, 6, 6)))), "独居.csv"))
            .Expect(HttpStatusCode.OK);
        var title = TestData.Unique("独居老人");
        (await keeper.PostAsync("/api/v1/ledgers", new
        {
            name = title, scope = TestData.DemoDistrict,
            conditions = new object[] { new { field = "tags", op = "has-tag", value = "独居" }, new { field = "age", op = ">=", value = 60 } },
        })).Expect(HttpStatusCode.Created);
        (await keeper.PostAsync("/api/v1/ledgers", new { name = "x", scope = TestData.DemoDistrict, conditions = new[] { new { field = "tags", op = "has-tag", value = "没有的标签" } } }))
            .Expect(HttpStatusCode.Created);
        using var secretary = await factory.LoginAsync("secretary");
        var ledgers = (await secretary.GetAsync("/api/v1/ledgers")).Expect(HttpStatusCode.OK).Json.Items().ToList();
        var alone = ledgers.Single(l => l.Str("name") == title);
        Assert.Equal(TestData.Village, alone.Str("runsOn"));
        var run = (await secretary.GetAsync($"/api/v1/ledgers/{alone.Int("id")}/run")).Expect(HttpStatusCode.OK).Json;
        Assert.Contains(run.Items("rows"), r => r.Str("name") == name);
        Assert.DoesNotContain(run.Items("rows"), r => r.Str("name") == name + "乙");
        Assert.Equal(TestData.Village, run.Str("scope"));
        var unknown = ledgers.Last(l => l.Str("name") == "x");
        Assert.Contains("没有的标签", (await secretary.GetAsync($"/api/v1/ledgers/{unknown.Int("id")}/run")).Expect(HttpStatusCode.BadRequest).Json.Str("detail"));
    }

    [Fact]
    public async Task AReimport_KeepsThePastResidence_WritesOnlyWhatChanged_AndSexAndResidenceAreConditions()
    {
        using var keeper = await factory.LoginAsync("datakeeper");
        var (renter, owner) = (IdNumber(new DateOnly(1980, 4, 4)), IdNumber(new DateOnly(1981, 5, 5), male: true));
        var name = TestData.Unique("租客");
        var (here, there) = (TestData.Unique("富盛村出租路") + "1号", TestData.Unique("富盛村新居路") + "8号");
        (await keeper.PostFileAsync("/api/v1/registry/residents/import", Csv(Row(name, renter, residence: "租住", address: here), Row(name + "乙", owner, address: here)), "出租.csv"))
            .Expect(HttpStatusCode.OK);

        async Task<List<string>> NamesAsync(string field, string value)
        {
            var ledger = (await keeper.PostAsync("/api/v1/ledgers", new { name = TestData.Unique("条件"), scope = TestData.Village, conditions = new[] { new { field, op = "=", value } } }))
                .Expect(HttpStatusCode.Created).Json.Int("id");
            return (await keeper.GetAsync($"/api/v1/ledgers/{ledger}/run")).Expect(HttpStatusCode.OK).Json.Items("rows").Select(r => r.Str("name")).ToList();
        }

        Assert.Contains(name, await NamesAsync("residence", "租住"));
        Assert.DoesNotContain(name + "乙", await NamesAsync("residence", "租住"));
        Assert.Contains(name + "乙", await NamesAsync("sex", "男"));
        Assert.DoesNotContain(name, await NamesAsync("sex", "男"));

        var ownerBefore = await factory.WithDbAsync(db => db.Residents.AsNoTracking().SingleAsync(r => r.IdNumber == owner));
        // The renter bought a flat and moved on 1 March; the owner's row is the same as before.
        var again = (await keeper.PostFileAsync("/api/v1/registry/residents/import",
            Csv(Row(name, renter, residence: "自住", address: there, since: "2026-03-01"), Row(name + "乙", owner, address: here)), "出租.csv")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((0, 2), (again.Int("imported"), again.Int("updated")));

        var moved = await factory.WithDbAsync(db => db.Residents.AsNoTracking().SingleAsync(r => r.IdNumber == renter));
        Assert.Equal((Residence.Own, new DateOnly(2026, 3, 1)), (moved.Residence, moved.ResidenceFrom));
        Assert.StartsWith(there, moved.Address);
        var past = await factory.WithDbAsync(db => db.PastResidences.AsNoTracking().Where(p => p.ResidentId == moved.Id).ToListAsync());
        var left = Assert.Single(past);
        Assert.Equal((Residence.Rent, new DateOnly(2020, 5, 1), new DateOnly(2026, 3, 1)), (left.Residence, left.From, left.To));
        Assert.StartsWith(here, left.Address);
        Assert.NotEqual(moved.HouseId, left.HouseId);

        var ownerAfter = await factory.WithDbAsync(db => db.Residents.AsNoTracking().SingleAsync(r => r.IdNumber == owner));
        Assert.Equal(ownerBefore.UpdatedAt, ownerAfter.UpdatedAt);
        Assert.Equal(ownerBefore.HouseId, ownerAfter.HouseId);
        Assert.Empty(await factory.WithDbAsync(db => db.PastResidences.Where(p => p.ResidentId == ownerAfter.Id).ToListAsync()));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Houses.CountAsync(h => h.Address == here)));

        // The keeper looks the resident up: where they live now, and where they lived before.
        var found = (await keeper.GetAsync($"/api/v1/registry/residents?idNumber={renter}")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal(("自住", "2026-03-01", renter), (found.Str("residence"), found.Str("residenceFrom"), found.Str("idNumber")));
        var before = Assert.Single(found.Items("pastResidences"));
        Assert.Equal(("租住", "2020-05-01", "2026-03-01"), (before.Str("residence"), before.Str("from"), before.Str("to")));
        using var secretary = await factory.LoginAsync("secretary");
        Assert.Equal(renter[..4] + "**********" + renter[14..], (await secretary.GetAsync($"/api/v1/registry/residents?idNumber={renter}")).Expect(HttpStatusCode.OK).Json.Str("idNumber"));
        using var other = await factory.LoginAsync(await factory.CreateUserAsync(Jianfu.Modules.Organisation.Contracts.Role.Secretary, TestData.OtherVillage));
        (await other.GetAsync($"/api/v1/registry/residents?idNumber={renter}")).Expect(HttpStatusCode.NotFound);
        using var privacy = await factory.LoginAsync("privacy");
        Assert.Contains((await privacy.GetAsync("/api/v1/registry/access-log")).Expect(HttpStatusCode.OK).Json.Items(),
            e => e.Str("what") == $"查询居民:{renter[..4]}**********{renter[14..]}" && e.Str("scopeName") == "富盛村委会");
    }

    [Fact]
    public async Task ASecondImportOfTheDistrict_WhileOneIsWriting_IsToldToWait_AndTheFirstCompletes()
    {
        var id = IdNumber(new DateOnly(1970, 7, 7));
        var name = TestData.Unique("并发");
        var gate = new ManualResetEventSlim();
        var header = Encoding.UTF8.GetBytes(Header + "\n");
        // The file's first read returns the header; the rows wait until the gate opens, with the import holding the district.
        var slow = new GatedStream(header, Encoding.UTF8.GetBytes(Row(name, id) + "\n"), gate);
        var first = Task.Run(() => factory.WithServiceAsync<Jianfu.Modules.Registry.ImportResidents.Handler, Jianfu.Platform.Errors.Result<Jianfu.Modules.Registry.ImportResidents.Response>>(async import =>
        {
            var district = await factory.WithServiceAsync<Jianfu.Modules.Organisation.Contracts.IOrganisationDirectory, Jianfu.Modules.Organisation.Contracts.UnitInfo?>(d => d.FindUnitAsync(TestData.DemoDistrict, default));
            return await import.ImportAsync(slow, csv: true, district!, "all-or-nothing", preview: false, "测试", "test", "慢.csv", default);
        }));
        Assert.True(slow.Waiting.Wait(TimeSpan.FromSeconds(30)), "the first import did not start reading its rows");

        using var keeper = await factory.LoginAsync("datakeeper");
        var refused = (await keeper.PostFileAsync("/api/v1/registry/residents/import", Csv(Row(name + "乙", IdNumber(new DateOnly(1971, 1, 1)))), "快.csv")).Expect(HttpStatusCode.Conflict).Json;
        Assert.Contains("正在导入", refused.Str("detail"));
        gate.Set();
        var done = await first;
        Assert.True(done.IsSuccess);
        Assert.Equal(1, done.Value.Imported);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Residents.CountAsync(r => r.IdNumber == id)));

        // Released: the next import runs.
        (await keeper.PostFileAsync("/api/v1/registry/residents/import", Csv(Row(name + "乙", IdNumber(new DateOnly(1971, 1, 1)))), "快.csv")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheSecretaryNamesAGridWorker_TheLedgerShowsThem_AndAStaleChangeIsRefused()
    {
        using var keeper = await factory.LoginAsync("datakeeper");
        var name = TestData.Unique("网格");
        (await keeper.PostFileAsync("/api/v1/registry/residents/import", Csv(Row(name, IdNumber(new DateOnly(1940, 2, 2)))), "网格.csv")).Expect(HttpStatusCode.OK);
        using var secretary = await factory.LoginAsync("secretary");
        var grids = (await secretary.GetAsync("/api/v1/registry/grids?community=" + TestData.Village)).Expect(HttpStatusCode.OK).Json;
        Assert.True(grids["mayAssign"]!.GetValue<bool>());
        var grid = grids.Items("grids").Single(g => g.Str("name") == "第9网格");
        Assert.True(grid.Int("residents") >= 1);

        var worker = TestData.Unique("周网格员");
        var set = (await secretary.PutAsync($"/api/v1/registry/grids/{grid.Int("id")}/worker", new { workerName = worker, workerPhone = "139 0575 0000", version = grid.Int("version") }))
            .Expect(HttpStatusCode.OK).Json;
        Assert.Equal(("13905750000", "王书记(富盛村)"), (set.Str("workerPhone"), set.Str("workerSetBy")));
        // The same form sent again, with the version it was read at: someone has changed it since.
        (await secretary.PutAsync($"/api/v1/registry/grids/{grid.Int("id")}/worker", new { workerName = "别人", workerPhone = "", version = grid.Int("version") }))
            .Expect(HttpStatusCode.Conflict);
        (await secretary.PutAsync($"/api/v1/registry/grids/{grid.Int("id")}/worker", new { workerName = "某", workerPhone = "12ab", version = set.Int("version") }))
            .Expect(HttpStatusCode.BadRequest);

        var ledger = (await keeper.PostAsync("/api/v1/ledgers", new
        {
            name = TestData.Unique("走访"), scope = TestData.Village, conditions = new[] { new { field = "name", op = "=", value = name } }, columns = new[] { "name", "grid", "gridWorker" },
        })).Expect(HttpStatusCode.Created).Json.Int("id");
        var row = (await secretary.GetAsync($"/api/v1/ledgers/{ledger}/run")).Expect(HttpStatusCode.OK).Json.Items("rows").Single();
        Assert.Equal($"{worker}(13905750000)", row.Str("gridWorker"));

        using var reviewer = await factory.LoginAsync("reviewer");
        var seen = (await reviewer.GetAsync("/api/v1/registry/grids?community=" + TestData.Village)).Expect(HttpStatusCode.OK).Json;
        Assert.False(seen["mayAssign"]!.GetValue<bool>());
        Assert.Equal("139****0000", seen.Items("grids").Single(g => g.Int("id") == grid.Int("id")).Str("workerPhone"));
        (await reviewer.PutAsync($"/api/v1/registry/grids/{grid.Int("id")}/worker", new { workerName = "x", workerPhone = "", version = set.Int("version") })).Expect(HttpStatusCode.Forbidden);
        (await secretary.GetAsync("/api/v1/registry/grids?community=" + TestData.OtherVillage)).Expect(HttpStatusCode.Forbidden);
    }

    /// <summary>A valid unified social credit code nobody else in the run has (92: an individual business; 91: an enterprise).</summary>
    private static string CreditCodeOf(string kind)
    {
        var first17 = kind + "330602" + string.Concat(Enumerable.Range(0, 9).Select(_ => CreditCode.Alphabet[Random.Shared.Next(CreditCode.Alphabet.Length)]));
        return first17 + CreditCode.CheckOf(first17);
    }

    [Fact]
    public async Task ShopsAndEnterprises_AreImportedByCode_UpdatedOnReimport_AndTheStreetShopLedgerListsThem()
    {
        using var keeper = await factory.LoginAsync("datakeeper");
        var (licence, other) = (CreditCodeOf("92"), CreditCodeOf("92"));
        var wrongCheck = other[..17] + (other[17] == '0' ? '1' : '0');
        var shop = TestData.Unique("记小吃店");
        string Shops(string phone) => string.Join("\n",
            "店名,经营者,营业执照号码,村社区代码,网格,地址,是否沿街,联系电话",
            $"{shop},张三,{licence},{TestData.Village},第2网格,富盛村解放路3号,是,{phone}",
            $"{shop}(里弄),李四,,{TestData.Village},第2网格,富盛村后弄5号,否,13900001111",
            $"{shop}(校验),王五,{wrongCheck},{TestData.Village},,富盛村解放路9号,是,",
            $"{shop}(沿街?),赵六,,{TestData.Village},,富盛村解放路11号,也许,") + "\n";

        var first = (await keeper.PostFileAsync("/api/v1/registry/shops/import?mode=valid-rows", Encoding.UTF8.GetBytes(Shops("13912345678")), "商铺.csv")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((2, 0, 2), (first.Int("imported"), first.Int("updated"), first.Int("errorCount")));
        Assert.Equal([4, 5], first.Items("errors").Select(e => e.Int("row")));
        Assert.Contains("校验位不符", first.Items("errors").First().Str("message"));
        Assert.Contains("应为“是”或“否”", first.Items("errors").Last().Str("message"));
        var again = (await keeper.PostFileAsync("/api/v1/registry/shops/import?mode=valid-rows", Encoding.UTF8.GetBytes(Shops("13987654321")), "商铺.csv")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((0, 2), (again.Int("imported"), again.Int("updated")));
        Assert.Equal(2, await factory.WithDbAsync(db => db.Shops.CountAsync(s => s.Name.StartsWith(shop))));

        var company = TestData.Unique("绍兴测试纺织有限公司");
        var enterprises = Encoding.UTF8.GetBytes(string.Join("\n", "企业名称,统一社会信用代码,村社区代码,地址,联系人,联系电话",
            $"{company},{CreditCodeOf("91")},{TestData.Village},富盛村工业区1号,陈经理,0575-85120000", $"{company}乙,91330602MA2BCDEO1X,{TestData.Village},富盛村工业区2号,,") + "\n");
        var companies = (await keeper.PostFileAsync("/api/v1/registry/enterprises/import?mode=valid-rows", enterprises, "企业.csv")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal((1, 1), (companies.Int("imported"), companies.Int("errorCount")));
        Assert.Contains("不能有“O”", companies.Items("errors").Single().Str("message"));

        var ledger = (await keeper.PostAsync("/api/v1/ledgers", new
        {
            name = TestData.Unique("沿街商铺"), scope = TestData.Village, subject = "shops",
            conditions = new[] { new { field = "streetFacing", op = "=", value = "是" } }, columns = new[] { "name", "operator", "licenceCode", "phone", "grid" },
        })).Expect(HttpStatusCode.Created).Json.Int("id");
        using var secretary = await factory.LoginAsync("secretary");
        var run = (await secretary.GetAsync($"/api/v1/ledgers/{ledger}/run")).Expect(HttpStatusCode.OK).Json;
        var front = run.Items("rows").Single(r => r.Str("name") == shop);
        Assert.Equal((licence, "13987654321", "第2网格", "张三"), (front.Str("licenceCode"), front.Str("phone"), front.Str("grid"), front.Str("operator")));
        Assert.DoesNotContain(run.Items("rows"), r => r.Str("name") == shop + "(里弄)");
        Assert.Equal("店名", run.Items("columns").First().Str("name"));
        using (var reviewer = await factory.LoginAsync("reviewer"))
        {
            var township = (await reviewer.GetAsync($"/api/v1/ledgers/{ledger}/run")).Expect(HttpStatusCode.OK).Json;
            Assert.Equal("139****4321", township.Items("rows").Single(r => r.Str("name") == shop).Str("phone"));
        }

        Assert.Contains("streetFacing", (await keeper.PostAsync("/api/v1/ledgers", new
        {
            name = "x", scope = TestData.Village, subject = "shops", conditions = new[] { new { field = "age", op = ">=", value = 80 } },
        })).Expect(HttpStatusCode.BadRequest).Json.Str("detail"));
        (await keeper.PostAsync("/api/v1/ledgers", new { name = "x", scope = TestData.Village, subject = "houses", conditions = new[] { new { field = "name", op = "=", value = "x" } } }))
            .Expect(HttpStatusCode.BadRequest);
        (await secretary.PostFileAsync("/api/v1/registry/shops/import", Encoding.UTF8.GetBytes(Shops("13912345678")), "商铺.csv")).Expect(HttpStatusCode.Forbidden);
    }

    /// <summary>A file whose first read is its header and whose rows come only once the gate opens.</summary>
    private sealed class GatedStream(byte[] header, byte[] rest, ManualResetEventSlim gate) : Stream
    {
        private int _reads;
        private readonly MemoryStream _rest = new(rest);

        public ManualResetEventSlim Waiting { get; } = new();

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_reads++ == 0)
            {
                header.CopyTo(buffer, offset);
                return header.Length;
            }

            Waiting.Set();
            gate.Wait(TimeSpan.FromSeconds(60));
            return _rest.Read(buffer, offset, count);
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

public sealed class RegistryApiTests_Sqlite(SqliteFactory factory) : RegistryApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class RegistryApiTests_Postgres(PostgresFactory factory) : RegistryApiTests(factory), IClassFixture<PostgresFactory>;
