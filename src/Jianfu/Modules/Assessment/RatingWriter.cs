using Jianfu.Modules.Assessment.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// The one writer of residents' ratings (<see cref="GroupCommitWriter{T}"/>): it decides, batch by batch, which count
/// (<see cref="Rating.Count"/>) against what is stored and what came before in the batch, then stores them all; a
/// second counted rating of one device in a month that another node stored meanwhile is refused by the unique index
/// and stored as not counted.
/// </summary>
internal sealed class RatingWriter(IServiceScopeFactory scopes, ILogger<RatingWriter> logger, SubmitRating.Limits limits) : GroupCommitWriter<Rating>(scopes, logger)
{
    protected override async Task SaveAsync(JianfuDbContext db, IReadOnlyList<Rating> rows)
    {
        var posters = rows.Select(r => r.PosterId).Distinct().ToList();
        var devices = rows.Select(r => r.DeviceKey).Distinct().ToList();
        var addresses = rows.Select(r => r.AddressKey).Distinct().ToList();
        var months = rows.Select(r => r.Month).Distinct().ToList();
        var counted = (await db.Ratings.AsNoTracking().Where(x => x.Counted && posters.Contains(x.PosterId) && months.Contains(x.Month) && devices.Contains(x.DeviceKey))
            .Select(x => new { x.PosterId, x.Month, x.DeviceKey }).ToListAsync()).Select(x => (x.PosterId, x.Month, x.DeviceKey)).ToHashSet();
        // Counted in the database per day the batch spans (one, but at midnight): a busy address's day is thousands of rows.
        var today = new Dictionary<(int, string, DateOnly), int>();
        foreach (var day in rows.Select(r => r.At.ChinaDate()).Distinct())
        {
            DateTime from = day.StartUtc(), to = day.AddDays(1).StartUtc();
            foreach (var c in await db.Ratings.AsNoTracking().Where(x => x.Counted && posters.Contains(x.PosterId) && addresses.Contains(x.AddressKey) && x.At >= from && x.At < to)
                         .GroupBy(x => new { x.PosterId, x.AddressKey }).Select(g => new { g.Key.PosterId, g.Key.AddressKey, Count = g.Count() }).ToListAsync())
            {
                today[(c.PosterId, c.AddressKey, day)] = c.Count;
            }
        }

        foreach (var r in rows)
        {
            var day = (r.PosterId, r.AddressKey, r.At.ChinaDate());
            r.Count(counted.Contains((r.PosterId, r.Month, r.DeviceKey)), today.GetValueOrDefault(day), limits.PerAddressPerDay);
            if (r.Counted)
            {
                counted.Add((r.PosterId, r.Month, r.DeviceKey));
                today[day] = today.GetValueOrDefault(day) + 1;
            }
        }

        db.Ratings.AddRange(rows);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (rows.Count == 1 && UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            rows[0].Count(deviceCountedThisMonth: true, 0, limits.PerAddressPerDay);
            db.Ratings.Add(rows[0]);
            await db.SaveChangesAsync();
        }
    }
}
