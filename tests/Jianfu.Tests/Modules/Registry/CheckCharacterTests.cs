using Jianfu.Modules.Registry.Domain;

namespace Jianfu.Tests.Modules.Registry;

/// <summary>The check characters of GB 11643 and GB 32100 on published numbers, and the phone rule.</summary>
public sealed class CheckCharacterTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    [Theory]
    // GB 11643-1999's own examples (附录), and the X check character.
    [InlineData("11010519491231002X", "1949-12-31", "女")]
    [InlineData("440524188001010014", "1880-01-01", "男")]
    [InlineData("11010519491231002x", "1949-12-31", "女")]
    public void APublishedIdNumber_IsRead_WithItsBirthDateAndSex(string number, string birth, string sex)
    {
        Assert.True(CitizenId.TryRead(number, Today, out var id, out var checkHolds, out var error));
        Assert.True(checkHolds);
        Assert.Null(error);
        Assert.Equal(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), id.BirthDate);
        Assert.Equal(sex, id.Sex.Chinese());
        Assert.Equal(number.ToUpperInvariant(), id.Number);
    }

    [Fact]
    public void TheCheckCharacter_OfThePublishedExamples_IsComputed()
    {
        Assert.Equal('X', CitizenId.CheckOf("11010519491231002"));
        Assert.Equal('4', CitizenId.CheckOf("44052418800101001"));
    }

    [Fact]
    public void AWrongCheckCharacter_IsReadButFlagged()
    {
        Assert.True(CitizenId.TryRead("110105194912310021", Today, out _, out var checkHolds, out var error));
        Assert.False(checkHolds);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("", "不能为空")]
    [InlineData("11010519491231002", "应为18位")]
    [InlineData("1101051949123100AX", "前17位应为数字")]
    [InlineData("11010519490230002X", "不是真实的日期")]
    [InlineData("11010520991231002X", "不是真实的日期")]
    [InlineData("11010519491231002Y", "最后一位")]
    public void ANumberThatCannotBeAnIdNumber_IsRefusedInChinese(string number, string message)
    {
        Assert.False(CitizenId.TryRead(number, Today, out _, out _, out var error));
        Assert.Contains(message, error);
    }

    [Fact]
    public void AnIdNumber_IsMaskedToItsFirstAndLastFour() => Assert.Equal("3306**********1234", CitizenId.Mask("330602195001011234"));

    [Theory]
    // The standard's example (GB 32100-2015 附录) and codes printed on public business licences.
    [InlineData("91350100M000100Y43")]
    [InlineData("914403001922038216")]
    [InlineData("9144030071526726XG")]
    [InlineData("91110000100003495Y")]
    public void APublishedCreditCode_PassesItsCheck(string code)
    {
        Assert.True(CreditCode.TryRead(code, out var read, out var checkHolds, out _));
        Assert.True(checkHolds);
        Assert.Equal(code, read);
    }

    [Theory]
    [InlineData("91350100M000100Y44", null)]
    [InlineData("91350100M000100Y4", "应为18位")]
    [InlineData("91350100M0001O0Y43", "不能有“O”")]
    [InlineData("91350100S000100Y43", "不能有“S”")]
    public void AWrongCreditCode_FailsItsCheck_OrIsRefused(string code, string? message)
    {
        var read = CreditCode.TryRead(code, out _, out var checkHolds, out var error);
        if (message is null)
        {
            Assert.True(read);
            Assert.False(checkHolds);
        }
        else
        {
            Assert.False(read);
            Assert.Contains(message, error);
        }
    }

    [Theory]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("+86-13812345678", "13812345678")]
    [InlineData("１３８１２３４５６７８", "13812345678")]
    [InlineData("0575-85123456", "0575-85123456")]
    [InlineData("01065123456", "010-65123456")]
    public void APhone_IsNormalised(string typed, string kept)
    {
        Assert.Equal(kept, PhoneNumber.Normalise(typed, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("电话13812345678")]
    [InlineData("23812345678")]
    public void NotAPhone_IsRefused(string typed)
    {
        Assert.Null(PhoneNumber.Normalise(typed, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void PhonesAreMasked()
    {
        Assert.Equal("138****5678", PhoneNumber.Mask("13812345678"));
        Assert.Equal("0575-****3456", PhoneNumber.Mask("0575-85123456"));
    }
}
