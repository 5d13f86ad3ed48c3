using Jianfu.Modules.Catalogue;
using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Catalogue.Domain;

namespace Jianfu.Tests.Modules.Catalogue;

public sealed class CatalogueSheetTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Dictionary<string, string?> Row(string code, string name = "事项", string kind = "协助", string basis = "《某法》", string? parent = null, string status = "有效", string? reason = null) =>
        new()
        {
            [CatalogueSheet.Code] = code, [CatalogueSheet.Name] = name, [CatalogueSheet.Kind] = kind, [CatalogueSheet.Parent] = parent,
            [CatalogueSheet.BasisDocument] = basis, [CatalogueSheet.BasisArticle] = "第一条", [CatalogueSheet.Department] = "区民政局",
            [CatalogueSheet.Description] = "", [CatalogueSheet.Status] = status, [CatalogueSheet.RetiredReason] = reason,
        };

    [Fact]
    public void DemoCatalogue_HasAllThreeKinds_BroadItemsSplit_AndAtLeastFortyItems()
    {
        var (items, errors) = CatalogueDemo.ReadCatalogue(Today);
        Assert.Empty(errors);
        Assert.True(items.Count >= 40);
        Assert.All(Enum.GetValues<DutyKind>(), kind => Assert.Contains(items, i => i.Kind == kind));
        Assert.Contains(items, i => i.ParentCode == "XZ-01" && i.Name == "办理老年优待证");
        Assert.Contains(items, i => i.ParentCode == "XZ-01" && i.Name == "办理养老服务补贴");
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.BasisDocument)));
    }

    [Fact]
    public void EveryBadCell_IsReportedWithRowAndColumn_AndNothingIsReturned()
    {
        var rows = new List<IReadOnlyDictionary<string, string?>>
        {
            Row("XZ-01"),
            Row("XZ-01", name: "重复编码"),
            Row("XZ-02", kind: "随便"),
            Row("XZ-03", basis: ""),
            Row("XZ-04", parent: "NOPE"),
            Row("XZ-05", status: "已停用"),
            Row("坏 编码"),
        };
        var (items, errors) = CatalogueSheet.Parse(rows, CatalogueSheet.Headers, Today);
        Assert.Empty(items);
        Assert.Contains(errors, e => e.Row == 3 && e.Column == CatalogueSheet.Code && e.Reason.Contains("第2行"));
        Assert.Contains(errors, e => e.Row == 4 && e.Column == CatalogueSheet.Kind);
        Assert.Contains(errors, e => e.Row == 5 && e.Column == CatalogueSheet.BasisDocument);
        Assert.Contains(errors, e => e.Row == 6 && e.Column == CatalogueSheet.Parent);
        Assert.Contains(errors, e => e.Row == 7 && e.Column == CatalogueSheet.RetiredReason);
        Assert.Contains(errors, e => e.Row == 8 && e.Column == CatalogueSheet.Code);
    }

    [Fact]
    public void MissingColumns_AreReportedOnTheHeaderRow()
    {
        var (_, errors) = CatalogueSheet.Parse([Row("A")], ["过筛编码", "事项名称"], Today);
        Assert.Equal(1, Assert.Single(errors).Row);
    }
}
