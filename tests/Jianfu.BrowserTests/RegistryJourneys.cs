namespace Jianfu.BrowserTests;

/// <summary>The registry in the browser: a village secretary has the 90-year list on a phone in two taps, and exports it.</summary>
public sealed partial class Journeys
{
    [Fact]
    public async Task O_AVillageSecretary_RunsTheNinetyYearLedger_OnAPhone_AndExportsIt()
    {
        var name = "沈" + Guid.NewGuid().ToString("N")[..3];
        var ledger = $"未来三个月年满90周岁(浏览器测试{Guid.NewGuid():N})"[..24];
        await new Arrange(app.BaseUrl).NinetyYearLedgerAsync(name, ledger);

        var phone = await LoginAsync("secretary", phone: true);
        await phone.GetByRole(AriaRole.Link, new() { Name = "台账", Exact = true }).ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = ledger }).ClickAsync();
        await Assertions.Expect(phone.Locator("h1")).ToHaveTextAsync(ledger);
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("王书记(富盛村)");
        var row = phone.Locator("table.ledger tr").Filter(new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("1101**********");
        await Assertions.Expect(row).ToContainTextAsync("13905759876");
        await Assertions.Expect(row).ToContainTextAsync("富盛村解放路8幢1单元101室");
        await ShotAsync(phone, "o-ninety-year-ledger-phone");

        var download = await phone.RunAndWaitForDownloadAsync(() => phone.GetByRole(AriaRole.Link, new() { Name = "导出 Excel" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.True(new FileInfo(path!).Length > 1000);
    }

    [Fact]
    public async Task P_ADepartmentAsksTheSystemNotTheVillage_AndGetsTheDataOnceApproved()
    {
        var name = "独" + Guid.NewGuid().ToString("N")[..3];
        var purpose = $"冬季独居老人走访慰问({Guid.NewGuid():N})"[..20];
        await new Arrange(app.BaseUrl).ResidentAsync(name, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddYears(-84), "独居");

        var department = await LoginAsync("district-dispatcher");
        await department.GetByRole(AriaRole.Link, new() { Name = "数据申请" }).First.ClickAsync();
        await department.GetByRole(AriaRole.Link, new() { Name = "新的数据申请" }).ClickAsync();
        await department.GetByLabel("用途").FillAsync(purpose);
        await department.GetByLabel("依据(法律法规或文件)").FillAsync("《浙江省老年人权益保障条例》第二十条");
        await department.GetByLabel("范围(单位代码,不填为本部门所在区或镇街)").FillAsync("330602108200");
        await department.GetByLabel("条件1的字段").SelectOptionAsync("tags");
        await department.GetByLabel("条件1的运算").SelectOptionAsync("has-tag");
        await department.GetByLabel("条件1的值").FillAsync("独居");
        await department.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Assertions.Expect(department.Locator("h1")).ToContainTextAsync("待审批");

        var keeper = await LoginAsync("datakeeper");
        await keeper.GetByRole(AriaRole.Link, new() { Name = "台账", Exact = true }).ClickAsync();
        await keeper.GetByRole(AriaRole.Link, new() { Name = "数据申请" }).ClickAsync();
        await keeper.GetByRole(AriaRole.Link).Filter(new() { HasText = purpose }).ClickAsync();
        await keeper.GetByLabel("联系电话").UncheckAsync();
        await ShotAsync(keeper, "p-keeper-approves-fewer-fields");
        await keeper.GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true }).ClickAsync();
        await Assertions.Expect(keeper.Locator("h1")).ToContainTextAsync("已批准");

        await department.ReloadAsync();
        await department.GetByRole(AriaRole.Button, new() { Name = "查看数据" }).ClickAsync();
        var row = department.Locator("table.ledger tr").Filter(new() { HasText = name });
        await Assertions.Expect(row).ToContainTextAsync("84");
        await Assertions.Expect(department.Locator("table.ledger")).Not.ToContainTextAsync("13905759876");
        await Assertions.Expect(department.Locator("main")).ToContainTextAsync("村(社区)无需填报");
        await ShotAsync(department, "p-department-gets-the-data");

        // The village was asked nothing: no task in its inbox.
        var secretary = await LoginAsync("secretary", phone: true);
        await Assertions.Expect(secretary.Locator("main")).Not.ToContainTextAsync(purpose);
    }

    [Fact]
    public async Task Q_TheKeeperImports_GetsTheBadRowsBackAsAFile_AndTheSecretaryNamesAGridWorker()
    {
        var name = "葛" + Guid.NewGuid().ToString("N")[..3];
        var first17 = $"110102{new DateOnly(1952, 3, 8):yyyyMMdd}{Random.Shared.Next(0, 500) * 2 + 1:000}";
        var file = Path.Combine(Path.GetTempPath(), $"residents-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "姓名,公民身份号码,联系电话,村社区代码,网格,地址\n"
            + $"{name},{first17}{Arrange.Check(first17)},13905751111,330602108200,第7网格,富盛村大桥路1号\n"
            + $"{name}乙,{first17}X,13905752222,330602108200,第7网格,富盛村大桥路2号\n");

        var keeper = await LoginAsync("datakeeper");
        await keeper.GetByRole(AriaRole.Link, new() { Name = "台账", Exact = true }).ClickAsync();
        await keeper.GetByRole(AriaRole.Link, new() { Name = "导入人房企铺数据" }).ClickAsync();
        await keeper.GetByLabel("文件").SetInputFilesAsync(file);
        await keeper.GetByLabel("只导入正确的行,列出错误的行").CheckAsync();
        await keeper.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
        await Assertions.Expect(keeper.GetByRole(AriaRole.Status)).ToContainTextAsync("已导入:可新增 1 条,更新 0 条,1 行有误");
        await Assertions.Expect(keeper.Locator("table.list").First).ToContainTextAsync("第 3 行");
        await ShotAsync(keeper, "q-import-with-a-bad-row");
        var download = await keeper.RunAndWaitForDownloadAsync(() => keeper.GetByRole(AriaRole.Link, new() { Name = "下载错误行" }).ClickAsync());
        Assert.EndsWith("错误行.xlsx", download.SuggestedFilename);
        Assert.True(new FileInfo((await download.PathAsync())!).Length > 1000);
        File.Delete(file);

        var phone = await LoginAsync("secretary", phone: true);
        await phone.GotoAsync(app.BaseUrl + "/registry");
        await phone.GetByRole(AriaRole.Link, new() { Name = "网格与网格员" }).ClickAsync();
        var grid = phone.Locator("[data-grids] li").Filter(new() { HasText = "第7网格" });
        await grid.GetByLabel("姓名").FillAsync("钱网格员");
        await grid.GetByLabel("电话").FillAsync("13905753333");
        await grid.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Status)).ToContainTextAsync("已保存第7网格的网格员");
        await Assertions.Expect(phone.Locator("[data-grids] li").Filter(new() { HasText = "第7网格" })).ToContainTextAsync("钱网格员(13905753333)");
        await ShotAsync(phone, "q-secretary-names-a-grid-worker-phone");
    }
}
