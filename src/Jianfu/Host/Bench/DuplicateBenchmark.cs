using System.Diagnostics;
using Jianfu.Modules.Dispatch;
using Jianfu.Platform.Bench;
using Jianfu.Platform.Database;

namespace Jianfu.Host.Bench;

/// <summary>
/// `jianfu bench duplicates [--dispatches 1000000]`: the near-duplicate check (the gate's duplicate-dispatch rule,
/// database work included) over a history of dispatches spread over three years and 300 communities, on a fresh
/// SQLite file. Reports p50/p95 for a one-community dispatch, a township (12 communities) and all 300.
/// </summary>
internal static class DuplicateBenchmark
{
    private const int Communities = 300;
    private const int Days = 1095;

    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string> options)
    {
        var total = int.TryParse(options.GetValueOrDefault("dispatches"), out var n) ? n : 1_000_000;
        var dataDir = Directory.CreateTempSubdirectory("jianfu-bench-").FullName;
        await using var app = BenchApp.Create(dataDir);
        try
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<JianfuDbContext>().MigrateAsync();
            }

            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var texts = DemoTexts();
            Console.WriteLine($"== seeding {total:N0} submitted dispatches over {Days} days and {Communities} communities");
            var watch = Stopwatch.StartNew();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await DispatchBenchData.WriteSubmittedAsync(scope.ServiceProvider.GetRequiredService<JianfuDbContext>(), total, texts, today, Communities, Days);
            }

            Console.WriteLine($"   seeded in {watch.Elapsed.TotalSeconds:F0} s");

            // A planted near-duplicate: the probe must find it.
            var planted = "关于开展瓶装液化气用户入户安全宣传的通知\n请各村于本月20日前协助燃气企业入户宣传用气安全,检查软管是否老化。";
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await DispatchBenchData.WriteApprovedAsync(scope.ServiceProvider.GetRequiredService<JianfuDbContext>(), planted, [7], DateTime.UtcNow.AddDays(-5));
            }

            var random = new Random(5);
            var single = await TimeAsync(app.Services, 300, () => [random.Next(1, Communities + 1)], texts, random, today);
            var township = await TimeAsync(app.Services, 100, () => { var t = random.Next(0, Communities / 12); return [.. Enumerable.Range(t * 12 + 1, 12)]; }, texts, random, today);
            var all = await TimeAsync(app.Services, 30, () => [.. Enumerable.Range(1, Communities)], texts, random, today);
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<JianfuDbContext>();
                var found = await FindNearDuplicates.RecentAsync(db, [7], planted.Replace("20日", "25日"), null, today, default);
                Console.WriteLine(found.Count > 0 ? $"   planted near-duplicate found (similarity {found[0].Similarity:P0})" : "   PLANTED NEAR-DUPLICATE NOT FOUND");
                if (found.Count == 0)
                {
                    return 1;
                }
            }

            Console.WriteLine();
            Console.WriteLine($"| dispatch to | p50 | p95 | max |");
            Console.WriteLine($"|---|---|---|---|");
            foreach (var (name, times) in new[] { ("1 community", single), ("a township (12)", township), ("all 300 communities", all) })
            {
                Console.WriteLine($"| {name} | {P(times, 0.5):F1} ms | {P(times, 0.95):F1} ms | {times.Max():F1} ms |");
            }

            var ok = P(single, 0.95) < 20 && P(township, 0.95) < 20;
            Console.WriteLine(ok ? "target met: p95 < 20 ms with " + total.ToString("N0") + " dispatches" : "TARGET NOT MET");
            BenchData.Result($"duplicate check, {total:N0} dispatches, to a community / a township (p95)", "Sqlite",
                $"{P(single, 0.95):F1} / {P(township, 0.95):F1} ms", "< 20 ms", ok);
            return ok ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, true);
        }
    }

    private static async Task<List<double>> TimeAsync(IServiceProvider services, int count, Func<int[]> targets, string[] texts, Random random, DateOnly today)
    {
        var times = new List<double>();
        for (var i = -5; i < count; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JianfuDbContext>();
            var ids = targets();
            var text = texts[random.Next(texts.Length)] + "(第" + random.Next(1000) + "期)";
            var started = Stopwatch.GetTimestamp();
            await FindNearDuplicates.RecentAsync(db, ids, text, null, today, default);
            if (i >= 0)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return times;
    }

    /// <summary>Realistic task texts: the demo catalogue's items with their descriptions, in a few phrasings.</summary>
    private static string[] DemoTexts()
    {
        var items = Modules.Catalogue.CatalogueDemo.ReadCatalogue(DateOnly.FromDateTime(DateTime.Today)).Items;
        string[] openings = ["关于", "请各村(社区)做好", "协助开展", "进一步加强"];
        return [.. items.SelectMany(i => openings.Select(o => $"{o}{i.Name}工作\n{i.Description}。请于规定时限内完成,并在系统中反馈结果。"))];
    }

    private static double P(List<double> times, double q) => times.Order().ElementAt((int)Math.Min(times.Count - 1, times.Count * q));
}
