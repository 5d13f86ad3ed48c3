namespace Jianfu.Modules.Registry.Domain;

/// <summary>One row of an enterprises or shops file, read and checked; <see cref="Key"/> finds it again on re-import.</summary>
internal sealed record BusinessRow(
    string Key, string Name, string? Operator, string? Code, string? CodeOverride, int DistrictId, int CommunityId, string? Grid, string Address, string? Contact,
    string? Phone, bool StreetFacing)
{
    /// <summary>The row's number in the file.</summary>
    public int Row { get; init; }
}

/// <summary>
/// The columns of an enterprises file (企业: name, unified social credit code, address, contact) and of a shops file
/// (商铺: name, operator, licence — an individual business's credit code —, address, street-facing), and the checks of
/// each row. An enterprise is found again by its credit code; a shop by its licence code, or by community, name and
/// address when it has none.
/// </summary>
internal static class BusinessFile
{
    public static readonly FileShape Enterprises = new(
        [
            ("name", ["企业名称", "名称", "name"]), ("creditCode", ["统一社会信用代码", "信用代码", "creditcode"]), ("community", ["村社区代码", "社区代码", "community"]),
            ("grid", ["网格", "grid"]), ("address", ["地址", "经营地址", "address"]), ("contact", ["联系人", "contact"]), ("phone", ["联系电话", "电话", "phone"]),
            ("codeOverride", ["校验说明", "codeoverride"]),
        ],
        [0, 1, 2, 4],
        "表头应包含“企业名称”“统一社会信用代码”“村社区代码”“地址”(可选:网格、联系人、联系电话、校验说明)。");

    public static readonly FileShape Shops = new(
        [
            ("name", ["店名", "商铺名称", "名称", "name"]), ("operator", ["经营者", "operator"]), ("licenceCode", ["营业执照号码", "统一社会信用代码", "licencecode"]),
            ("community", ["村社区代码", "社区代码", "community"]), ("grid", ["网格", "grid"]), ("address", ["地址", "经营地址", "address"]),
            ("streetFacing", ["是否沿街", "沿街", "streetfacing"]), ("phone", ["联系电话", "电话", "phone"]), ("codeOverride", ["校验说明", "codeoverride"]),
        ],
        [0, 1, 3, 5],
        "表头应包含“店名”“经营者”“村社区代码”“地址”(可选:营业执照号码、网格、是否沿街、联系电话、校验说明)。");

    public static FileShape Shape(ImportKind kind) => kind == ImportKind.Enterprises ? Enterprises : Shops;

    /// <summary>The row checked against the district's communities, or the Chinese reason it cannot be stored.</summary>
    public static BusinessRow? Check(ImportKind kind, Func<int, string?> field, IReadOnlyDictionary<string, (int District, int Township, int Community)> communities, out string? error)
    {
        var enterprise = kind == ImportKind.Enterprises;
        string? Get(int i) => field(i)?.Trim() is { Length: > 0 } v ? v : null;
        var (nameAt, codeAt, communityAt, gridAt, addressAt, phoneAt, overrideAt) = enterprise ? (0, 1, 2, 3, 4, 6, 7) : (0, 2, 3, 4, 5, 7, 8);
        error = null;
        var name = Get(nameAt);
        if (name is null || name.Length > 100)
        {
            error = name is null ? (enterprise ? "企业名称不能为空" : "店名不能为空") : "名称不超过100字";
            return null;
        }

        var op = enterprise ? null : Get(1);
        if (!enterprise && (op is null || op.Length > 50))
        {
            error = op is null ? "经营者不能为空" : "经营者不超过50字";
            return null;
        }

        string? code = null;
        var codeOverride = Get(overrideAt);
        if (Get(codeAt) is not null || enterprise)
        {
            if (!CreditCode.TryRead(Get(codeAt), out var read, out var checkHolds, out error))
            {
                error = enterprise ? error : error!.Replace("统一社会信用代码", "营业执照号码(统一社会信用代码)", StringComparison.Ordinal);
                return null;
            }

            if (!checkHolds && codeOverride is null)
            {
                error = $"{(enterprise ? "统一社会信用代码" : "营业执照号码")}“{read}”校验位不符(按前17位应为{CreditCode.CheckOf(read)});如核实无误,请在“校验说明”列写明原因";
                return null;
            }

            (code, codeOverride) = (read, checkHolds ? null : codeOverride);
        }
        else
        {
            codeOverride = null;
        }

        if (Get(communityAt) is not { } community || !communities.TryGetValue(community, out var place))
        {
            error = $"村社区代码“{Get(communityAt)}”不是本区的村(社区)";
            return null;
        }

        var address = Get(addressAt);
        if (address is null || address.Length > RegistryLimits.Address)
        {
            error = address is null ? "地址不能为空" : $"地址不超过{RegistryLimits.Address}字";
            return null;
        }

        var phone = PhoneNumber.Normalise(Get(phoneAt), out error);
        if (error is not null)
        {
            return null;
        }

        var streetFacing = false;
        if (!enterprise && Get(6) is { } facing)
        {
            if (Flag(facing) is not { } yes)
            {
                error = $"是否沿街“{facing}”应为“是”或“否”";
                return null;
            }

            streetFacing = yes;
        }

        var (grid, contact) = (Get(gridAt), enterprise ? Get(5) : null);
        if (grid?.Length > RegistryLimits.GridName || contact?.Length > 50 || codeOverride?.Length > 200)
        {
            error = $"网格不超过{RegistryLimits.GridName}字,联系人不超过50字,校验说明不超过200字";
            return null;
        }

        var key = code ?? $"{place.Community}|{name}|{address}";
        return new BusinessRow(key, name, op, code, codeOverride, place.District, place.Community, grid, address, contact, phone, streetFacing);
    }

    /// <summary>是/否 as a yes or a no (also 沿街/不沿街, true/false, 1/0), or null.</summary>
    public static bool? Flag(string text) => text.Trim() switch
    {
        "是" or "沿街" or "true" or "1" or "Y" or "y" => true,
        "否" or "不沿街" or "false" or "0" or "N" or "n" => false,
        _ => null,
    };
}
