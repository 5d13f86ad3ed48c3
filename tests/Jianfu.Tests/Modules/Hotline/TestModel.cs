using Jianfu.Modules.Hotline.Routing;

namespace Jianfu.Tests.Modules.Hotline;

/// <summary>A small routing model trained once per test run: a community item, an excluded item and two departments.</summary>
internal static class TestModel
{
    private static readonly Lazy<byte[]> File = new(() => RoutingClassifier.Train(Rows(), "test-1").ToBytes());

    public static byte[] Bytes => File.Value;

    public static List<LabelledText> Rows()
    {
        string[] people = ["我父亲", "我母亲", "我家老人", "隔壁大爷", "我奶奶", "我外公"];
        string[] places = ["解放路", "胜利西路", "中兴中路", "府山街道", "塔山", "城南"];
        var rows = new List<LabelledText>();
        for (var i = 0; i < 36; i++)
        {
            var who = people[i % people.Length];
            var where = places[i % places.Length];
            rows.Add(new($"a{i}", $"{who}今年满{60 + i % 20}周岁,想办理老年人优待证,请问需要什么材料", "XZ-01-01"));
            rows.Add(new($"b{i}", $"{where}小区{i % 9 + 1}号楼房屋墙体开裂漏水,开发商不维修,房屋质量问题", "区住房和城乡建设局"));
            rows.Add(new($"c{i}", $"{where}有人在村里强行摊派招商引资任务,要求每户介绍投资项目{i % 5 + 1}个", "FM-21"));
            rows.Add(new($"d{i}", $"{who}去世后殡葬火化和公墓安葬怎么办理,{where}殡仪馆收费问题", "区民政局"));
        }

        return rows;
    }
}
