using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Registry;

/// <summary>The grids (网格) of communities by name, as imports meet them: a file naming a grid the community has not got adds it.</summary>
internal static class RegistryGrids
{
    public static async Task<Dictionary<(int CommunityId, string Name), int>> OfAsync(JianfuDbContext db, IReadOnlyCollection<int> communityIds, CancellationToken ct) =>
        (await db.Grids.AsNoTracking().Where(g => communityIds.Contains(g.CommunityId)).ToListAsync(ct)).ToDictionary(g => (g.CommunityId, g.Name), g => g.Id);

    /// <summary>The grids named that are not known yet, added (a few per community) and put in <paramref name="grids"/>.</summary>
    public static async Task AddMissingAsync(JianfuDbContext db, IEnumerable<(int CommunityId, string Name)> named, Dictionary<(int CommunityId, string Name), int> grids, CancellationToken ct)
    {
        foreach (var (communityId, name) in named.Distinct().Where(k => !grids.ContainsKey(k)).ToList())
        {
            var grid = new Grid { CommunityId = communityId, Name = name };
            db.Grids.Add(grid);
            await db.SaveChangesAsync(ct);
            grids[(communityId, name)] = grid.Id;
        }
    }
}
