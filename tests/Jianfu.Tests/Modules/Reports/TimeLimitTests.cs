using Jianfu.Modules.Reports.Domain;
using Microsoft.Extensions.Configuration;

namespace Jianfu.Tests.Modules.Reports;

public sealed class TimeLimitTests
{
    [Fact]
    public void DistrictSettings_OverrideTheInstallationDefaults()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Jianfu:Reports:VerifyDays"] = "4",
            ["Jianfu:Reports:Districts:330602:RectifyDays"] = "10",
        }).Build();
        Assert.Equal(new ReportTimeLimits(4, 10), ReportTimeLimits.For(config, "330602"));
        Assert.Equal(new ReportTimeLimits(4, 15), ReportTimeLimits.For(config, "310104"));
        Assert.Equal(new ReportTimeLimits(5, 15), ReportTimeLimits.For(new ConfigurationBuilder().Build(), "330602"));
    }
}
