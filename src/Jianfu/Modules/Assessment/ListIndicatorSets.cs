using Jianfu.Modules.Assessment.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>A district's indicator sets, newest year first: drafts for its assessment office, the published ones for everyone in it.</summary>
public static class ListIndicatorSets
{
    public sealed record Item(int Id, int Year, string Level, string Title, string Status, int Count, decimal Points, string LevelName, string StatusName);

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access)
    {
        public async Task<Result<IReadOnlyList<Item>>> HandleAsync(string? districtCode, CancellationToken ct)
        {
            var user = await access.UserAsync(ct);
            var district = string.IsNullOrWhiteSpace(districtCode)
                ? user.PrimaryUnit is { } own ? await access.Directory.FindUnitAsync(own.DistrictId, ct) : null
                : await access.Directory.FindUnitAsync(districtCode.Trim(), ct);
            if (district is null || district.Level != Organisation.Contracts.UnitLevel.District)
            {
                return Error.Validation("district", "请填写区(县)的行政区划代码。");
            }

            if (!AssessmentAccess.Reads(user, district))
            {
                return Error.Forbidden("只能查看本区的考核指标体系。");
            }

            var keeper = AssessmentAccess.Keeps(user, district);
            var sets = await db.IndicatorSets.AsNoTracking()
                .Where(s => s.DistrictId == district.Id && (keeper || s.Status != SetStatus.Draft))
                .Select(s => new { s.Id, s.Year, s.Level, s.Title, s.Status, Points = s.Indicators.Select(i => i.Points).ToList() })
                .ToListAsync(ct);
            return sets.OrderByDescending(s => s.Year).ThenBy(s => s.Level).ThenByDescending(s => s.Id)
                .Select(s => new Item(s.Id, s.Year, s.Level.ApiName(), s.Title, s.Status.ToString(), s.Points.Count, s.Points.Sum(), s.Level.Chinese(), s.Status.Chinese()))
                .ToList();
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assessment/sets", async (string? district, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(district, ct)).ToHttp(Results.Ok))
            .WithName("ListIndicatorSets")
            .WithSummary("本区的考核指标体系(考核办可见草稿)")
            .Produces<IReadOnlyList<Item>>();
}
