namespace Jianfu.Modules.Registry.Domain;

/// <summary>An enterprise (企业) in a community, keyed by its unified social credit code.</summary>
internal sealed class Enterprise
{
    public long Id { get; set; }

    public int DistrictId { get; set; }

    public int CommunityId { get; set; }

    public int? GridId { get; set; }

    public required string Name { get; set; }

    public required string CreditCode { get; set; }

    public required string Address { get; set; }

    public string? Contact { get; set; }

    public string? Phone { get; set; }

    /// <summary>Why a code that fails its check character was kept, or null.</summary>
    public string? CodeOverride { get; set; }
}

/// <summary>A shop (商铺) in a community: its operator and licence, and whether it faces the street (沿街).</summary>
internal sealed class Shop
{
    public long Id { get; set; }

    public int DistrictId { get; set; }

    public int CommunityId { get; set; }

    public int? GridId { get; set; }

    public required string Name { get; set; }

    public required string Operator { get; set; }

    public string? LicenceCode { get; set; }

    public required string Address { get; set; }

    public bool StreetFacing { get; set; }

    public string? Phone { get; set; }

    /// <summary>Why a licence code that fails its check character was kept, or null.</summary>
    public string? CodeOverride { get; set; }
}
