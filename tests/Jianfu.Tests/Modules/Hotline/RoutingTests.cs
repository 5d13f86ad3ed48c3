using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Hotline.Domain;
using Jianfu.Modules.Hotline.Routing;

namespace Jianfu.Tests.Modules.Hotline;

/// <summary>The routing rules, the threshold calibration, the model file and the routing commands.</summary>
public sealed class RoutingTests
{
    private static readonly IReadOnlyList<DepartmentRef> Departments = [new(1, "区民政局"), new(2, "区委社会工作部")];

    private static DutyItemInfo Item(string code, DutyKind kind, DutyItemStatus status = DutyItemStatus.Active) =>
        new(code, "事项" + code, kind, status, "依据", null, null, 1, 2026, "区委社会工作部");

    [Fact]
    public void CommunityItems_GoToTheCommunity_OnlyWhenTheOrderNamesOne()
    {
        var (toCommunity, _) = RoutingRules.Decide("XZ-01-01", Item("XZ-01-01", DutyKind.Assistance), Departments, hasCommunity: true);
        Assert.Equal(RouteKind.Community, toCommunity!.Kind);
        var (none, reason) = RoutingRules.Decide("YF-01", Item("YF-01", DutyKind.Statutory), Departments, hasCommunity: false);
        Assert.Null(none);
        Assert.Contains("未写明所在村(社区)", reason);
    }

    [Fact]
    public void ExcludedItems_AndDepartments_NeverReachACommunity()
    {
        var (excluded, _) = RoutingRules.Decide("FM-21", Item("FM-21", DutyKind.Excluded), Departments, hasCommunity: true);
        Assert.Equal((RouteKind.Department, "区委社会工作部"), (excluded!.Kind, excluded.Department!.Name));
        var (department, _) = RoutingRules.Decide("区民政局", null, Departments, hasCommunity: true);
        Assert.Equal((RouteKind.Department, 1), (department!.Kind, department.Department!.Id));
        Assert.Null(RoutingRules.Decide("区外星局", null, Departments, true).Decision);
        Assert.Null(RoutingRules.Decide("XZ-09", Item("XZ-09", DutyKind.Assistance, DutyItemStatus.Retired), Departments, true).Decision);
    }

    [Fact]
    public void ImportedTimesWithoutAZone_AreChinaTime()
    {
        Assert.Equal(new DateTime(2026, 11, 20, 1, 30, 0, DateTimeKind.Utc), Jianfu.Modules.Hotline.ReceiveOrders.ChinaToUtc(new DateTime(2026, 11, 20, 9, 30, 0)));
        var utc = new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);
        Assert.Equal(utc, Jianfu.Modules.Hotline.ReceiveOrders.ChinaToUtc(utc));
    }

    [Fact]
    public void Calibration_PicksTheLowestThresholdThatKeepsTheTargetPrecision()
    {
        var predictions = new List<(string, string, float)>
        {
            ("a", "a", 0.99f), ("a", "a", 0.95f), ("b", "b", 0.9f), ("a", "b", 0.8f), ("b", "b", 0.7f), ("a", "b", 0.6f),
        };
        var calibration = RoutingClassifier.CalibrateEveryFold([predictions], 0.97);
        Assert.Equal((0.9f, 1.0, 0.5), (calibration.Threshold, calibration.Precision, calibration.Coverage));
        Assert.Equal(1.01f, RoutingClassifier.CalibrateEveryFold([[("a", "b", 0.9f)]], 0.97).Threshold);
    }

    [Fact]
    public void Calibration_HoldsOnEveryFold_NotOnlyOnTheFoldsPooled()
    {
        // Pooled, 0.81 keeps 9 of 10 right, but fold two's orders from 0.81 up are only 3 of 4 right.
        List<(string, string, float)> one = [("a", "a", 0.99f), ("a", "a", 0.97f), ("a", "a", 0.93f), ("a", "a", 0.91f), ("a", "a", 0.85f), ("a", "a", 0.82f)];
        List<(string, string, float)> two = [("b", "b", 0.98f), ("b", "b", 0.96f), ("b", "a", 0.84f), ("b", "b", 0.81f), ("b", "a", 0.5f)];
        Assert.Equal(0.81f, RoutingClassifier.CalibrateEveryFold([[.. one, .. two]], 0.9).Threshold);
        var everyFold = RoutingClassifier.CalibrateEveryFold([one, two], 0.9);
        Assert.Equal(0.85f, everyFold.Threshold);
        Assert.Equal([1.0, 1.0], everyFold.FoldPrecisions);
        Assert.Equal([5 / 6.0, 2 / 5.0], everyFold.FoldCoverages);
    }

    [Fact]
    public void TextIsPrepared_AlikeWhateverTheExportWrote()
    {
        // One export keeps single spaces in the body, another none, a third full-width characters: the model sees one text.
        var spaced = RoutingClassifier.Prepare("小区路灯坏了 路灯 已经坏了 三个月 ，ＡＢ栋门口");
        Assert.Equal(spaced, RoutingClassifier.Prepare("小区路灯坏了 路灯已经坏了三个月,AB栋门口"));
        Assert.Equal("小区路灯坏了", RoutingClassifier.Split("小区路灯坏了　路灯已经坏了").Title);
        Assert.Equal(["T小区路灯坏了", "B路灯已经坏了"], SameMatter.Keys("小区路灯坏了 路灯 已经坏了"));
    }

    [Fact]
    public void TrainAndPredictCommands_WriteIdLabelConfidenceAuto_AndTheModelFileKeepsItsVersion()
    {
        var dir = Directory.CreateTempSubdirectory("jianfu-routing-").FullName;
        try
        {
            var data = Path.Combine(dir, "train.csv");
            File.WriteAllLines(data, ["id,text,label", .. TestModel.Rows().Select(r => $"{r.Id},\"{r.Text}\",{r.Label}")]);
            var model = Path.Combine(dir, "model.zip");
            Assert.Equal(0, RoutingCommands.Train([data], model));
            var input = Path.Combine(dir, "input.csv");
            File.WriteAllLines(input, ["id,text", "x1,我外公今年满65周岁,想办理老年人优待证,请问需要什么材料", "x2,\"城南小区7号楼房屋墙体开裂漏水,开发商不维修\""]);
            var output = Path.Combine(dir, "out.csv");
            Assert.Equal(0, RoutingCommands.Predict(model, input, output));
            var lines = File.ReadAllLines(output);
            Assert.Equal("id,label,confidence,auto", lines[0]);
            Assert.StartsWith("x1,XZ-01-01,", lines[1]);
            Assert.StartsWith("x2,区住房和城乡建设局,", lines[2]);
            using var file = File.OpenRead(model);
            var loaded = RoutingClassifier.Load(file);
            foreach (var line in lines.Skip(1).Select(l => l.Split(',')))
            {
                Assert.Equal(float.Parse(line[2], System.Globalization.CultureInfo.InvariantCulture) >= loaded.Info.Threshold ? "true" : "false", line[3]);
            }

            Assert.Equal(4, loaded.Info.Labels.Count);
            Assert.Equal(3, loaded.Info.FoldPrecisions!.Count);
            Assert.Equal(0, RoutingCommands.Evaluate([data], [], 3));
            Assert.Throws<InvalidDataException>(() => RoutingCommands.Read(input, needLabel: true));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
