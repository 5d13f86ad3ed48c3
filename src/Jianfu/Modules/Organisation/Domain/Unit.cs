using Jianfu.Modules.Organisation.Contracts;

namespace Jianfu.Modules.Organisation.Domain;

/// <summary>A district, township or community, identified by its statistical division code (统计用区划代码).</summary>
internal sealed class Unit
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public UnitLevel Level { get; set; }

    public UnitKind Kind { get; set; }

    public int? ParentId { get; set; }

    public Unit? Parent { get; set; }

    /// <summary>Codes from the district down, each followed by '/': "330602/330602108/".</summary>
    public required string Path { get; set; }

    public int DistrictId { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Where the unit's office is (WGS84), so that a 311 report sent with coordinates finds its community.</summary>
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>The office's street address, as the division file or the administrator gives it.</summary>
    public string? Address { get; set; }

    public UnitInfo ToInfo() => new(Id, Code, Name, Level, Kind, ParentId, Path, DistrictId) { Latitude = Latitude, Longitude = Longitude, Address = Address };

    /// <summary>The level a code's length implies (GB/T 2260 district 6 digits, NBS township 9, community 12).</summary>
    public static UnitLevel? LevelOfCode(string code) => code.Length switch
    {
        6 => UnitLevel.District,
        9 => UnitLevel.Township,
        12 => UnitLevel.Community,
        _ => null,
    };

    /// <summary>
    /// NBS 统计用区划代码: in a township code the 7th–9th digits 001–099 are 街道, 100–199 镇, 200–399 乡;
    /// in a community code the last three digits 001–199 are 居民委员会 (社区), 200–399 村民委员会.
    /// </summary>
    public static UnitKind KindOf(string code, string name)
    {
        var level = LevelOfCode(code);
        var suffix = code.Length >= 9 ? int.Parse(code[^3..], System.Globalization.CultureInfo.InvariantCulture) : 0;
        return level switch
        {
            UnitLevel.District => UnitKind.District,
            UnitLevel.Township => name.EndsWith("街道", StringComparison.Ordinal) || suffix < 100 ? UnitKind.Subdistrict : UnitKind.Town,
            _ => name.Contains("村", StringComparison.Ordinal) && !name.Contains("居委会", StringComparison.Ordinal) || suffix >= 200
                ? UnitKind.Village
                : UnitKind.Residential,
        };
    }
}
