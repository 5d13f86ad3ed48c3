using Jianfu.Modules.Cases;

namespace Jianfu.Tests.Modules.Cases;

public sealed class SnippetTests
{
    [Fact]
    public void Snippet_MarksTheMatchedWords_InTheBestWindow_AndEncodesTheRest()
    {
        var text = new string('甲', 200) + "楼道电动车<b>充电</b>隐患" + new string('乙', 200);
        var html = CaseIndex.Snippet(text, new HashSet<string> { "充电", "电动", "动车" }, 40);
        Assert.StartsWith("…", html);
        Assert.EndsWith("…", html);
        Assert.Contains("<mark>电动车</mark>", html);
        Assert.Contains("&lt;b&gt;<mark>充电</mark>&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>", html);
    }
}
