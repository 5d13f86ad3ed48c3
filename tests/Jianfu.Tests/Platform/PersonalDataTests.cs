using Jianfu.Platform.Text;

namespace Jianfu.Tests.Platform;

public sealed class PersonalDataTests
{
    [Theory]
    [InlineData("有事打我电话13812345678谢谢", "有事打我电话138****5678谢谢")]
    [InlineData("手机 +86 13912345678", "手机 +86 139****5678")]
    [InlineData("村委会座机0575-88123456", "村委会座机0575-****3456")]
    [InlineData("身份证号330602198001011234", "身份证号330602********1234")]
    [InlineData("身份证 33060219800101123X 已核", "身份证 330602********123X 已核")]
    [InlineData("邮箱 zhang.san@example.com 收", "邮箱 z***@example.com 收")]
    [InlineData("2026年11月发的第3号文件,共128户", "2026年11月发的第3号文件,共128户")]
    [InlineData("工单编号12345678901234567890", "工单编号12345678901234567890")]
    public void Mask_HidesPhonesIdNumbersAndEmails_AndLeavesOtherNumbers(string text, string masked) =>
        Assert.Equal(masked, PersonalData.Mask(text));
}
