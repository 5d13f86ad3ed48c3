using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Text;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Dispatch;

/// <summary>
/// The duplicate check's data: dispatches submitted to any of the target communities in the last 30 days
/// (index on targets by community and submission time), with how similar their text is to the new one
/// (MinHash signatures stored at submission; see <see cref="MinHash"/>).
/// </summary>
internal static class FindNearDuplicates
{
    public static async Task<IReadOnlyList<RecentDispatch>> RecentAsync(
        JianfuDbContext db, IReadOnlyCollection<int> communityIds, string text, int? excluding, DateOnly today, CancellationToken ct)
    {
        var since = DateTime.SpecifyKind(today.AddDays(-AccessGate.DuplicateWindowDays).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        var targets = await db.DispatchTargets.AsNoTracking()
            .Where(t => communityIds.Contains(t.CommunityId) && t.SubmittedAt >= since && t.DispatchId != excluding)
            .Select(t => new { t.DispatchId, t.Fingerprint })
            // A dispatch's targets share one signature: a broadcast's 300 rows come back as one.
            .Distinct()
            .ToListAsync(ct);
        var signature = MinHash.Of(text);
        var scored = new Dictionary<int, double>();
        foreach (var t in targets)
        {
            if (!scored.ContainsKey(t.DispatchId))
            {
                scored[t.DispatchId] = t.Fingerprint is { Length: MinHash.Size * 4 } f ? MinHash.Similarity(signature, MinHash.FromBytes(f)) : 0;
            }
        }

        var candidateIds = scored.Where(s => s.Value >= AccessGate.DuplicateSimilarity).Select(s => s.Key).ToList();
        if (candidateIds.Count == 0)
        {
            return [];
        }

        // Only the few similar ones are looked up: those withdrawn, rejected or back in draft do not count.
        var details = await db.Dispatches.AsNoTracking()
            .Where(d => candidateIds.Contains(d.Id) && (d.Status == DispatchStatus.UnderReview || d.Status == DispatchStatus.Approved))
            .Select(d => new { d.Id, d.Title, d.ScreeningCode, d.SubmittedAt })
            .ToDictionaryAsync(d => d.Id, ct);
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
