using Jianfu.Modules.Assessment.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>The assessment office's list of communities with their rating QR codes and this month's ratings (counted and not).</summary>
public static class ListRatingPosters
{
    public sealed record Item(string UnitCode, string UnitName, string Township, bool HasPoster, int Counted, int NotCounted, double? Average);

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access, TimeProvider time)
    {
        public async Task<Result<IReadOnlyList<Item>>> HandleAsync(string? districtCode, CancellationToken ct)
        {
            var keeper = await access.KeeperOfAsync(districtCode, ct);
            if (!keeper.IsSuccess)
            {
                return keeper.Error!;
            }

            var district = keeper.Value.District;
            var month = Rating.MonthOf(time.Today());
            var units = await access.Directory.UnitsBelowAsync(district.Path, ct);
            var townships = units.Where(u => u.Level == UnitLevel.Township).ToDictionary(u => u.Id, u => u.Name);
            var posters = await db.RatingPosters.AsNoTracking().Where(p => p.DistrictId == district.Id && p.IsActive).Select(p => p.UnitId).ToListAsync(ct);
            var ratings = await db.Ratings.AsNoTracking().Where(r => r.DistrictId == district.Id && r.Month == month)
                .GroupBy(r => new { r.UnitId, r.Counted }).Select(g => new { g.Key.UnitId, g.Key.Counted, Count = g.Count(), Sum = g.Sum(r => r.Average) }).ToListAsync(ct);
            return units.Where(u => u.Level == UnitLevel.Community).Select(u =>
            {
                var counted = ratings.FirstOrDefault(r => r.UnitId == u.Id && r.Counted);
                return new Item(u.Code, u.Name, u.ParentId is { } p ? townships.GetValueOrDefault(p, "") : "", posters.Contains(u.Id), counted?.Count ?? 0,
                    ratings.Where(r => r.UnitId == u.Id && !r.Counted).Sum(r => r.Count), counted is null ? null : Math.Round(counted.Sum / counted.Count, 2));
            }).ToList();
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/assessment/rating-posters", async (string? district, Handler handler, CancellationToken ct) => (await handler.HandleAsync(district, ct)).ToHttp(Results.Ok))
            .WithName("ListRatingPosters")
            .WithSummary("各村(社区)的群众评价二维码和本月评价情况(区考核办)")
            .Produces<IReadOnlyList<Item>>();
}
