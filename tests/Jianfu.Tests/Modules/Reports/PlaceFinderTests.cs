using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Modules.Reports.Open311;

namespace Jianfu.Tests.Modules.Reports;

/// <summary>How a city-wide 311 report finds its township or community from what the client wrote.</summary>
public sealed class PlaceFinderTests
{
    private static readonly UnitInfo Fusheng = new(1, "330602108", "富盛镇", UnitLevel.Township, UnitKind.Town, 0, "330602/330602108/", 0) { Latitude = 29.9420, Longitude = 120.7495 };
    private static readonly UnitInfo Taoyan = new(2, "330602016", "陶堰街道", UnitLevel.Township, UnitKind.Subdistrict, 0, "330602/330602016/", 0);

    private static readonly UnitInfo[] Units =
    [
        Fusheng, Taoyan,
        new(11, "330602108200", "富盛村委会", UnitLevel.Community, UnitKind.Village, 1, "330602/330602108/330602108200/", 0),
        new(12, "330602108001", "富盛居委会", UnitLevel.Community, UnitKind.Residential, 1, "330602/330602108/330602108001/", 0),
        new(13, "330602108231", "义峰村村民委员会", UnitLevel.Community, UnitKind.Village, 1, "330602/330602108/330602108231/", 0) { Latitude = 29.9321, Longitude = 120.7262 },
        new(14, "330602108240", "新村村委会", UnitLevel.Community, UnitKind.Village, 1, "330602/330602108/330602108240/", 0),
        new(21, "330602016240", "新村村委会", UnitLevel.Community, UnitKind.Village, 2, "330602/330602016/330602016240/", 0),
    ];

    private static string? Found(string? address = null, string? addressId = null, double? lat = null, double? lon = null, string? community = null)
    {
        var attributes = community is null ? new Dictionary<string, string[]>() : new Dictionary<string, string[]> { ["community"] = [community] };
        var origin = new ReportOrigin("test", null, lat, lon, address, addressId, null, attributes, new ReportSubmitter(null, null, null, null, null));
        var found = PlaceFinder.Find(Units, origin, 3000);
        return found.IsSuccess ? found.Value.Code : null;
    }

    [Theory]
    [InlineData("富盛镇义峰村文化礼堂", "330602108231")]
    [InlineData("义峰村", "330602108231")]
    [InlineData("富盛镇富盛村村委会", "330602108200")]
    [InlineData("富盛社区居委会门口", "330602108001")]
    [InlineData("富盛镇政府三楼", "330602108")]
    [InlineData("陶堰街道新村", "330602016240")]
    [InlineData("富盛镇 新村", "330602108240")]
    public void AddressString_NamesTheUnit_AsPeopleWriteIt(string address, string expected) => Assert.Equal(expected, Found(address));

    [Fact]
    public void ANameTwoTownshipsShare_WithoutItsTownship_IsRefused_NotGuessed() => Assert.Null(Found("新村村口"));

    [Fact]
    public void TheAttribute_ComesFirst_ThenTheAddressId_ThenCoordinates_ThenTheAddress()
    {
        Assert.Equal("330602016", Found(address: "义峰村", community: "陶堰街道"));
        Assert.Equal("330602108200", Found(address: "义峰村", addressId: "330602108200"));
        Assert.Equal("330602108231", Found(address: "富盛镇政府", lat: 29.9330, lon: 120.7270));
        Assert.Equal("330602108", Found(lat: 29.9415, lon: 120.7490));
        Assert.Null(Found(lat: 31.2304, lon: 121.4737));
        Assert.Null(Found(community: "不存在村"));
    }

    [Fact]
    public void Metres_IsTheGreatCircleDistance() =>
        // 绍兴 to 杭州 (city halls) is about 46 km as the crow flies.
        Assert.InRange(PlaceFinder.Metres(30.0023, 120.5810, 30.2741, 120.1551) / 1000, 45, 52);
}
