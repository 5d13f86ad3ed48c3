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
            .Select(t => new { t.DispatchId, t.CommunityName })
            .ToListAsync(ct);
        if (targets.Count == 0)
        {
            return [];
        }

        var ids = targets.Select(t => t.DispatchId).Distinct().ToList();
        var candidates = await db.Dispatches.AsNoTracking()
            .Where(d => ids.Contains(d.Id) && (d.Status == DispatchStatus.UnderReview || d.Status == DispatchStatus.Approved))
            .Select(d => new { d.Id, d.Fingerprint, d.SubmittedAt })
            .ToListAsync(ct);
        var signature = MinHash.Of(text);
        var similar = candidates
            .Select(c => (c.Id, c.SubmittedAt, Similarity: c.Fingerprint is { Length: MinHash.Size * 4 } f ? MinHash.Similarity(signature, MinHash.FromBytes(f)) : 0))
            .Where(c => c.Similarity >= AccessGate.DuplicateSimilarity)
            .OrderByDescending(c => c.Similarity)
            .Take(5)
            .ToList();
        if (similar.Count == 0)
        {
            return [];
        }

        var similarIds = similar.Select(s => s.Id).ToList();
        var details = await db.Dispatches.AsNoTracking()
            .Where(d => similarIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Title, d.ScreeningCode })
            .ToDictionaryAsync(d => d.Id, ct);
        var places = targets.GroupBy(t => t.DispatchId).ToDictionary(g => g.Key, g => g.Select(t => t.CommunityName).ToList());
        return similar.Select(s => new RecentDispatch(
                s.Id, details[s.Id].Title, details[s.Id].ScreeningCode, DateOnly.FromDateTime(s.SubmittedAt!.Value),
                places[s.Id], s.Similarity))
            .ToList();
    }
}
