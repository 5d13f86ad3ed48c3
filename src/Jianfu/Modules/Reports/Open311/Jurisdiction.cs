using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports.Open311;

/// <summary>A jurisdiction_id as Jianfu reads it, for writes and reads alike: a district's 6-digit code, or a poster's token.</summary>
internal static class Jurisdiction
{
    public static bool IsDistrictCode(string id) => id.Length == 6 && id.All(char.IsAsciiDigit);

    public static async Task<Result<UnitInfo>> DistrictAsync(IOrganisationDirectory directory, string code, CancellationToken ct) =>
        await directory.FindUnitAsync(code, ct) is { Level: UnitLevel.District } district
            ? district
            : Error.NotFound($"jurisdiction_id“{code}”不是本系统的区县代码。");

    /// <param name="inForceOnly">A report is taken only through a poster in force; past reports are listed by a revoked one too.</param>
    public static async Task<ReportLocation?> PosterAsync(JianfuDbContext db, string token, bool inForceOnly, CancellationToken ct) =>
        token.Length <= 32
            ? await db.ReportLocations.AsNoTracking().FirstOrDefaultAsync(l => l.Token == token && (!inForceOnly || l.IsActive), ct)
            : null;
}
