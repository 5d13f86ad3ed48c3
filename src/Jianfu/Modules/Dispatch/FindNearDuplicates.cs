using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Dispatch;

/// <summary>
/// The duplicate check's data: dispatches submitted to any of the target communities in the last 30 days
/// (an index-only scan of the targets by community and submission time, one row per dispatch kept), with how similar
/// their text is to the new one (the MinHash signature stored on each dispatch at submission; see <see cref="MinHash"/>).
/// A broadcast to 300 communities reads each earlier dispatch's signature once, not once per community it went to.
/// </summary>
internal static class FindNearDuplicates
{
    public static async Task<IReadOnlyList<RecentDispatch>> RecentAsync(
        JianfuDbContext db, IReadOnlyCollection<int> communityIds, string text, int? excluding, DateOnly today, CancellationToken ct)
    {
        var since = DateTime.SpecifyKind(today.AddDays(-AccessGate.DuplicateWindowDays).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        var recentIds = await db.DispatchTargets.AsNoTracking()
            .Where(t => communityIds.Contains(t.CommunityId) && t.SubmittedAt >= since && t.DispatchId != excluding)
            .Select(t => t.DispatchId)
            .Distinct()
            .ToListAsync(ct);
        if (recentIds.Count == 0)
        {
            return [];
        }

        // Those withdrawn, rejected or back in draft do not count.
        var recent = await db.Dispatches.AsNoTracking()
            .Where(d => recentIds.Contains(d.Id) && (d.Status == DispatchStatus.UnderReview || d.Status == DispatchStatus.Approved))
            .Select(d => new { d.Id, d.Title, d.ScreeningCode, d.SubmittedAt, d.Fingerprint })
            .ToListAsync(ct);
        var signature = MinHash.Of(text);
        var scored = recent.ToDictionary(d => d.Id, d => d.Fingerprint is { Length: MinHash.Size * 4 } f ? MinHash.Similarity(signature, MinHash.FromBytes(f)) : 0);
        var details = recent.Where(d => scored[d.Id] >= AccessGate.DuplicateSimilarity).ToDictionary(d => d.Id);
        if (details.Count == 0)
        {
            return [];
        }

        var similar = details.Values.OrderByDescending(d => scored[d.Id]).Take(5).ToList();
        var similarIds = similar.Select(d => d.Id).ToList();
        var places = (await db.DispatchTargets.AsNoTracking()
                .Where(t => similarIds.Contains(t.DispatchId) && communityIds.Contains(t.CommunityId))
                .Select(t => new { t.DispatchId, t.CommunityName })
                .ToListAsync(ct))
            .GroupBy(t => t.DispatchId).ToDictionary(g => g.Key, g => g.Select(t => t.CommunityName).ToList());
        return similar.Select(d => new RecentDispatch(
                d.Id, d.Title, d.ScreeningCode, DateOnly.FromDateTime(d.SubmittedAt!.Value), places[d.Id], scored[d.Id]))
            .ToList();
    }
}
