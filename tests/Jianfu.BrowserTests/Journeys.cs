using System.Text.RegularExpressions;

namespace Jianfu.BrowserTests;

/// <summary>What people do in the browser, as they do it: type, click, read the screen. A screenshot is kept of each.</summary>
[Collection("browser")]
public sealed partial class Journeys(BrowserFixture app)
{
    private static string Due => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(14).ToString("yyyy-MM-dd");

    /// <summary>Signs in and waits for the page the user lands on: their own work (the inbox, the review queue …) or the home page.</summary>
    private async Task<IPage> LoginAsync(string userName, bool phone = false, string lands = "(/|/inbox|/review|/dispatches|/reports)")
    {
        var page = await app.NewPageAsync(phone);
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync("Demo-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        // A web-first assertion polls the address; WaitForURL also waits for a "load" event that Chromium sometimes
        // does not report after the sign-in's POST → 302 → GET, and then timed out on a page already there.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"^[^?]*{lands}$"));
        await Assertions.Expect(page.Locator("header .who")).ToContainTextAsync("退出");
        return page;
    }

    /// <summary>The number the page shows beside a kind of work (home page and inbox), e.g. “待签收的任务 3”.</summary>
    private static async Task<int> WorkCountAsync(IPage page, string label)
    {
        var text = await page.Locator(".counts span, .work-list a").Filter(new() { HasText = label }).First.InnerTextAsync();
        return int.Parse(Regex.Match(text, @"\d+").Value);
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDir, name + ".png"), FullPage = true });

    private static async Task FillDispatchAsync(IPage page, string title, string? code, string village)
    {
        await page.GotoAsync("/dispatches/new");
        await page.GetByLabel("任务标题").FillAsync(title);
        if (code is not null)
        {
            await page.GetByLabel("过筛编码", new() { Exact = true }).FillAsync(code);
        }

        await page.GetByLabel("任务内容和具体要求").FillAsync($"{title}:请结合网格走访入户开展,办理结果在系统中填写,不另报材料。");
        await page.GetByLabel("完成时限").FillAsync(Due);
        await page.GetByLabel(village, new() { Exact = true }).CheckAsync();
    }

    [Fact]
    public async Task A_DispatchWithoutScreeningCode_IsBlockedWithTheChineseReason()
    {
        var page = await LoginAsync("dispatcher");
        await FillDispatchAsync(page, "统计各村文明创建材料", null, "富盛村委会");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();

        await Assertions.Expect(page.Locator(".error")).ToContainTextAsync("未通过准入检查");
        var block = page.Locator(".check.block");
        await Assertions.Expect(block).ToContainTextAsync("没有过筛编码,属于清单外事项,不能下派");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/dispatches/new$"));
        await Assertions.Expect(page.GetByLabel("任务标题")).ToHaveValueAsync("统计各村文明创建材料");
        // The nearest list item is on the negative list: it is named as work that may not be sent down, never offered to pick.
        await Assertions.Expect(page.Locator(".excluded-warning").First).ToContainTextAsync("不得下派");
        var excluded = await page.Locator(".excluded-warning").First.GetAttributeAsync("data-code");
        await Assertions.Expect(page.Locator($"button.suggestion[data-code='{excluded}']")).ToHaveCountAsync(0);
        await ShotAsync(page, "a-blocked-without-code");
    }

    [Fact]
    public async Task B_InListDispatch_GoesThroughReviewToTheVillageAndBack_WithFullHistory()
    {
        var title = "入户开展燃气安全宣传(浏览器测试)";
        var dispatcher = await LoginAsync("dispatcher");
        await FillDispatchAsync(dispatcher, title, "XZ-13", "富盛村委会");
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "检查" }).ClickAsync();
        await Assertions.Expect(dispatcher.Locator(".check.ok")).ToContainTextAsync("自动检查全部通过");
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(dispatcher.Locator(".ok-box")).ToContainTextAsync("已提交审核");
        var dispatchUrl = dispatcher.Url;

        var reviewer = await LoginAsync("reviewer");
        await reviewer.Locator("nav.menu").GetByRole(AriaRole.Link, new() { Name = "审核队列" }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Link).Filter(new() { HasText = title }).ClickAsync();
        await ShotAsync(reviewer, "b-reviewer-decision");
        await reviewer.GetByLabel("审核意见 / 理由").FillAsync("符合清单,同意下发");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "批准下发" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator(".ok-box")).ToContainTextAsync("已批准");

        var secretary = await LoginAsync("secretary", phone: true);
        await secretary.GotoAsync("/inbox");
        await secretary.GetByRole(AriaRole.Link).Filter(new() { HasText = title }).ClickAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "签收" }).ClickAsync();
        await Assertions.Expect(secretary.Locator(".ok-box")).ToContainTextAsync("已签收");
        await secretary.GetByLabel("交办给").SelectOptionAsync(new SelectOptionValue { Label = "赵网格(富盛村)" });
        await secretary.GetByRole(AriaRole.Button, new() { Name = "交办" }).ClickAsync();
        await Assertions.Expect(secretary.Locator(".ok-box")).ToContainTextAsync("已交办");
        var taskUrl = secretary.Url.Split('?')[0];

        var cadre = await LoginAsync("cadre", phone: true);
        await cadre.GotoAsync("/inbox");
        await cadre.GetByRole(AriaRole.Link).Filter(new() { HasText = title }).ClickAsync();
        await cadre.GetByLabel("办理结果").FillAsync("已入户宣传45户,发现2户软管老化,已提醒更换。");
        await cadre.GetByRole(AriaRole.Button, new() { Name = "办结" }).ClickAsync();
        await Assertions.Expect(cadre.Locator(".ok-box")).ToContainTextAsync("已办结");
        await ShotAsync(cadre, "b-cadre-completed-phone");

        await secretary.GotoAsync(taskUrl);
        await secretary.GetByRole(AriaRole.Button, new() { Name = "确认办结" }).ClickAsync();
        await Assertions.Expect(secretary.Locator(".ok-box")).ToContainTextAsync("已确认办结");

        await dispatcher.GotoAsync(dispatchUrl.Split('?')[0]);
        var history = dispatcher.Locator(".history li b");
        await Assertions.Expect(history).ToHaveTextAsync(["起草派单", "提交审核", "审核通过", "下发至村(社区)", "签收", "交办", "办结", "书记确认办结"]);
        await Assertions.Expect(dispatcher.Locator("table.list")).ToContainTextAsync("已确认办结");
        await ShotAsync(dispatcher, "b-history-all-steps");
    }

    [Fact]
    public async Task C_ReviewerRejectsWithReroute_AndTheReroutedBodySeesIt()
    {
        var title = "清查并拆除违法搭建(浏览器测试)";
        var dispatcher = await LoginAsync("dispatcher");
        await FillDispatchAsync(dispatcher, title, "XZ-12", "乌石村委会");
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(dispatcher.Locator(".ok-box")).ToContainTextAsync("已提交审核");

        var reviewer = await LoginAsync("reviewer");
        await reviewer.GotoAsync("/review");
        await reviewer.GetByRole(AriaRole.Link).Filter(new() { HasText = title }).ClickAsync();
        await reviewer.GetByLabel("审核意见 / 理由").FillAsync("违法建筑拆除属行政执法事项,不得交由村承担。");
        await reviewer.GetByLabel("驳回时转派给").SelectOptionAsync(new SelectOptionValue { Label = "富盛镇 · 综合行政执法队" });
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "驳回" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator(".ok-box")).ToContainTextAsync("已驳回");
        await Assertions.Expect(reviewer.Locator(".facts")).ToContainTextAsync("综合行政执法队");

        var enforcement = await LoginAsync("enforcement");
        await enforcement.Locator("nav.menu").GetByRole(AriaRole.Link, new() { Name = "转派事项" }).ClickAsync();
        var item = enforcement.GetByRole(AriaRole.Link).Filter(new() { HasText = title });
        await Assertions.Expect(item).ToContainTextAsync("驳回理由:违法建筑拆除属行政执法事项");
        await ShotAsync(enforcement, "c-rerouted-queue");
    }

    [Fact]
    public async Task D_PublicCatalogue_IsSearchableOnAPhoneWithoutLogin()
    {
        var page = await app.NewPageAsync(phone: true);
        await page.GotoAsync("/catalogue");
        await page.GetByRole(AriaRole.Searchbox).FillAsync("证明");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await Assertions.Expect(page.Locator("h2.kind-excluded")).ToContainTextAsync("负面清单");
        await Assertions.Expect(page.Locator(".items")).ToContainTextAsync("出具无犯罪记录证明");
        await ShotAsync(page, "d-public-catalogue-phone");
    }

    [Fact]
    public async Task E_ListKeeper_RevisesTheCatalogue_RetiresAnItem_PublishesAndReadsTheDiff()
    {
        var page = await LoginAsync("catalogue");
        await page.Locator("nav.menu").GetByRole(AriaRole.Link, new() { Name = "清单管理" }).ClickAsync();
        await page.GetByLabel("年度").FillAsync((DateTime.UtcNow.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "新建草稿" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("草稿");

        // A new item with two mistakes: both are named at once, and what was typed is still there to correct.
        await page.GetByLabel("过筛编码").FillAsync("坏 码");
        await page.GetByLabel("事项名称").FillAsync("协助开展高龄老人走访");
        await page.GetByLabel("上级事项编码(细化的具体事项填写)").FillAsync("NOPE");
        await page.GetByLabel("依据文件").FillAsync("《浙江省老年人权益保障条例》");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        var alert = page.Locator("p.error[role=alert]");
        await Assertions.Expect(alert).ToContainTextAsync("上级事项编码“NOPE”不在本清单中");
        await Assertions.Expect(alert).ToContainTextAsync("「过筛编码」只能由字母、数字");
        await Assertions.Expect(page.GetByLabel("事项名称")).ToHaveValueAsync("协助开展高龄老人走访");
        await ShotAsync(page, "e-catalogue-item-errors");

        await page.Locator("select[name=code]").SelectOptionAsync("XZ-14");
        await page.GetByLabel("停用原因").FillAsync("改由公安派出所直接采集,依据调整");
        await page.GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ok-box")).ToContainTextAsync("已停用 XZ-14");
        await Assertions.Expect(page.Locator("tr.retired", new() { HasText = "XZ-14" })).ToContainTextAsync("改由公安派出所直接采集");

        await page.GotoAsync("/catalogue/admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ok-box")).ToContainTextAsync("已发布");
        await page.GetByRole(AriaRole.Link, new() { Name = "与上一版比较" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("ul.items").Nth(1)).ToContainTextAsync("XZ-14");
        await ShotAsync(page, "e-catalogue-diff");

        var dispatcher = await LoginAsync("dispatcher");
        await FillDispatchAsync(dispatcher, "流动人口信息采集", "XZ-14", "富盛村委会");
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(dispatcher.Locator(".check.block")).ToContainTextAsync("已停用");
    }

    [Fact]
    public async Task F_CadreScansThePosterOnAPhone_ReportsABurden_AndFollowsItByReceipt()
    {
        var keeper = await LoginAsync("catalogue");
        await keeper.Locator("nav.menu").GetByRole(AriaRole.Link, new() { Name = "线索二维码" }).ClickAsync();
        await keeper.GetByRole(AriaRole.Link, new() { Name = "倪家溇村委会" }).ClickAsync();
        await Assertions.Expect(keeper.Locator(".poster h1")).ToHaveTextAsync("基层减负问题线索反馈");
        await Assertions.Expect(keeper.Locator(".poster .qr svg")).ToBeVisibleAsync();
        await ShotAsync(keeper, "f-poster");
        var url = (await keeper.Locator(".poster-url").TextContentAsync())!.Trim();
        Assert.Matches(new Regex("/r/[A-Za-z0-9_-]{22}$"), url);

        var phone = await app.NewPageAsync(phone: true);
        await phone.GotoAsync(url);
        await Assertions.Expect(phone.Locator(".hint")).ToContainTextAsync("倪家溇村委会");
        await phone.GetByLabel("要求台账/留痕/打卡/拍照").CheckAsync();
        await phone.GetByLabel("问题描述").FillAsync("镇里要求网格员每天在工作群拍照打卡,晚上还要截图汇总上报。");
        // Whoever holds the poster's link is shown no task of the village.
        await Assertions.Expect(phone.GetByLabel("关联任务")).ToHaveCountAsync(0);
        await Assertions.Expect(phone.Locator("#report-form")).Not.ToContainTextAsync("开展汛后农村房屋安全隐患排查");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        var receipt = (await phone.Locator("#receipt").TextContentAsync())!.Trim();
        Assert.Matches(new Regex("^JF\\d{6}-[2-9A-Z]{8}$"), receipt);
        await Assertions.Expect(phone.Locator("#status")).ToHaveTextAsync("已接收");
        await ShotAsync(phone, "f-receipt-phone");

        var later = await app.NewPageAsync(phone: true);
        await later.GotoAsync("/r");
        await later.GetByLabel("回执号").FillAsync(receipt.ToLowerInvariant());
        await later.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(later.Locator("#status")).ToHaveTextAsync("已接收");
        await Assertions.Expect(later.Locator(".facts")).ToContainTextAsync("要求台账/留痕/打卡/拍照");

        await keeper.Locator("nav.menu").GetByRole(AriaRole.Link, new() { Name = "问题线索" }).ClickAsync();
        await keeper.GetByRole(AriaRole.Link).Filter(new() { HasText = receipt }).ClickAsync();
        await Assertions.Expect(keeper.Locator(".content")).ToContainTextAsync("镇里要求网格员每天在工作群拍照打卡");
        await keeper.GetByRole(AriaRole.Button, new() { Name = "开始核实" }).ClickAsync();
        await keeper.GetByLabel("查实的问题").FillAsync("镇村建办要求网格员每天拍照打卡");
        await keeper.GetByLabel("转交内容").FillAsync("有村反映:镇村建办要求网格员每天在工作群拍照打卡并截图汇总。");
        await keeper.GetByLabel("责任单位").SelectOptionAsync(new SelectOptionValue { Label = "富盛镇 · 村镇建设和管理办公室" });
        await keeper.GetByRole(AriaRole.Button, new() { Name = "属实", Exact = true }).ClickAsync();
        await keeper.GetByRole(AriaRole.Button, new() { Name = "要求责任单位整改" }).ClickAsync();
        await Assertions.Expect(keeper.Locator(".badge")).ToHaveTextAsync("整改中");

        var body = await LoginAsync("dispatcher");
        await body.Locator("nav.menu").GetByRole(AriaRole.Link, new() { Name = "整改事项" }).ClickAsync();
        await body.GetByRole(AriaRole.Link).Filter(new() { HasText = receipt }).ClickAsync();
        await Assertions.Expect(body.Locator(".facts")).Not.ToContainTextAsync("反映人");
        // The body reads what the handler forwarded, not the reporter's words, and not which village it was.
        await Assertions.Expect(body.Locator(".content")).ToHaveTextAsync("有村反映:镇村建办要求网格员每天在工作群拍照打卡并截图汇总。");
        await Assertions.Expect(body.Locator("main")).Not.ToContainTextAsync("倪家溇");
        await body.GetByLabel("整改情况").FillAsync("已取消打卡要求,并书面通知各村。");
        await body.GetByRole(AriaRole.Button, new() { Name = "反馈整改情况" }).ClickAsync();
        await Assertions.Expect(body.Locator(".badge")).ToHaveTextAsync("已整改");
        await ShotAsync(body, "f-body-rectified");

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        await keeper.GotoAsync($"/bulletins/new?from={today}&to={today}");
        await keeper.GetByRole(AriaRole.Button, new() { Name = "发布通报" }).ClickAsync();
        await Assertions.Expect(keeper.Locator(".bulletin h1")).ToContainTextAsync("通报");
        var listed = keeper.Locator(".bulletin-body", new() { HasText = "富盛镇 村镇建设和管理办公室" });
        await Assertions.Expect(listed).ToContainTextAsync("镇村建办要求网格员每天拍照打卡");
        await Assertions.Expect(listed).ToContainTextAsync("扣 1 分");
        await Assertions.Expect(keeper.Locator(".bulletin")).Not.ToContainTextAsync("倪家溇");
        await Assertions.Expect(keeper.Locator(".bulletin")).Not.ToContainTextAsync(receipt);
        await ShotAsync(keeper, "f-bulletin");

        await keeper.GotoAsync("/reports/dashboard");
        await Assertions.Expect(keeper.Locator(".figures")).ToContainTextAsync("收到线索");
        await keeper.WaitForFunctionAsync("() => window.Chart && Chart.getChart('by-category') !== undefined");
        await ShotAsync(keeper, "f-dashboard");

        await keeper.GotoAsync(new Uri(url).AbsolutePath.Replace("/r/", "/report-locations/330602108202/poster#", StringComparison.Ordinal));
        await keeper.GetByRole(AriaRole.Button, new() { Name = "作废此二维码,生成新的" }).ClickAsync();
        await Assertions.Expect(keeper.Locator(".poster-url")).Not.ToHaveTextAsync(url);
        await phone.GotoAsync(url);
        await Assertions.Expect(phone.Locator(".error")).ToContainTextAsync("二维码无效或已停用");
    }

    [Fact]
    public async Task G_DispatcherPicksASuggestedCode_AndTheReviewerSeesCodeMismatchForAWrongOne()
    {
        var dispatcher = await LoginAsync("dispatcher");
        await dispatcher.GotoAsync("/dispatches/new");
        await dispatcher.GetByLabel("任务标题").FillAsync("协助做好老年人优待证集中办理");
        await dispatcher.GetByLabel("任务内容和具体要求").FillAsync("请各村收集辖区年满60周岁老人的优待证申请材料,统一转报区民政局,结果在系统中填写。");
        var suggestions = dispatcher.Locator("#suggestions button.suggestion");
        await Assertions.Expect(suggestions.First).ToContainTextAsync("XZ-01-01");
        await Assertions.Expect(suggestions.First).ToContainTextAsync("办理老年优待证");
        await Assertions.Expect(suggestions.First).ToContainTextAsync("相关词:");
        await ShotAsync(dispatcher, "g-code-suggestions");
        await suggestions.First.ClickAsync();
        await Assertions.Expect(dispatcher.GetByLabel("过筛编码", new() { Exact = true })).ToHaveValueAsync("XZ-01-01 办理老年优待证");
        await dispatcher.GetByLabel("完成时限").FillAsync(Due);
        await dispatcher.GetByLabel("富盛村委会", new() { Exact = true }).CheckAsync();
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(dispatcher.Locator(".ok-box")).ToContainTextAsync("已提交审核");
        await Assertions.Expect(dispatcher.Locator("[data-rule=code-mismatch]")).ToHaveCountAsync(0);

        // The same kind of task under a code picked only to pass the gate: forest fire prevention.
        var title = "协助收集老年人优待证申请材料(错编码)";
        await dispatcher.GotoAsync("/dispatches/new");
        await dispatcher.GetByLabel("任务标题").FillAsync(title);
        await dispatcher.GetByLabel("过筛编码", new() { Exact = true }).FillAsync("XZ-05-02");
        await dispatcher.GetByLabel("任务内容和具体要求").FillAsync("请各社区受理辖区60周岁以上老年人的老年优待证申请,初审材料后报镇民政办。");
        await dispatcher.GetByLabel("完成时限").FillAsync(Due);
        await dispatcher.GetByLabel("富盛村委会", new() { Exact = true }).CheckAsync();
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(dispatcher.Locator(".ok-box")).ToContainTextAsync("已提交审核");

        var reviewer = await LoginAsync("reviewer");
        await reviewer.Locator("nav.menu").GetByRole(AriaRole.Link, new() { Name = "审核队列" }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Link).Filter(new() { HasText = title }).ClickAsync();
        var mismatch = reviewer.Locator(".check.warn[data-rule=code-mismatch]");
        await Assertions.Expect(mismatch).ToContainTextAsync("与任务内容不符");
        await Assertions.Expect(mismatch).ToContainTextAsync("XZ-01-01 办理老年优待证");
        await ShotAsync(reviewer, "g-reviewer-code-mismatch");
    }

    [Fact]
    public async Task H_CentreTriagesAHotlineOrder_AndTheSecretaryTurnsATaskIntoACaseAndFindsIt()
    {
        // No model in the journeys: a new order waits in the triage queue. The task was done and confirmed before.
        var arrange = new Arrange(app.BaseUrl);
        var order = "我母亲今年满60岁了,想办理老年人优待证,请问村里能不能代办(浏览器测试)";
        await arrange.OrderAsync(order);
        var task = "台风后农户房屋安全排查(浏览器测试)";
        await arrange.ConfirmedTaskAsync(task, "请对台风后墙体开裂、屋面渗漏的农户房屋逐户排查,发现隐患当日报镇村建办复核。", "XZ-12",
            "已排查全村128户,发现2户墙体开裂,已报镇村建办复核。");
        var centre = await LoginAsync("district-reviewer");
        await centre.Locator("nav.menu").GetByRole(AriaRole.Link, new() { Name = "12345工单" }).ClickAsync();
        await Assertions.Expect(centre.GetByRole(AriaRole.Link, new() { Name = "人工分拨", Exact = true })).ToHaveClassAsync("active");
        await centre.GetByRole(AriaRole.Link).Filter(new() { HasText = order[..20] }).ClickAsync();
        await Assertions.Expect(centre.Locator(".facts")).ToContainTextAsync("尚无分拨模型");
        await centre.GetByLabel("清单事项编码或责任部门").FillAsync("XZ-01-01 办理老年优待证");
        await centre.GetByRole(AriaRole.Button, new() { Name = "分拨", Exact = true }).ClickAsync();
        await Assertions.Expect(centre.Locator(".badge")).ToContainTextAsync("已分拨");
        await Assertions.Expect(centre.Locator(".timeline")).ToContainTextAsync("人工分拨");
        await ShotAsync(centre, "h-hotline-triaged");

        var secretary = await LoginAsync("secretary", phone: true);
        await secretary.GotoAsync("/inbox");
        await secretary.GetByRole(AriaRole.Link).Filter(new() { HasText = "12345 工单" }).ClickAsync();
        await secretary.GetByRole(AriaRole.Link).Filter(new() { HasText = order[..20] }).ClickAsync();
        await secretary.GetByLabel("办理结果").FillAsync("已电话联系老人,明天上门收集材料。");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "办结" }).ClickAsync();
        await Assertions.Expect(secretary.Locator(".badge")).ToContainTextAsync("已办结");

        await secretary.GotoAsync("/inbox?status=all");
        await secretary.GetByRole(AriaRole.Link).Filter(new() { HasText = task }).ClickAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "转为案例(社区百事能)" }).ClickAsync();
        await Assertions.Expect(secretary.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(task);
        await Assertions.Expect(secretary.Locator(".card")).ToContainTextAsync("已排查全村128户");

        await secretary.GotoAsync("/cases");
        await secretary.GetByLabel("查找案例").FillAsync("台风后房屋墙体开裂");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        var first = secretary.Locator(".case-hits li").First;
        await Assertions.Expect(first).ToContainTextAsync(task);
        await Assertions.Expect(first.Locator("mark").First).ToBeVisibleAsync();
        await ShotAsync(secretary, "h-case-search-phone");
    }

    [Fact]
    public async Task I_TwoReviewersOnOneDispatch_TheSecondIsToldInPlaceThatItWasDecided()
    {
        var title = "入户排查电动自行车违规充电(同时审核)";
        var dispatcher = await LoginAsync("dispatcher");
        await FillDispatchAsync(dispatcher, title, "XZ-13", "倪家溇村委会");
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(dispatcher.Locator(".ok-box")).ToContainTextAsync("已提交审核");
        var dispatchUrl = new Uri(dispatcher.Url).AbsolutePath;

        // The deputy secretary has the dispatch open on the office computer and on a phone.
        var desk = await LoginAsync("reviewer");
        var phone = await LoginAsync("reviewer", phone: true);
        await desk.GotoAsync(dispatchUrl);
        await phone.GotoAsync(dispatchUrl);
        await desk.GetByLabel("审核意见 / 理由").FillAsync("符合清单,同意下发");
        await desk.GetByRole(AriaRole.Button, new() { Name = "批准下发" }).ClickAsync();
        await Assertions.Expect(desk.Locator(".ok-box")).ToContainTextAsync("已批准");

        await phone.GetByLabel("审核意见 / 理由").FillAsync("应由执法队办理");
        await phone.GetByRole(AriaRole.Button, new() { Name = "驳回" }).ClickAsync();
        await Assertions.Expect(phone.Locator("[role=alert]").First).ToContainTextAsync("该记录已被他人处理");
        await Assertions.Expect(phone.Locator(".badge").First).ToHaveTextAsync("已批准下发");
        await Assertions.Expect(phone.Locator("#decision-form")).ToHaveCountAsync(0);
        await ShotAsync(phone, "i-decided-meanwhile-phone");
    }

    [Fact]
    public async Task J_NewWorkReachesTheVillageAtOnce_AndTheSecretarySendsPoorWorkBack()
    {
        var title = "入户核查独居老人燃气灶具(浏览器测试)";
        // The secretary's inbox before: she lands on it, on her phone, with the counts of what waits for her.
        var secretary = await LoginAsync("secretary", phone: true, lands: "/inbox");
        var waitingBefore = await WorkCountAsync(secretary, "待签收的任务");

        var dispatcher = await LoginAsync("dispatcher");
        await FillDispatchAsync(dispatcher, title, "XZ-13", "富盛村委会");
        await dispatcher.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(dispatcher.Locator(".ok-box")).ToContainTextAsync("已提交审核");

        var reviewer = await LoginAsync("reviewer", lands: "/review");
        await Assertions.Expect(reviewer.Locator("nav.menu a[href='/review'] .count")).ToBeVisibleAsync();
        await reviewer.GetByRole(AriaRole.Link).Filter(new() { HasText = title }).ClickAsync();
        await reviewer.GetByLabel("审核意见 / 理由").FillAsync("符合清单,同意下发");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "批准下发" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator(".ok-box")).ToContainTextAsync("已批准");

        // At once: one more to sign for, a count on the menu, and a message naming the task.
        await secretary.ReloadAsync();
        Assert.Equal(waitingBefore + 1, await WorkCountAsync(secretary, "待签收的任务"));
        await Assertions.Expect(secretary.Locator("a.bell .count")).ToBeVisibleAsync();
        await Assertions.Expect(secretary.Locator("nav.menu a[href='/inbox'] .count")).ToBeVisibleAsync();
        await ShotAsync(secretary, "j-secretary-lands-on-inbox-with-counts-phone");
        await secretary.Locator("a.bell").ClickAsync();
        await Assertions.Expect(secretary.Locator("main")).ToContainTextAsync($"新任务:{title}");
        await ShotAsync(secretary, "j-arrival-message-phone");

        await secretary.GotoAsync("/inbox");
        await secretary.GetByRole(AriaRole.Link).Filter(new() { HasText = title }).ClickAsync();
        await secretary.GetByRole(AriaRole.Button, new() { Name = "签收" }).ClickAsync();
        await secretary.GetByLabel("交办给").SelectOptionAsync(new SelectOptionValue { Label = "赵网格(富盛村)" });
        await secretary.GetByRole(AriaRole.Button, new() { Name = "交办" }).ClickAsync();
        await Assertions.Expect(secretary.Locator(".ok-box")).ToContainTextAsync("已交办");
        var taskUrl = new Uri(secretary.Url).AbsolutePath;

        var cadre = await LoginAsync("cadre", phone: true, lands: "/inbox");
        await cadre.Locator("a.bell").ClickAsync();
        await Assertions.Expect(cadre.Locator("main")).ToContainTextAsync($"交办给您的任务:{title}");
        await cadre.GotoAsync(taskUrl);
        await cadre.GetByLabel("办理结果").FillAsync("已核查。");
        await cadre.GetByRole(AriaRole.Button, new() { Name = "办结" }).ClickAsync();
        await Assertions.Expect(cadre.Locator(".ok-box")).ToContainTextAsync("已办结");

        // Two words are not a check of 30 households: the secretary sends it back, saying what is missing.
        await secretary.GotoAsync(taskUrl);
        await secretary.GetByLabel("退回重办").FillAsync("请写明核查了几户、发现什么问题、怎么处理的。");
        await ShotAsync(secretary, "j-secretary-sends-back-phone");
        await secretary.GetByRole(AriaRole.Button, new() { Name = "退回重办" }).ClickAsync();
        await Assertions.Expect(secretary.Locator(".ok-box")).ToContainTextAsync("已退回重办");
        await Assertions.Expect(secretary.Locator(".badge").First).ToHaveTextAsync("已交办");

        await cadre.GotoAsync("/");
        Assert.Equal(1, await WorkCountAsync(cadre, "其中被退回重办的"));
        await cadre.Locator("a.bell").ClickAsync();
        await Assertions.Expect(cadre.Locator("main")).ToContainTextAsync($"任务被退回重办:{title}");
        await cadre.GotoAsync(taskUrl);
        await Assertions.Expect(cadre.Locator("dd.returned")).ToContainTextAsync("请写明核查了几户");
        await Assertions.Expect(cadre.GetByLabel("办理结果")).ToHaveValueAsync("已核查。");
        await ShotAsync(cadre, "j-cadre-sees-why-phone");
        await cadre.GetByLabel("办理结果").FillAsync("核查独居老人30户,发现3户灶具无熄火保护,已联系燃气公司上门更换。");
        await cadre.GetByRole(AriaRole.Button, new() { Name = "办结" }).ClickAsync();
        await Assertions.Expect(cadre.Locator(".ok-box")).ToContainTextAsync("已办结");

        await secretary.GotoAsync(taskUrl);
        await secretary.GetByRole(AriaRole.Button, new() { Name = "确认办结" }).ClickAsync();
        await Assertions.Expect(secretary.Locator(".ok-box")).ToContainTextAsync("已确认办结");
        await Assertions.Expect(secretary.Locator(".history")).ToContainTextAsync("退回重办");
    }
}
