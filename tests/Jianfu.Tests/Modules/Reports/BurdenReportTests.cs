using System.Text.RegularExpressions;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Time;

namespace Jianfu.Tests.Modules.Reports;

public sealed partial class BurdenReportTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
    private static readonly ReportActor Handler = new("h", "陈清单");

    private static BurdenReport New() => new()
    {
        Receipt = "JF261123-AAAAAAAA", UnitName = "富盛村委会", Category = "trace-demand", Description = "要求每天拍照打卡", Status = ReportStatus.Received,
        ReceivedAt = Now, VerifyDue = new DateOnly(2026, 11, 30),
    };

    [Fact]
    public void ClosedLoop_Substantiated_GoesThroughRectificationToClosed()
    {
        var r = New();
        Assert.Null(r.StartVerification(Handler, Now));
        Assert.Null(r.Substantiate(Handler, Now, "某部门要求村干部每日拍照打卡", 7, "富盛镇村镇建设和管理办公室", "电话核实"));
        Assert.Null(r.RequestRectification(Handler, Now, new DateOnly(2026, 12, 14)));
        Assert.Null(r.RecordRectification(new ReportActor("d", "张建设"), Now, "已取消打卡要求,并书面通知各村"));
        Assert.Null(r.Close(Handler, Now, "经核实属实,已责令取消打卡要求。"));
        Assert.Equal(ReportStatus.Closed, r.Status);
        Assert.Equal(["开始核实", "核实属实", "要求富盛镇村镇建设和管理办公室整改", "反馈整改情况", "办结"], r.History.Select(h => h.Action));
    }

    [Fact]
    public void Unsubstantiated_NeedsAReason_ThenCloses()
    {
        var r = New();
        Assert.Equal("validation", r.Unsubstantiate(Handler, Now, " ")?.Code);
        Assert.Null(r.Unsubstantiate(Handler, Now, "该任务在清单内(XZ-12)"));
        Assert.Equal("conflict", r.RequestRectification(Handler, Now, new DateOnly(2026, 12, 1))?.Code);
        Assert.Equal("validation", r.Close(Handler, Now, "")?.Code);
        Assert.Null(r.Close(Handler, Now, "经核实,该任务在清单内。"));
    }

    [Fact]
    public void StepsOutOfOrder_AreRefused_AndChangeNothing()
    {
        var r = New();
        Assert.Equal("conflict", r.RequestRectification(Handler, Now, new DateOnly(2026, 12, 1))?.Code);
        Assert.Equal("conflict", r.RecordRectification(Handler, Now, "x")?.Code);
        Assert.Equal("conflict", r.Close(Handler, Now, "x")?.Code);
        Assert.Equal("validation", r.Substantiate(Handler, Now, "", null, "x", null)?.Code);
        Assert.Equal("validation", r.Substantiate(Handler, Now, "x", null, " ", null)?.Code);
        Assert.Equal(ReportStatus.Received, r.Status);
        Assert.Empty(r.History);
        r.StartVerification(Handler, Now);
        Assert.Equal("conflict", r.StartVerification(Handler, Now)?.Code);
    }

    [Fact]
    public void Overdue_FollowsTheWorkingDayLimits()
    {
        var limits = new ReportTimeLimits();
        var calendar = new WorkCalendar();
        var received = new DateOnly(2026, 11, 20);
        Assert.Equal(new DateOnly(2026, 11, 27), limits.VerifyDue(received, calendar));
        var r = New();
        r.VerifyDue = limits.VerifyDue(received, calendar);
        Assert.False(r.IsOverdue(new DateOnly(2026, 11, 27)));
        Assert.True(r.IsOverdue(new DateOnly(2026, 11, 28)));
        r.Substantiate(Handler, Now, "x", null, "某部门", null);
        Assert.False(r.IsOverdue(new DateOnly(2026, 12, 31)));
        r.RequestRectification(Handler, Now, limits.RectifyDue(new DateOnly(2026, 11, 23), calendar));
        Assert.Equal(new DateOnly(2026, 12, 14), r.RectifyDue);
        Assert.True(r.IsOverdue(new DateOnly(2026, 12, 15)));
    }

    [Fact]
    public void Receipts_AreReadableAndRandom()
    {
        var receipts = Enumerable.Range(0, 1000).Select(_ => BurdenReport.NewReceipt(new DateOnly(2026, 11, 23))).ToList();
        Assert.All(receipts, r => Assert.Matches(ReceiptPattern(), r));
        Assert.Equal(1000, receipts.Distinct().Count());
        Assert.Equal(22, ReportLocation.NewToken().Length);
    }

    [GeneratedRegex("^JF261123-[2-9A-HJKMNP-Z]{8}$")]
    private static partial Regex ReceiptPattern();
}
