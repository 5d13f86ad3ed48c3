namespace Jianfu.Modules.Registry.Domain;

/// <summary>How a resident lives in the house (居住关系, DB31DSJ/Z 004—2026).</summary>
internal enum Residence
{
    Own = 1,
    Rent = 2,
    Lodge = 3,
}

internal static class ResidenceNames
{
    public static string Chinese(this Residence residence) => residence switch
    {
        Residence.Own => "自住",
        Residence.Rent => "租住",
        _ => "寄住",
    };

    public static Residence? Parse(string? text) => text?.Trim() switch
    {
        "自住" or "own" => Residence.Own,
        "租住" or "rent" => Residence.Rent,
        "寄住" or "lodge" => Residence.Lodge,
        _ => null,
    };
}

/// <summary>
/// A resident of a community (社区居民): who they are (sex and birth date read from the ID number), where they live now
/// (house, grid, and how: 自住/租住/寄住, since when), and their tags. Keyed by the ID number: importing again updates.
/// </summary>
internal sealed class Resident
{
    public const int MaxName = 50;

    public long Id { get; set; }

    public int DistrictId { get; set; }

    public int TownshipId { get; set; }

    public int CommunityId { get; set; }

    public int? GridId { get; set; }

    public long? HouseId { get; set; }

    public required string Name { get; set; }

    public required string IdNumber { get; set; }

    public Sex Sex { get; set; }

    public DateOnly BirthDate { get; set; }

    public string? Phone { get; set; }

    /// <summary>The household number (户号) as registered.</summary>
    public string? Household { get; set; }

    public Residence Residence { get; set; }

    public DateOnly? ResidenceFrom { get; set; }

    /// <summary>The address as a person reads it: the house's address, building, unit and room.</summary>
    public string? Address { get; set; }

    /// <summary>Why an ID number that fails its check character was kept (the keeper's recorded override), or null.</summary>
    public string? IdOverride { get; set; }

    public DateTime UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

/// <summary>
/// A residence relation that ended (居住关系 from–to): when an import moves a resident to another house or changes how
/// they live there, the relation they had is closed and kept here, so that the registry answers who lived where, and when.
/// </summary>
internal sealed class PastResidence
{
    public long Id { get; set; }

    public long ResidentId { get; set; }

    public long? HouseId { get; set; }

    public string? Address { get; set; }

    public Residence Residence { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly To { get; set; }

    public DateTime RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>A house (房屋) in a community: an address with building, unit and room; residents live in it.</summary>
internal sealed class House
{
    public long Id { get; set; }

    public int DistrictId { get; set; }

    public int CommunityId { get; set; }

    public int? GridId { get; set; }

    public required string Address { get; set; }

    public string? Building { get; set; }

    public string? Unit { get; set; }

    public string? Room { get; set; }

    /// <summary>The community and the address parts, normalised: one house however often it is imported.</summary>
    public required string Key { get; set; }

    /// <summary>
    /// The key's 64-bit hash (XXH3), unique within the community: what the import looks houses up by. Eight bytes index
    /// and compare much faster than a hundred of address text; two addresses of one community sharing a hash is about
    /// one chance in 10¹⁰ even for 100,000 houses. Houses stored before the hash existed carry −Id until their district's next import.
    /// </summary>
    public long KeyHash { get; set; }

    public static string KeyOf(int communityId, string address, string? building, string? unit, string? room) =>
        $"{communityId}|{address}|{building}|{unit}|{room}";

    public static long HashOf(string key) => unchecked((long)System.IO.Hashing.XxHash3.HashToUInt64(System.Text.Encoding.UTF8.GetBytes(key)));

    public static string Text(string address, string? building, string? unit, string? room) =>
        address + (string.IsNullOrEmpty(building) ? "" : $"{building}幢") + (string.IsNullOrEmpty(unit) ? "" : $"{unit}单元") + (string.IsNullOrEmpty(room) ? "" : $"{room}室");
}

/// <summary>A grid (网格) inside a community, with its grid worker (网格员): who calls on its residents, shops and enterprises.</summary>
internal sealed class Grid : Jianfu.Platform.Database.IVersioned
{
    public const int MaxWorkerName = 50;

    public int Id { get; set; }

    public int CommunityId { get; set; }

    public required string Name { get; set; }

    public string? WorkerName { get; set; }

    /// <summary>The worker's phone, for the ledgers (who takes the milk round).</summary>
    public string? WorkerPhone { get; set; }

    public string? WorkerUserId { get; set; }

    /// <summary>Who last named the worker, and when.</summary>
    public string? WorkerSetBy { get; set; }

    public DateTime? WorkerSetAt { get; set; }

    public int RowVersion { get; set; }

    /// <summary>Names the grid's worker (or none), recorded with who did it and when; the Chinese reason when the name is wrong.</summary>
    public string? AssignWorker(string? name, string? phone, string by, DateTime at)
    {
        name = name?.Trim() is { Length: > 0 } n ? n : null;
        if (name?.Length > MaxWorkerName)
        {
            return $"网格员姓名不超过{MaxWorkerName}字。";
        }

        var normalised = PhoneNumber.Normalise(phone, out var error);
        if (error is not null)
        {
            return error + "。";
        }

        (WorkerName, WorkerPhone, WorkerSetBy, WorkerSetAt) = (name, name is null ? null : normalised, by, at);
        return null;
    }
}

/// <summary>Column lengths the import checks before the database would refuse them.</summary>
internal static class RegistryLimits
{
    public const int Address = 200;
    public const int HouseAddress = 150;
    public const int HousePart = 20;
    public const int GridName = 30;
    public const int Household = 30;
}
