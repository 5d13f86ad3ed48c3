using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Organisation.Domain;

namespace Jianfu.Tests.Modules.Organisation;

public sealed class UnitKindTests
{
    [Theory]
    [InlineData("330602", "越城区", UnitKind.District)]
    [InlineData("330602001", "塔山街道", UnitKind.Subdistrict)]
    [InlineData("330602108", "富盛镇", UnitKind.Town)]
    [InlineData("330602108001", "富盛居委会", UnitKind.Residential)]
    [InlineData("330602001004", "花园社区", UnitKind.Residential)]
    [InlineData("330602108200", "富盛村委会", UnitKind.Village)]
    public void KindFollowsTheNbsCodeAndName(string code, string name, UnitKind kind) => Assert.Equal(kind, Unit.KindOf(code, name));

    [Theory]
    [InlineData("33", null)]
    [InlineData("330602", UnitLevel.District)]
    [InlineData("330602108", UnitLevel.Township)]
    [InlineData("330602108200", UnitLevel.Community)]
    public void LevelFollowsTheCodeLength(string code, UnitLevel? level) => Assert.Equal(level, Unit.LevelOfCode(code));
}
