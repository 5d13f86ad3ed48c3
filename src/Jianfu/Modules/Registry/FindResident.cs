using System.Globalization;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Registry;

/// <summary>
/// One resident looked up by ID number — who, where they live now and how, and where they lived before (the residence
/// relations that ended, from–to) — for the data keeper, or for the resident's own community and township as they read
/// it (masked the same way). Logged like every read; someone outside the reader's area is not found.
/// </summary>
public static class FindResident
{
    public sealed record Past(string? Address, string Residence, DateOnly? From, DateOnly To);

    public sealed record Response(
        string Name, string IdNumber, string Sex, DateOnly BirthDate, int Age, string Phone, string Community, string? Grid, string? Address, string Residence,
        DateOnly? ResidenceFrom, IReadOnlyList<string> Tags, IReadOnlyList<Past> PastResidences);

    internal sealed class Handler(JianfuDbContext db, RegistryAccess access, TimeProvider time)
    {
        public async Task<Result<Response>> HandleAsync(string? idNumber, CancellationToken ct)
        {
            var user = await access.UserAsync(ct);
            if (!RegistryAccess.ReadableUnits(user).Any())
            {
                return Error.Forbidden("您无权查看居民信息;职能部门需要数据请提交数据申请。");
            }

            var number = idNumber?.Trim().ToUpperInvariant() ?? "";
            if (number.Length != 18)
            {
                return Error.Validation("idNumber", "请输入18位公民身份号码。");
            }

            var resident = await db.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.IdNumber == number, ct);
            var community = resident is null ? null : await access.Directory.FindUnitAsync(resident.CommunityId, ct);
            if (resident is null || community is null || RegistryAccess.ReaderOf(user, community) is not { } reader)
            {
                return Error.NotFound("在您可查看的范围内没有这位居民。");
            }

            var grid = resident.GridId is { } g ? await db.Grids.AsNoTracking().Where(x => x.Id == g).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
            var tags = await db.ResidentTags.AsNoTracking().Where(t => t.ResidentId == resident.Id).Join(db.Tags, t => t.TagId, t => t.Id, (_, t) => t.Name).OrderBy(n => n).ToListAsync(ct);
            var past = await db.PastResidences.AsNoTracking().Where(p => p.ResidentId == resident.Id).OrderByDescending(p => p.To).ThenByDescending(p => p.Id).ToListAsync(ct);
            var shownId = RegistryAccess.Shown(resident.IdNumber, reader.FullIdNumbers, CitizenId.Mask);
            access.Log(user, community.DistrictId, AccessKind.Run, $"查询居民:{CitizenId.Mask(resident.IdNumber)}", community.Code, 1);
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(resident.Name, shownId, resident.Sex.Chinese(), resident.BirthDate, Birthdays.Age(resident.BirthDate, time.Today()),
                RegistryAccess.Shown(resident.Phone, reader.FullPhones, PhoneNumber.Mask), community.Name, grid, resident.Address, resident.Residence.Chinese(),
                resident.ResidenceFrom, tags, past.Select(p => new Past(p.Address, p.Residence.Chinese(), p.From, p.To)).ToList());
        }
    }

    /// <summary>A date as the pages show it.</summary>
    public static string Text(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/registry/residents", async (string? idNumber, Handler handler, CancellationToken ct) => (await handler.HandleAsync(idNumber, ct)).ToHttp(Results.Ok))
            .WithName("FindResident")
            .WithSummary("按公民身份号码查询一位居民:现住址和居住关系、以往居住记录(起止日期)、标签;按角色遮蔽,记入访问记录;范围外的居民查不到")
            .Produces<Response>();
}
