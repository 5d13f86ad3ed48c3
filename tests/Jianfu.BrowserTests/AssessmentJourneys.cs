using System.Text.RegularExpressions;

namespace Jianfu.BrowserTests;

/// <summary>Assessment in the browser: the office publishes a 百分考 set, a resident rates a community, a township reads its board.</summary>
public sealed partial class Journeys
{
    private static async Task AddIndicatorAsync(IPage page, string name, string points, string evaluator, string source, string? metric = null)
    {
        await page.GetByLabel("指标名称").FillAsync(name);
        await page.GetByLabel("分值").FillAsync(points);
        await page.GetByLabel("评价单位(只能选一个)").SelectOptionAsync(new SelectOptionValue { Label = evaluator });
        await page.GetByLabel("评分来源").SelectOptionAsync(new SelectOptionValue { Value = source });
        await page.GetByLabel("系统计算的口径(仅系统计算的指标)").SelectOptionAsync(new SelectOptionValue { Value = metric ?? "" });
        await page.GetByRole(AriaRole.Button, new() { Name = "添加", Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task K_TheAssessmentOffice_IsRefusedA99PointSet_AndPublishesItAt100()
    {
        var page = await LoginAsync("assessor");
        await page.GotoAsync("/assessment");
        await page.GetByText("新建考核指标体系").ClickAsync();
        await page.GetByLabel("年度", new() { Exact = true }).FillAsync((2040 + Random.Shared.Next(0, 50)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("考核对象").SelectOptionAsync(new SelectOptionValue { Label = "镇(街道)" });
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync($"镇街百分考(浏览器测试{Guid.NewGuid():N})"[..20]);
        await page.GetByRole(AriaRole.Button, new() { Name = "新建" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/assessment/sets/\\d+$"));

        // A paperwork indicator is refused, saying why.
        await AddIndicatorAsync(page, "党建工作台账规范化", "10", "区委组织部", "evaluator");
        await Assertions.Expect(page.Locator("#refused .check.block")).ToContainTextAsync("台账材料不作为考核依据");
        await Assertions.Expect(page.Locator("table.indicators td").Filter(new() { HasText = "党建工作台账规范化" })).ToHaveCountAsync(0);

        await AddIndicatorAsync(page, "基层党组织建设质量", "30", "区委组织部", "evaluator");
        await AddIndicatorAsync(page, "交办村社任务按时完成率", "40", "区委社会工作部", "system", "tasks-on-time");
        await AddIndicatorAsync(page, "社会救助兜底保障", "29", "区民政局", "evaluator");
        await Assertions.Expect(page.Locator(".tile").Nth(1)).ToContainTextAsync("99");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布指标体系" }).ClickAsync();
        await Assertions.Expect(page.Locator("#refused .check.block")).ToContainTextAsync("分值合计须为100分,现为99分");
        await Assertions.Expect(page.Locator("h1 .badge")).ToHaveTextAsync("草稿");
        await ShotAsync(page, "k-99-points-refused");

        await AddIndicatorAsync(page, "12345工单按时办结率", "1", "区委社会工作部", "system", "hotline-in-time");
        await Assertions.Expect(page.Locator(".ok-box")).ToContainTextAsync("分值合计100分");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布指标体系" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1 .badge")).ToHaveTextAsync("已发布");
        await Assertions.Expect(page.Locator(".history")).ToContainTextAsync("发布考核指标体系");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "发布指标体系" })).ToHaveCountAsync(0);
        await ShotAsync(page, "k-published-at-100");
    }

    [Fact]
    public async Task L_AResident_RatesTheCommunityOnAPhone_WithoutLoggingIn_OnceAMonth()
    {
        var url = await new Arrange(app.BaseUrl).RatingUrlAsync("330602108232");
        var phone = await app.NewPageAsync(phone: true);
        await phone.GotoAsync(url);
        await Assertions.Expect(phone.Locator("h1")).ToContainTextAsync("青马村委会");
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("同一部手机每月只计一次");
        var questions = phone.Locator("fieldset.stars");
        var count = await questions.CountAsync();
        Assert.InRange(count, 3, 5);
        for (var k = 0; k < count; k++)
        {
            await questions.Nth(k).GetByLabel(k == 0 ? "4" : "5", new() { Exact = true }).CheckAsync();
        }

        await phone.GetByLabel("意见建议(可不填,不超过300字)").FillAsync("村里办事很快,希望路灯再多装几盏。");
        await ShotAsync(phone, "l-resident-rates-phone");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".ok-box")).ToContainTextAsync("感谢您的评价!评价计入本村(社区)本月的群众满意度");
        await ShotAsync(phone, "l-rating-thanks-phone");

        // The same phone again this month: received, and told it counts once.
        await phone.GotoAsync(url);
        for (var k = 0; k < count; k++)
        {
            await questions.Nth(k).GetByLabel("1", new() { Exact = true }).CheckAsync();
        }

        await phone.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".ok-box")).ToContainTextAsync("每部手机每月只计一次");
    }

    [Fact]
    public async Task M_TheTownship_SeesItsCommunitiesBoard_AndEachScoreExplained()
    {
        var title = $"村社考核(浏览器测试{Guid.NewGuid():N})"[..18];
        var arrange = new Arrange(app.BaseUrl);
        await arrange.ConfirmedTaskAsync("入户排查燃气隐患(考核浏览器测试)", "请入户排查燃气隐患,结果在系统中填写,不另报材料。", "XZ-13", "排查42户,整改3户。");
        await arrange.CommunitySetAsync(title, "全年无越级上访,纠纷化解及时");

        var page = await LoginAsync("reviewer", phone: true, lands: "/review");
        await page.GetByRole(AriaRole.Link, new() { Name = "考核", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "排行榜" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("兴村治社榜");
        var village = page.Locator(".board li").Filter(new() { HasText = "富盛村委会" });
        await Assertions.Expect(village.Locator(".parts")).ToContainTextAsync("任务按时完成率");
        // Only 富盛镇's communities: the township's scope.
        await Assertions.Expect(page.Locator(".board")).Not.ToContainTextAsync("花园社区");
        await ShotAsync(page, "m-township-board-phone");

        await village.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("富盛村委会");
        var line = page.Locator("tr").Filter(new() { HasText = "平安建设和矛盾纠纷化解" });
        await Assertions.Expect(line).ToContainTextAsync("27");
        await Assertions.Expect(line).ToContainTextAsync("全年无越级上访,纠纷化解及时");
        await Assertions.Expect(page.Locator("tr").Filter(new() { HasText = "交办任务按时完成率" })).ToContainTextAsync("按时完成");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("街镇评价");
        await ShotAsync(page, "m-score-explained-phone");
    }

    [Fact]
    public async Task N_AVillageSecretary_ReportsAnUnplannedInspection_FromItsRecord_AndTheOfficeSeesItLinked()
    {
        var findings = $"自建房安全抽查(浏览器测试{Guid.NewGuid():N})"[..20];
        await new Arrange(app.BaseUrl).UnplannedVisitAsync(findings);

        var phone = await LoginAsync("secretary", phone: true);
        await phone.GetByRole(AriaRole.Link, new() { Name = "考核", Exact = true }).ClickAsync();
        await phone.GetByRole(AriaRole.Link, new() { Name = "督查检查记录" }).ClickAsync();
        var visit = phone.Locator(".cards li").Filter(new() { HasText = findings });
        await Assertions.Expect(visit).ToContainTextAsync("计划外");
        await Assertions.Expect(visit).ToContainTextAsync("区住建局检查组");
        await ShotAsync(phone, "n-village-visits-phone");
        await visit.GetByRole(AriaRole.Link, new() { Name = "反映此次检查" }).ClickAsync();
        await Assertions.Expect(phone.Locator(".warn-box")).ToContainTextAsync("关联检查");
        await Assertions.Expect(phone.GetByLabel("多头考核或督查检查过多")).ToBeCheckedAsync();
        await phone.GetByLabel("问题描述(不超过2000字)").FillAsync("同一周内住建、应急两个部门先后来检查自建房安全,内容重复。");
        await ShotAsync(phone, "n-report-visit-phone");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("回执号");

        var office = await LoginAsync("catalogue");
        await office.GetByRole(AriaRole.Link, new() { Name = "考核", Exact = true }).ClickAsync();
        await office.GetByRole(AriaRole.Link, new() { Name = "督查检查记录" }).ClickAsync();
        var seen = office.Locator(".cards li").Filter(new() { HasText = findings });
        await Assertions.Expect(seen).ToContainTextAsync("被反映 1 次");
        await ShotAsync(office, "n-office-sees-reported-visit");
    }
}
