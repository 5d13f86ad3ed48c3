namespace Jianfu.Modules.Registry.Domain;

/// <summary>The level that set a tag (DB31DSJ/Z 004—2026: city, district, subdistrict, community).</summary>
internal enum TagLevel
{
    City = 1,
    District = 2,
    Township = 3,
    Community = 4,
}

/// <summary>A resident tag (标签) in a business group (民政, 卫健, 退役军人 …), set at one level: 高龄, 独居, 残疾, 低保 ….</summary>
internal sealed class Tag
{
    public int Id { get; set; }

    public int DistrictId { get; set; }

    public required string Name { get; set; }

    public required string Group { get; set; }

    public TagLevel Level { get; set; }

    /// <summary>The tags a district starts with: name, group.</summary>
    public static readonly (string Name, string Group)[] Defaults =
    [
        ("高龄", "民政"), ("独居", "民政"), ("空巢", "民政"), ("低保", "民政"), ("特困", "民政"), ("残疾", "残联"),
        ("退役军人", "退役军人"), ("慢性病", "卫健"), ("孕产妇", "卫健"), ("重点青少年", "综治"),
    ];
}

internal sealed class ResidentTag
{
    public long ResidentId { get; set; }

    public int TagId { get; set; }
}
