using System.Text.Json;
using Jianfu.Modules.Registry.Domain;

namespace Jianfu.Tests.Modules.Registry;

/// <summary>Full years of age (周岁) and "turns N within M months", with 29 February and year ends.</summary>
public sealed class BirthdayTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("1936-12-01", "2026-12-01", 90)]
    [InlineData("1936-12-02", "2026-12-01", 89)]
    [InlineData("1936-02-29", "2026-02-28", 89)]
    [InlineData("1936-02-29", "2026-03-01", 90)]
    [InlineData("1936-02-29", "2028-02-29", 92)]
    [InlineData("1936-12-31", "2026-12-31", 90)]
    [InlineData("1936-12-31", "2027-01-01", 90)]
    [InlineData("1937-01-01", "2026-12-31", 89)]
    public void Age_IsInFullYears_And29FebruaryCompletesOn1March(string birth, string on, int age) => Assert.Equal(age, Birthdays.Age(D(birth), D(on)));

    [Theory]
    [InlineData("1936-12-01", "2026-12-01", true)]   // today
    [InlineData("1937-03-01", "2026-12-01", true)]   // the last day of the window
    [InlineData("1937-03-02", "2026-12-01", false)]
    [InlineData("1936-11-30", "2026-12-01", false)]  // turned 90 yesterday
    [InlineData("1937-02-28", "2026-11-28", true)]   // the window ends 28 February 2027
    public void TurnsWithinThreeMonths_IsExact(string birth, string today, bool expected)
    {
        Assert.Equal(expected, Birthdays.TurnsWithin(D(birth), 90, 3, D(today)));
    }

    [Fact]
    public void ABirthOn29February_TurnsNinetyOn1MarchOfACommonYear_AndIsInTheWindowThatStartsThen()
    {
        var birth = D("1936-02-29");
        Assert.Equal(D("2026-03-01"), Birthdays.Reaches(birth, 90));
        Assert.True(Birthdays.TurnsWithin(birth, 90, 3, D("2026-03-01")));
        Assert.True(Birthdays.TurnsWithin(birth, 90, 3, D("2025-12-01")));
        Assert.False(Birthdays.TurnsWithin(birth, 90, 3, D("2026-03-02")));
        // The index range reaches it too: the early end is a day wider than plain subtraction.
        var (from, to) = Birthdays.BirthsTurningWithin(90, 3, D("2026-03-01"));
        Assert.InRange(birth, from, to);
        // In a leap year it is the day itself.
        Assert.Equal(D("2024-02-29"), Birthdays.Reaches(D("1944-02-29"), 80));
    }

    [Fact]
    public void TheIndexRange_HoldsEveryoneTheExactRuleTakes_OverFourYearsOfDays()
    {
        for (var today = D("2026-01-01"); today < D("2030-01-01"); today = today.AddDays(1))
        {
            var (from, to) = Birthdays.BirthsTurningWithin(90, 3, today);
            for (var birth = from.AddDays(-3); birth <= to.AddDays(3); birth = birth.AddDays(1))
            {
                if (Birthdays.TurnsWithin(birth, 90, 3, today))
                {
                    Assert.InRange(birth, from, to);
                }
            }

            Assert.True(Birthdays.Age(Birthdays.BornByForAge(80, today), today) >= 80);
            Assert.True(Birthdays.Age(Birthdays.BornByForAge(80, today).AddDays(1), today) < 80);
        }
    }

    [Theory]
    [InlineData("""{"field":"age","op":"turns-within-months","value":[90,3]}""", null)]
    [InlineData("""{"field":"age","op":">=","value":80}""", null)]
    [InlineData("""{"field":"tags","op":"has-tag","value":"独居"}""", null)]
    [InlineData("""{"field":"residence","op":"in","value":["租住","寄住"]}""", null)]
    [InlineData("""{"field":"age","op":"turns-within-months","value":[90]}""", "[年龄, 月数]")]
    [InlineData("""{"field":"age","op":">=","value":"八十"}""", "整数")]
    [InlineData("""{"field":"salary","op":">=","value":1}""", "没有“salary”")]
    [InlineData("""{"field":"name","op":"has-tag","value":"x"}""", "不能用“has-tag”")]
    [InlineData("""{"field":"residence","op":"=","value":"借住"}""", "自住")]
    [InlineData("""{"field":"sex","op":"=","value":"M"}""", "男")]
    [InlineData("""{"field":"birthDate","op":">=","value":"1936/1/1"}""", "yyyy-MM-dd")]
    [InlineData("""{"field":"name","op":"=","value":"x' OR 1=1 --"}""", null)]
    public void AConditionOutsideTheVocabulary_GetsAChineseMessage(string json, string? message)
    {
        var condition = JsonSerializer.Deserialize<LedgerCondition>(json, JsonSerializerOptions.Web)!;
        var read = LedgerQuery.Read([condition]);
        if (message is null)
        {
            Assert.True(read.IsSuccess, read.Error?.Message);
        }
        else
        {
            Assert.False(read.IsSuccess);
            Assert.Contains("第1个条件", read.Error!.Message);
            Assert.Contains(message, read.Error.Message);
        }
    }

    [Fact]
    public void NoConditions_OrAnUnknownColumn_AreRefused()
    {
        Assert.False(LedgerQuery.Read([]).IsSuccess);
        Assert.Contains("salary", LedgerQuery.ReadColumns(["name", "salary"]).Error!.Message);
        Assert.Equal(LedgerQuery.DefaultColumns, LedgerQuery.ReadColumns(null).Value);
    }
}
