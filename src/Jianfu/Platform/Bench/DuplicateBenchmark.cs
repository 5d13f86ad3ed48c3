using System.Diagnostics;
using Jianfu.Modules.Dispatch;
using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Demo;
using Jianfu.Platform.Text;
using Microsoft.EntityFrameworkCore;
using DispatchEntity = Jianfu.Modules.Dispatch.Domain.Dispatch;

namespace Jianfu.Platform.Bench;

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
        await using var app = BenchData.CreateApp(dataDir);
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
            await SeedAsync(app.Services, total, texts, today);
            Console.WriteLine($"   seeded in {watch.Elapsed.TotalSeconds:F0} s");

            // A planted near-duplicate: the probe must find it.
            var planted = "关于开展瓶装液化气用户入户安全宣传的通知\n请各村于本月20日前协助燃气企业入户宣传用气安全,检查软管是否老化。";
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<JianfuDbContext>();
                db.Dispatches.Add(Dispatch(planted, [7], DateTime.UtcNow.AddDays(-5)));
                await db.SaveChangesAsync();
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

    /// <summary>Plain prepared inserts in one transaction (EF Core would take minutes for a million rows).</summary>
    private static async Task SeedAsync(IServiceProvider services, int total, string[] texts, DateOnly today)
    {
        var random = new Random(1);
        var end = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JianfuDbContext>();
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var dispatch = connection.CreateCommand();
        dispatch.CommandText = """
            INSERT INTO "Dispatches" ("Id","Title","Content","IsMajor","DistrictId","IssuerUnitId","IssuerUnitName","DepartmentName",
              "DispatcherId","DispatcherName","ReviewUnitId","Status","Checks","CreatedAt","SubmittedAt")
            VALUES ($id,$title,$content,0,1,1,'基准镇','基准部门','bench','基准',1,$status,'[]',$at,$at)
            """;
        var target = connection.CreateCommand();
        target.CommandText = """
            INSERT INTO "DispatchTargets" ("DispatchId","CommunityId","CommunityCode","CommunityName","SubmittedAt","Fingerprint")
            VALUES ($id,$community,$community,'基准村',$at,$fingerprint)
            """;
        foreach (var name in new[] { "$id", "$title", "$content", "$status", "$at" })
        {
            dispatch.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter { ParameterName = name });
        }

        foreach (var name in new[] { "$id", "$community", "$at", "$fingerprint" })
        {
            target.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter { ParameterName = name });
        }

        for (var i = 1; i <= total; i++)
        {
            var text = texts[random.Next(texts.Length)] + $"(第{i}号,{random.Next(100000)})";
            var parts = text.Split('\n', 2);
            var at = end.AddMinutes(-random.Next(Days * 24 * 60)).ToString("yyyy-MM-dd HH:mm:ss");
            dispatch.Parameters["$id"].Value = i;
            dispatch.Parameters["$title"].Value = parts[0];
            dispatch.Parameters["$content"].Value = parts[1];
            dispatch.Parameters["$status"].Value = i % 10 == 0 ? nameof(DispatchStatus.Rejected) : nameof(DispatchStatus.Approved);
            dispatch.Parameters["$at"].Value = at;
            var fingerprint = MinHash.ToBytes(MinHash.Of(text));
            await dispatch.ExecuteNonQueryAsync();
            // One in twenty goes to a whole township.
            var first = random.Next(1, Communities + 1);
            int[] targets = random.Next(20) == 0 ? [.. Enumerable.Range((first - 1) / 12 * 12 + 1, 12)] : [first];
            foreach (var community in targets)
            {
                target.Parameters["$id"].Value = i;
                target.Parameters["$community"].Value = community;
                target.Parameters["$at"].Value = at;
                target.Parameters["$fingerprint"].Value = fingerprint;
                await target.ExecuteNonQueryAsync();
            }

            if (i % 200_000 == 0)
            {
                Console.WriteLine($"   {i:N0}");
            }
        }

        await transaction.CommitAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    private static DispatchEntity Dispatch(string text, int[] targets, DateTime at)
    {
        var parts = text.Split('\n', 2);
        return new DispatchEntity
        {
            Title = parts[0],
            Content = parts.Length > 1 ? parts[1] : parts[0],
            DistrictId = 1,
            IssuerUnitId = 1,
            IssuerUnitName = "基准镇",
            DepartmentName = "基准部门",
            DispatcherId = "bench",
            DispatcherName = "基准",
            ReviewUnitId = 1,
            Status = DispatchStatus.Approved,
            CreatedAt = at,
            SubmittedAt = at,
            Targets = [.. targets.Select(t => new DispatchTarget
            {
                CommunityId = t, CommunityCode = t.ToString(), CommunityName = $"第{t}村", SubmittedAt = at, Fingerprint = MinHash.ToBytes(MinHash.Of(text)),
            })],
        };
    }

    /// <summary>Realistic task texts: the demo catalogue's items with their descriptions, in a few phrasings.</summary>
    private static string[] DemoTexts()
    {
        var items = DemoSeeder.ReadCatalogue(DateOnly.FromDateTime(DateTime.Today)).Items;
        string[] openings = ["关于", "请各村(社区)做好", "协助开展", "进一步加强"];
        return [.. items.SelectMany(i => openings.Select(o => $"{o}{i.Name}工作\n{i.Description}。请于规定时限内完成,并在系统中反馈结果。"))];
    }

    private static double P(List<double> times, double q) => times.Order().ElementAt((int)Math.Min(times.Count - 1, times.Count * q));
}
