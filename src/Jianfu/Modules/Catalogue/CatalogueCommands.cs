using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Catalogue;

/// <summary>`jianfu import catalogue`: loads a year's list from Excel on a new installation, before anyone can sign in.</summary>
public static class CatalogueCommands
{
    private const string Actor = "命令行";

    public sealed record Outcome(bool Succeeded, IReadOnlyList<string> Lines);

    public static async Task<Outcome> ImportAsync(IServiceProvider services, Stream xlsx, string districtCode, int year, bool publish, CancellationToken ct)
    {
        var db = services.GetRequiredService<JianfuDbContext>();
        var district = await services.GetRequiredService<IOrganisationDirectory>().FindUnitAsync(districtCode, ct);
        if (district is not { Level: UnitLevel.District })
        {
            return new Outcome(false, [$"区县代码“{districtCode}”不存在,请先导入行政区划。"]);
        }

        var version = await db.CatalogueVersions.Include(v => v.Items).FirstOrDefaultAsync(v => v.DistrictId == district.Id && v.Year == year, ct);
        if (version is { Status: not VersionStatus.Draft })
        {
            return new Outcome(false, [$"{year}年版已发布或已废止,只能导入到草稿。"]);
        }

        var now = services.GetRequiredService<TimeProvider>().UtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (version is null)
        {
            version = new CatalogueVersion { DistrictId = district.Id, Year = year, Title = $"{district.Name}涉村(社区)工作事项清单({year}年版)", Status = VersionStatus.Draft, CreatedAt = now };
            db.CatalogueVersions.Add(version);
            await db.SaveChangesAsync(ct);
        }

        var result = await ImportCatalogue.IntoDraftAsync(db, version, xlsx, Actor, DateOnly.FromDateTime(now), now, ct);
        if (result.Errors.Count > 0)
        {
            return new Outcome(false, [$"导入失败,未做任何修改:共{result.Errors.Count}处错误。", .. result.Errors.Select(e => "  " + e)]);
        }

        var lines = new List<string> { $"已导入{result.Imported}项到{year}年版草稿。" };
        if (publish)
        {
            if (await PublishVersion.PublishAsync(db, version, Actor, now, ct) is { } error)
            {
                return new Outcome(false, ["未发布,未做任何修改:" + error.Message]);
            }

            lines.Add($"{year}年版已发布。");
        }

        await tx.CommitAsync(ct);
        return new Outcome(true, lines);
    }
}
