using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Platform.Bench;

/// <summary>
/// What every benchmark shares: the summary row `scripts/bench.sh` collects, and bulk seeding (EF Core with change
/// detection off, written and forgotten in batches).
/// </summary>
public static class BenchData
{
    /// <summary>
    /// One row of the summary `scripts/bench.sh` prints after running every benchmark: a line starting "BENCH|" with
    /// what was measured, on which database, the figure, the target and whether it was met.
    /// </summary>
    public static void Result(string what, string database, string figure, string target, bool met) =>
        Console.WriteLine($"BENCH|{what}|{database}|{figure}|{target}|{(met ? "met" : "NOT MET")}");

    public static async Task FlushAsync(JianfuDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    /// <summary>The last batch, then fresh statistics, as a production database has them, so that the planner picks its indexes.</summary>
    public static async Task FinishAsync(JianfuDbContext db)
    {
        await FlushAsync(db);
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }
}
