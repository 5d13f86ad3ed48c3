using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Registry;

/// <summary>
/// Who reads which residents, and how much of them (个人信息保护法 第六条: the minimum needed). The district's data keeper
/// reads the district in full; a community's secretary and cadres read their own community, with ID numbers masked and
/// phones in full (they call on the residents); a township's deputy secretary reads the township with both masked.
/// Nobody else reads the registry: departments ask for data through a data request. Every read is logged.
/// </summary>
internal sealed class RegistryAccess(JianfuDbContext db, ICurrentUserAccessor current, IOrganisationDirectory directory, TimeProvider time)
{
    /// <summary>How a reader sees a unit's residents.</summary>
    public sealed record Reader(CurrentUser User, UnitInfo Scope, bool FullIdNumbers, bool FullPhones);

    public Task<CurrentUser> UserAsync(CancellationToken ct) => current.GetAsync(ct);

    public IOrganisationDirectory Directory => directory;

    public static bool Keeps(CurrentUser user, UnitInfo unit) => user.CanAct(Role.DataKeeper, unit);

    /// <summary>The district whose registry the user keeps (imports, the import records), or null.</summary>
    public static UnitInfo? KeptDistrict(CurrentUser user) =>
        user.Grants.Where(g => g.Role == Role.DataKeeper && g.Unit.Level == UnitLevel.District).Select(g => g.Unit).FirstOrDefault();

    /// <summary>How <paramref name="user"/> reads <paramref name="scope"/>'s residents, or null when not at all.</summary>
    public static Reader? ReaderOf(CurrentUser user, UnitInfo scope)
    {
        if (Keeps(user, scope))
        {
            return new Reader(user, scope, true, true);
        }

        if (user.Grants.Any(g => g.Role is Role.Secretary or Role.Cadre && g.Unit.Level == UnitLevel.Community && scope.IsWithin(g.Unit.Path)))
        {
            return new Reader(user, scope, false, true);
        }

        return user.Grants.Any(g => g.Role == Role.Reviewer && g.Unit.Level == UnitLevel.Township && scope.IsWithin(g.Unit.Path))
            ? new Reader(user, scope, false, false)
            : null;
    }

    /// <summary>The units whose residents the user reads: the widest of each grant.</summary>
    public static IEnumerable<UnitInfo> ReadableUnits(CurrentUser user) =>
        user.Grants.Where(g => ReaderOf(user, g.Unit) is not null).Select(g => g.Unit).DistinctBy(u => u.Id);

    /// <summary>The unit named by <paramref name="code"/>, as the user may read it.</summary>
    public async Task<Result<Reader>> ReaderAsync(string? code, CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        var unit = string.IsNullOrWhiteSpace(code) ? null : await directory.FindUnitAsync(code.Trim(), ct);
        if (unit is null)
        {
            return Error.Validation("scope", "请填写村(社区)、镇街或区的单位代码。");
        }

        return ReaderOf(user, unit) is { } reader ? reader : Error.Forbidden($"您无权查看{unit.Name}的居民信息;职能部门需要数据请提交数据申请。");
    }

    /// <summary>Adds the log entry of a read; the caller's save writes it with whatever else it saves.</summary>
    public void Log(CurrentUser user, int districtId, AccessKind kind, string what, string scopeCode, int rows) =>
        Log(user.UserId ?? "", user.DisplayName, districtId, kind, what, scopeCode, rows);

    /// <summary>The same for an actor who is not a signed-in user (the command line, the demo).</summary>
    public void Log(string userId, string userName, int districtId, AccessKind kind, string what, string scopeCode, int rows) =>
        db.RegistryAccessLog.Add(new AccessLogEntry
        {
            DistrictId = districtId, At = time.UtcNow(), UserId = userId, UserName = userName, Kind = kind,
            What = what.Length > 500 ? what[..500] : what, ScopeCode = scopeCode, Rows = rows,
        });

    public static string Shown(string? value, bool full, Func<string, string> mask) => value is null ? "" : full ? value : mask(value);
}
