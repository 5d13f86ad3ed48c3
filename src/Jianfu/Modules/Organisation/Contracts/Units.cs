namespace Jianfu.Modules.Organisation.Contracts;

public enum UnitLevel
{
    District,
    Township,
    Community,
}

public enum UnitKind
{
    District,
    Town,
    Subdistrict,
    Village,
    Residential,
}

/// <summary>What other modules may know of a unit. <c>Path</c> is the chain of codes from the district down,
/// so "is inside" is a prefix test.</summary>
public sealed record UnitInfo(int Id, string Code, string Name, UnitLevel Level, UnitKind Kind, int? ParentId, string Path, int DistrictId)
{
    public bool IsWithin(string scopePath) => Path.StartsWith(scopePath, StringComparison.Ordinal);

    /// <summary>The office's position (WGS84), where the administrator has given it.</summary>
    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public string? Address { get; init; }
}

public sealed record DepartmentInfo(int Id, string Name, int UnitId, string UnitName, UnitLevel UnitLevel);

/// <summary>One role of the signed-in user, with the unit (and department) it is scoped to.</summary>
public sealed record GrantInfo(Role Role, UnitInfo Unit, DepartmentInfo? Department);

public static class UnitLevelNames
{
    public static string ApiName(this UnitLevel level) => level switch
    {
        UnitLevel.District => "district",
        UnitLevel.Township => "township",
        _ => "community",
    };

    public static string Chinese(this UnitKind kind) => kind switch
    {
        UnitKind.District => "区/县",
        UnitKind.Town => "镇",
        UnitKind.Subdistrict => "街道",
        UnitKind.Village => "村",
        _ => "社区",
    };
}
