using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Catalogue;

/// <summary>The list keeper (CatalogueAdmin) of a district is the only one who changes its catalogue.</summary>
internal sealed class CatalogueAccess(JianfuDbContext db, ICurrentUserAccessor current, IOrganisationDirectory directory)
{
    public async Task<Result<(CurrentUser User, UnitInfo District)>> RequireKeeperAsync(int districtId, CancellationToken ct)
    {
        var user = await current.GetAsync(ct);
        var district = await directory.FindUnitAsync(districtId, ct);
        if (district is null || district.Level != UnitLevel.District)
        {
            return Error.NotFound("区县不存在。");
        }

        return user.CanAct(Role.CatalogueAdmin, district)
            ? (user, district)
            : Error.Forbidden($"只有{district.Name}的清单管理员可以维护事项清单。");
    }

    public async Task<Result<(CurrentUser User, CatalogueVersion Version)>> RequireKeeperOfVersionAsync(int versionId, bool withItems, CancellationToken ct)
    {
        var query = db.CatalogueVersions.AsQueryable();
        if (withItems)
        {
            query = query.Include(v => v.Items);
        }

        var version = await query.FirstOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null)
        {
            return Error.NotFound($"清单版本{versionId}不存在。");
        }

        var keeper = await RequireKeeperAsync(version.DistrictId, ct);
        return keeper.IsSuccess ? (keeper.Value.User, version) : keeper.Error!;
    }

    public async Task<UnitInfo?> DistrictByCodeAsync(string? code, CancellationToken ct) =>
        code is null ? null : await directory.FindUnitAsync(code, ct) is { Level: UnitLevel.District } d ? d : null;

    public void Record(int districtId, int? versionId, CurrentUser user, DateTime at, string action, string? note = null) =>
        db.CatalogueHistory.Add(new CatalogueHistory { DistrictId = districtId, VersionId = versionId, At = at, Actor = user.DisplayName, Action = action, Note = note });
}
