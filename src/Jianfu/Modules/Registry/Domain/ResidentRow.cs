using Jianfu.Platform.Time;

namespace Jianfu.Modules.Registry.Domain;

/// <summary>One row of a residents file, read and checked: what the bulk writer stores.</summary>
internal sealed record ResidentRow(
    string IdNumber, string Name, Sex Sex, DateOnly BirthDate, string? Phone, string? Household, int DistrictId, int TownshipId, int CommunityId,
    string? Grid, string? HouseAddress, string? Building, string? Unit, string? Room, Residence Residence, DateOnly? ResidenceFrom, string? IdOverride,
    IReadOnlyList<int> TagIds)
{
    public string? HouseKey { get; } = HouseAddress is null ? null : House.KeyOf(CommunityId, HouseAddress, Building, Unit, Room);

    /// <summary>The house as the import finds it in its community (<see cref="House.KeyHash"/>), or null for a row without an address.</summary>
    public long? HouseHash { get; } = HouseAddress is null ? null : House.HashOf(House.KeyOf(CommunityId, HouseAddress, Building, Unit, Room));

    public string? Address { get; } = HouseAddress is null ? null : House.Text(HouseAddress, Building, Unit, Room);
}

/// <summary>The columns of a residents file (Chinese headings, or the API's names), and the checks of each row.</summary>
internal static class ResidentFile
{
    public static readonly (string Field, string[] Headers)[] Fields =
    [
        ("name", ["姓名", "name"]), ("idNumber", ["公民身份号码", "身份证号", "身份证号码", "idnumber"]), ("phone", ["联系电话", "电话", "phone"]),
        ("household", ["户号", "household"]), ("community", ["村社区代码", "社区代码", "community"]), ("grid", ["网格", "grid"]),
        ("address", ["地址", "住址", "address"]), ("building", ["楼栋", "幢", "building"]), ("unit", ["单元", "unit"]), ("room", ["室", "房号", "room"]),
        ("residence", ["居住关系", "residence"]), ("residenceFrom", ["居住起始日期", "residencefrom"]), ("tags", ["标签", "tags"]),
        ("idOverride", ["校验说明", "idoverride"]),
    ];

    /// <summary>The tags column's field index: a file with it replaces each resident's tags.</summary>
    public const int TagsField = 12;

    public static readonly FileShape Shape = new(Fields, [0, 1, 4],
        "表头应包含“姓名”“公民身份号码”“村社区代码”(可选:联系电话、户号、网格、地址、楼栋、单元、室、居住关系、居住起始日期、标签、校验说明)。");

    /// <summary>The row checked against the district's communities and tags, or the Chinese reason it cannot be stored.</summary>
    public static ResidentRow? Check(
        Func<int, string?> field, DateOnly today, IReadOnlyDictionary<string, (int District, int Township, int Community)> communities,
        IReadOnlyDictionary<string, int> tags, out string? error)
    {
        string? Get(int i) => field(i)?.Trim() is { Length: > 0 } v ? v : null;
        error = null;
        var name = Get(0);
        if (name is null || name.Length > Resident.MaxName)
        {
            error = name is null ? "姓名不能为空" : $"姓名不超过{Resident.MaxName}字";
            return null;
        }

        if (!CitizenId.TryRead(Get(1), today, out var id, out var checkHolds, out error))
        {
            return null;
        }

        var idOverride = Get(13);
        if (!checkHolds && idOverride is null)
        {
            error = $"公民身份号码“{id.Number}”校验位不符(按前17位应为{CitizenId.CheckOf(id.Number)});如核实无误,请在“校验说明”列写明原因";
            return null;
        }

        var phone = PhoneNumber.Normalise(Get(2), out error);
        if (error is not null)
        {
            return null;
        }

        if (Get(4) is not { } code || !communities.TryGetValue(code, out var place))
        {
            error = $"村社区代码“{Get(4)}”不是本区的村(社区)";
            return null;
        }

        var residence = Residence.Own;
        if (Get(10) is { } kind)
        {
            if (ResidenceNames.Parse(kind) is not { } parsed)
            {
                error = $"居住关系“{kind}”应为自住、租住或寄住";
                return null;
            }

            residence = parsed;
        }

        DateOnly? from = null;
        if (Get(11) is { } fromText)
        {
            var date = DateText.Parse(fromText, "residenceFrom", "居住起始日期");
            if (!date.IsSuccess)
            {
                error = date.Error!.Message.TrimEnd('。');
                return null;
            }

            from = date.Value;
        }

        var tagIds = new List<int>();
        foreach (var tag in (Get(12) ?? "").Split(['、', ',', '，', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!tags.TryGetValue(tag, out var tagId))
            {
                error = $"标签“{tag}”不在本区的标签目录中";
                return null;
            }

            tagIds.Add(tagId);
        }

        var (household, grid, address, building, unit, room) = (Get(3), Get(5), Get(6), Get(7), Get(8), Get(9));
        if (household?.Length > RegistryLimits.Household || grid?.Length > RegistryLimits.GridName || address?.Length > RegistryLimits.HouseAddress
            || new[] { building, unit, room }.Any(p => p?.Length > RegistryLimits.HousePart) || idOverride?.Length > 200)
        {
            error = $"户号不超过{RegistryLimits.Household}字,网格不超过{RegistryLimits.GridName}字,地址不超过{RegistryLimits.HouseAddress}字,楼栋、单元、室各不超过{RegistryLimits.HousePart}字,校验说明不超过200字";
            return null;
        }

        return new ResidentRow(id.Number, name, id.Sex, id.BirthDate, phone, household, place.District, place.Township, place.Community, grid,
            address, address is null ? null : building, address is null ? null : unit, address is null ? null : room, residence, from, checkHolds ? null : idOverride,
            tagIds.Distinct().ToList());
    }
}
