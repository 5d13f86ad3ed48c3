using System.Diagnostics;
using Jianfu.Modules.Catalogue;
using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Dispatch;
using Jianfu.Modules.Organisation;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Bench;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;

namespace Jianfu.Host.Bench;

/// <summary>
/// `jianfu bench dispatch`: the performance targets of the dispatch flow, measured on a fresh database
/// (a temporary SQLite file, and PostgreSQL with --postgres). Server time is the time of the application's
/// handlers, database work included, without HTTP. Run it from a Release build.
/// </summary>
internal static class DispatchBenchmark
{
    private const int Communities = 300;
    private const int LoadDispatches = 10_000;
    private const int TargetsPerDispatch = 10;

    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var runs = int.TryParse(options.GetValueOrDefault("runs"), out var r) ? r : 7;
        var results = new List<Figures> { await RunOnAsync(DatabaseProvider.Sqlite, null, runs) };
        if (options.TryGetValue("postgres", out var cs))
        {
            results.Add(await RunOnAsync(DatabaseProvider.Postgres, cs, runs));
        }

        Console.WriteLine();
        Console.WriteLine($"| database | single-community submit+approve (median) | 300-community broadcast (median) | ratio | review queue p95 | inbox p95 |");
        Console.WriteLine($"|---|---|---|---|---|---|");
        foreach (var f in results)
        {
            Console.WriteLine($"| {f.Provider} | {f.Single:F1} ms | {f.Broadcast:F1} ms | {f.Broadcast / f.Single:F1}× | {f.QueueP95:F1} ms | {f.InboxP95:F1} ms |");
        }

        foreach (var f in results)
        {
            var absolute = f.Provider != DatabaseProvider.Sqlite || f.Broadcast < 500;
            BenchData.Result("dispatch to 300 communities vs one (median)", f.Provider.ToString(), $"{f.Broadcast:F1} / {f.Single:F1} ms = {f.Broadcast / f.Single:F1}×",
                f.Provider == DatabaseProvider.Sqlite ? "≤ 10×, < 500 ms" : "≤ 10×", f.Broadcast <= 10 * f.Single && absolute);
            BenchData.Result("review queue / inbox, 100,000 tasks (p95)", f.Provider.ToString(), $"{f.QueueP95:F1} / {f.InboxP95:F1} ms", "< 100 ms", f.QueueP95 < 100 && f.InboxP95 < 100);
        }

        var ok = results.All(f => f.Broadcast <= 10 * f.Single && f.QueueP95 < 100 && f.InboxP95 < 100) && results[0].Broadcast < 500;
        Console.WriteLine(ok ? "targets met: broadcast ≤ 10× single and < 500 ms on SQLite; queue and inbox p95 < 100 ms" : "TARGETS NOT MET");
        return ok ? 0 : 1;
    }

    private sealed record Figures(DatabaseProvider Provider, double Single, double Broadcast, double QueueP95, double InboxP95);

    private static async Task<Figures> RunOnAsync(DatabaseProvider provider, string? postgres, int runs)
    {
        await using var database = new BenchDatabase(postgres);
        await using var app = database.BuildApp();
        Console.WriteLine($"== {provider}: seeding {Communities} communities, {LoadDispatches:N0} dispatches and {LoadDispatches * TargetsPerDispatch:N0} tasks");
        var watch = Stopwatch.StartNew();
        var people = await SeedAsync(app.Services);
        Console.WriteLine($"   seeded in {watch.Elapsed.TotalSeconds:F1} s");

        var single = new List<double>();
        var broadcast = new List<double>();
        for (var i = -2; i < runs; i++)
        {
            var one = await SubmitAndApproveAsync(app.Services, people, [people.FirstCommunity], $"单村任务{i}");
            var all = await SubmitAndApproveAsync(app.Services, people, [people.Township], $"全镇任务{i}");
            if (i >= 0)
            {
                single.Add(one);
                broadcast.Add(all);
            }
        }

        var queue = await TimeAsync(app.Services, people.Reviewer, 60, sp => sp.GetRequiredService<ListReviewQueue.Handler>().HandleAsync(1, default));
        var inbox = await TimeAsync(app.Services, people.Secretary, 60, sp => sp.GetRequiredService<ListInbox.Handler>().HandleAsync(false, default));
        var f = new Figures(provider, BenchSteps.Median(single), BenchSteps.Median(broadcast), BenchSteps.P95(queue), BenchSteps.P95(inbox));
        Console.WriteLine($"   single {string.Join(" ", single.Select(x => x.ToString("F1")))} ms");
        Console.WriteLine($"   broadcast {string.Join(" ", broadcast.Select(x => x.ToString("F1")))} ms");
        Console.WriteLine($"   queue median {BenchSteps.Median(queue):F1} p95 {f.QueueP95:F1} ms; inbox median {BenchSteps.Median(inbox):F1} p95 {f.InboxP95:F1} ms");
        return f;
    }

    private sealed record People(string Dispatcher, string Reviewer, string Secretary, string Township, string FirstCommunity);

    /// <summary>
    /// A district of <see cref="Communities"/> communities in one township, its department and three people, created by
    /// the admin pages' use cases; the demo catalogue published there, so that the gate looks codes up as in
    /// production; and the dispatch history the timings run against.
    /// </summary>
    private static async Task<People> SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<JianfuDbContext>();
        await db.MigrateAsync();
        var csv = new System.Text.StringBuilder("code,name,level,parent_code\n990101,基准测试区,district,9901\n990101001,基准街道,street,990101\n");
        for (var i = 1; i <= Communities; i++)
        {
            csv.Append($"990101001{i:D3},基准{i:D3}社区,village,990101001\n");
        }

        var report = await sp.GetRequiredService<ImportDivisions>().ImportAsync(new StringReader(csv.ToString()), null, "bench", default);
        if (!report.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", report.Errors));
        }

        const string Township = "990101001", FirstCommunity = "990101001001", Office = "村镇建设和管理办公室";
        BenchSteps.Check(await CommandLineOperator.Handler<ManageDepartments.Handler>(sp).AddAsync(Township, new ManageDepartments.Request(Office), default));
        var directory = sp.GetRequiredService<IOrganisationDirectory>();
        async Task<UserRef> UserAsync(string name, Role role, string unit, string? department)
        {
            BenchSteps.Check(await CommandLineOperator.Handler<CreateUser.Handler>(sp).HandleAsync(
                new CreateUser.Request(name, name, DemoOrganisation.Password, role.ToString(), unit, department, null), default));
            return (await directory.FindUserAsync(name, default))!;
        }

        var dispatcher = await UserAsync("bench-dispatcher", Role.Dispatcher, Township, Office);
        var reviewer = await UserAsync("bench-reviewer", Role.Reviewer, Township, null);
        var secretary = await UserAsync("bench-secretary", Role.Secretary, FirstCommunity, null);
        var township = (await directory.FindUnitAsync(Township, default))!;
        var first = (await directory.FindUnitAsync(FirstCommunity, default))!;
        var department = (await directory.DepartmentsOfAsync(township.Id, default)).Single();
        await sp.GetRequiredService<CatalogueDemo>().PublishAsync(township.DistrictId, DateTime.UtcNow.Year, "基准清单", default);
        var codes = CatalogueDemo.ReadCatalogue(DateOnly.FromDateTime(DateTime.UtcNow)).Items
            .Where(i => i.Kind != DutyKind.Excluded && i.Status == DutyItemStatus.Active).Select(i => i.ScreeningCode).ToList();
        var communities = await directory.CommunitiesWithinAsync(township.Path, default);
        await DispatchBenchData.WriteHistoryAsync(db, township, department, dispatcher, reviewer, communities, first, codes, LoadDispatches, TargetsPerDispatch);
        return new People(dispatcher.Id, reviewer.Id, secretary.Id, township.Code, first.Code);
    }

    private static async Task<double> SubmitAndApproveAsync(IServiceProvider services, People people, string[] targets, string title)
    {
        var watch = Stopwatch.StartNew();
        int id;
        using (var scope = BenchSteps.As(services, people.Dispatcher))
        {
            var submitted = await scope.ServiceProvider.GetRequiredService<SubmitDispatch.Handler>().HandleAsync(new SubmitDispatch.Request(
                title, $"{title}:请结合网格走访入户宣传燃气安全,办理结果在系统中填写。", "XZ-13", [.. targets],
                DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)).ToString("yyyy-MM-dd"), null), default);
            id = submitted.IsSuccess ? submitted.Value.Id : throw new InvalidOperationException(submitted.Error!.Message);
        }

        using (var scope = BenchSteps.As(services, people.Reviewer))
        {
            var approved = await scope.ServiceProvider.GetRequiredService<ReviewDispatch.Handler>().HandleAsync(id, new ReviewDispatch.Request("approve", null, null), default);
            if (!approved.IsSuccess || approved.Value.Targets.Count != (targets[0].Length == 9 ? Communities : 1))
            {
                throw new InvalidOperationException(approved.Error?.Message ?? "wrong number of tasks");
            }
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<List<double>> TimeAsync<T>(IServiceProvider services, string userId, int count, Func<IServiceProvider, Task<T>> query)
    {
        var times = new List<double>();
        for (var i = -5; i < count; i++)
        {
            using var scope = BenchSteps.As(services, userId);
            var watch = Stopwatch.StartNew();
            await query(scope.ServiceProvider);
            if (i >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }
}
