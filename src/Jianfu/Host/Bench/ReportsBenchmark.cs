using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports;
using Jianfu.Platform.Bench;
using Jianfu.Platform.Database;
using Jianfu.Platform.Time;
using Microsoft.Data.Sqlite;

namespace Jianfu.Host.Bench;

/// <summary>
/// `jianfu bench intake`: starts the server as its own process on loopback (SQLite, demo data), drives the public
/// intake from this process for --seconds with --concurrency connections, waits for every request it sent, then
/// compares its count of 201 answers with the rows in the database.
/// `jianfu bench bulletin`: composes a bulletin over 100,000 substantiated reports.
/// </summary>
internal static class ReportsBenchmark
{
    public static async Task<int> IntakeAsync(Dictionary<string, string> options)
    {
        var seconds = int.TryParse(options.GetValueOrDefault("seconds"), out var s) ? s : 30;
        var concurrency = int.TryParse(options.GetValueOrDefault("concurrency"), out var c) ? c : 32;
        var warmup = int.TryParse(options.GetValueOrDefault("warmup"), out var wu) ? wu : 15;
        var dataDir = Directory.CreateTempSubdirectory("jianfu-intake-").FullName;
        try
        {
            await using var server = await BenchServer.StartAsync(dataDir, concurrency, new Dictionary<string, string>
            {
                ["Jianfu__Reports__PerAddressPerMinute"] = "1000000000",
                ["Jianfu__Reports__PerTokenPerMinute"] = "1000000000",
            });
            var token = await LocationTokenAsync(server.Http);
            Console.WriteLine($"== intake: {concurrency} connections, {warmup} s warm-up, then {seconds} s measured, against {server.Url}");
            HttpContent Body(int w, int n) =>
                JsonContent.Create(new { token, category = "trace-demand", description = $"压力测试 {w}-{n}:要求每天拍照打卡上报", contact = (string?)null, taskId = (int?)null });

            // A server that has run for a while, as a district's does: the first seconds after start are spent compiling
            // the hot paths to optimised code (tiered JIT) on the same two cores. The warm-up's reports are stored and
            // counted like the others; only its latencies are not.
            var warm = await server.LoadAsync("/api/v1/reports", concurrency, warmup, Body);
            Console.WriteLine($"   warm-up: {warm.Created / warm.Seconds:F0} reports/s, p99 {warm.Percentile(0.99):F1} ms");
            var measured = await server.LoadAsync("/api/v1/reports", concurrency, seconds, Body);
            var total201 = measured.Created + warm.Created;
            var other = measured.Other + warm.Other;
            var stored = await CountStoredAsync(dataDir);
            var rate = measured.Created / measured.Seconds;
            var p50 = measured.Percentile(0.5);
            var p99 = measured.Percentile(0.99);
            Console.WriteLine($"| reports/s | p50 | p99 | 201 answers | other answers | stored |");
            Console.WriteLine($"|---|---|---|---|---|---|");
            Console.WriteLine($"| {rate:F0} | {p50:F1} ms | {p99:F1} ms | {total201:N0} | {other:N0} | {stored:N0} |");
            // Issue #3 asked for 500 reports/s with p99 under 100 ms; issue #10 holds the platform to what it reached (2,361/s, p99 47.6 ms).
            var ok = rate >= 2000 && p99 < 50 && stored == total201 && other == 0;
            Console.WriteLine(ok ? "targets met: ≥ 2,000 reports/s, p99 < 50 ms, stored = 201 answers" : "TARGETS NOT MET");
            BenchData.Result($"green-channel intake, {concurrency} connections × {seconds} s", "Sqlite",
                $"{rate:F0} reports/s, p99 {p99:F1} ms, {stored:N0} of {total201:N0} stored", "≥ 2,000/s, p99 < 50 ms, all stored", ok);
            return ok ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, true);
        }
    }

    private static async Task<string> LocationTokenAsync(HttpClient http)
    {
        var login = await (await http.PostAsJsonAsync("/api/v1/auth/login", new { userName = "catalogue", password = Modules.Organisation.Contracts.DemoOrganisation.Password })).Content.ReadFromJsonAsync<JsonObject>();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/report-locations/330602108200");
        request.Headers.Authorization = new("Bearer", login!["accessToken"]!.GetValue<string>());
        var location = await (await http.SendAsync(request)).Content.ReadFromJsonAsync<JsonObject>();
        return location!["token"]!.GetValue<string>();
    }

    private static async Task<long> CountStoredAsync(string dataDir)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDir, "jianfu.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM BurdenReports";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public static async Task<int> BulletinAsync(Dictionary<string, string> options)
    {
        var reports = int.TryParse(options.GetValueOrDefault("reports"), out var n) ? n : 100_000;
        var dataDir = Directory.CreateTempSubdirectory("jianfu-bulletin-").FullName;
        var builder = JianfuHost.CreateBuilder([]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["JIANFU_DATA_DIR"] = dataDir;
        builder.AddJianfu();
        await using var app = builder.Build();
        try
        {
            using (var scope = app.Services.CreateScope())
            {
                var sp = scope.ServiceProvider;
                var db = sp.GetRequiredService<JianfuDbContext>();
                await db.MigrateAsync();
                await sp.GetRequiredService<Demo.DemoData>().SeedIfEmptyAsync(default);
                var district = (await sp.GetRequiredService<IOrganisationDirectory>().FindUnitAsync(Modules.Organisation.Contracts.DemoOrganisation.DistrictCode, default))!;
                var communities = await sp.GetRequiredService<IOrganisationDirectory>().CommunitiesWithinAsync(district.Path, default);
                var bodies = (await sp.GetRequiredService<IOrganisationDirectory>().DepartmentsOfAsync(district.Id, default)).ToList();
                Console.WriteLine($"== bulletin: seeding {reports:N0} substantiated reports");
                var watch = Stopwatch.StartNew();
                await ReportsBenchData.WriteSubstantiatedAsync(db, district, communities, bodies, reports);
                Console.WriteLine($"   seeded in {watch.Elapsed.TotalSeconds:F1} s");
            }

            var times = new List<double>();
            var substantiated = 0;
            for (var run = -1; run < 5; run++)
            {
                using var scope = app.Services.CreateScope();
                var sp = scope.ServiceProvider;
                var district = (await sp.GetRequiredService<IOrganisationDirectory>().FindUnitAsync(Modules.Organisation.Contracts.DemoOrganisation.DistrictCode, default))!;
                var today = TimeProvider.System.Today();
                var watch = Stopwatch.StartNew();
                var content = await sp.GetRequiredService<BulletinComposer>().ComposeAsync(district, today.AddDays(-31), today, default);
                if (run >= 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                substantiated = content.Substantiated;
            }

            var median = times.Order().ElementAt(times.Count / 2);
            Console.WriteLine($"| reports in the bulletin | median of 5 | slowest |");
            Console.WriteLine($"|---|---|---|");
            Console.WriteLine($"| {substantiated:N0} | {median:F0} ms | {times.Max():F0} ms |");
            var ok = substantiated >= reports && times.Max() < 2000;
            Console.WriteLine(ok ? "target met: a bulletin over 100,000 reports in under 2 s" : "TARGET NOT MET");
            BenchData.Result($"bulletin over {substantiated:N0} reports", "Sqlite", $"median {median:F0} ms, slowest {times.Max():F0} ms", "< 2 s", ok);
            return ok ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDir, true);
        }
    }
}
