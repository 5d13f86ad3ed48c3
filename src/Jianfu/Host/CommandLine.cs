using Jianfu.Modules.Catalogue;
using Jianfu.Modules.Organisation;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;

namespace Jianfu.Host;

/// <summary>
/// `jianfu COMMAND …`: the operations a district IT team runs from a shell. Each command builds the same
/// services as the web application (same configuration, same database) and runs once.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Commands = ["db", "import", "users", "bench", "routing", "registry", "help", "--help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        var (positional, options) = Parse(args);
        try
        {
            return positional switch
            {
                ["db", "migrate"] => await WithServicesAsync(options, MigrateAsync),
                ["import", "divisions", var file] => await WithServicesAsync(options, (sp, ct) => ImportDivisionsAsync(sp, file, options.GetValueOrDefault("under"), ct)),
                ["import", "catalogue", var file] => await WithServicesAsync(options, (sp, ct) => ImportCatalogueAsync(sp, file, options, ct)),
                ["import", "residents", var file] => await WithServicesAsync(options, (sp, ct) => Modules.Registry.RegistryCommands.ImportAsync(sp, file, options, ct)),
                ["registry", "generate"] => await WithServicesAsync(options, (sp, ct) => Modules.Registry.RegistryCommands.GenerateAsync(sp, options, ct)),
                ["users", "add", var name] => await WithServicesAsync(options, (sp, ct) => UserCommands.AddAsync(sp, name, options, ct)),
                ["users", "unlock", var name] => await WithServicesAsync(options, (sp, ct) => UserCommands.UnlockAsync(sp, name, ct)),
                ["routing", "train"] => Modules.Hotline.Routing.RoutingCommands.Train(Required(options, "data"), Required(options, "model")[0]),
                ["routing", "predict"] => Modules.Hotline.Routing.RoutingCommands.Predict(Required(options, "model")[0], Required(options, "input")[0], Required(options, "output")[0]),
                ["routing", "evaluate"] => Modules.Hotline.Routing.RoutingCommands.Evaluate(Required(options, "data"), Values(options, "extra"),
                    int.TryParse(options.GetValueOrDefault("folds"), out var folds) ? folds : 5),
                ["bench", "dispatch"] => await Bench.DispatchBenchmark.RunAsync(options),
                ["bench", "intake"] => await Bench.ReportsBenchmark.IntakeAsync(options),
                ["bench", "bulletin"] => await Bench.ReportsBenchmark.BulletinAsync(options),
                ["bench", "suggest"] => await Bench.SuggestionBenchmark.RunAsync(options),
                ["bench", "duplicates"] => await Bench.DuplicateBenchmark.RunAsync(options),
                ["bench", "cases"] => await Bench.CaseSearchBenchmark.RunAsync(options),
                ["bench", "assessment"] => await Bench.AssessmentBenchmark.ScoringAsync(options),
                ["bench", "ratings"] => await Bench.AssessmentBenchmark.RatingsAsync(options),
                ["bench", "registry"] => await Bench.RegistryBenchmark.RunAsync(options),
                _ => Usage(),
            };
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ArgumentException)
        {
            await Console.Error.WriteLineAsync("错误:" + e.Message);
            return 2;
        }
        catch (CommandException e)
        {
            await Console.Error.WriteLineAsync("错误:" + e.Message);
            return 2;
        }
    }

    private static int Usage()
    {
        Console.WriteLine("""
            用法 usage: jianfu <command>
              db migrate                                   应用数据库迁移 (apply migrations)
              import divisions FILE [--under CODE]         从区划代码 CSV 导入单位 (code,name,level,parent_code)
              import catalogue FILE --district CODE --year YYYY [--publish]
                                                           从 Excel (.xlsx) 导入某年度清单草稿,可直接发布
              users add NAME --role ROLE --unit CODE [--department NAME] [--display-name NAME]
                                                           新增用户,密码从环境变量 JIANFU_NEW_PASSWORD 或标准输入读取
              users unlock NAME                            解除因连续输错密码造成的登录暂停(管理员自己被锁时用)
              import residents FILE [--district CODE] [--mode all-or-nothing|valid-rows] [--preview]  导入居民(.csv/.xlsx,按公民身份号码更新)
              registry generate --residents N --out FILE [--district CODE] [--seed S]  生成虚构居民 CSV(测试和基准用)
              routing train --data FILE [--data FILE ...] --model MODEL
                                                           训练 12345 工单分拨模型 (CSV: id,text,label),交叉验证校准自动分拨阈值
              routing predict --model MODEL --input FILE --output FILE
                                                           分拨预测 (输入 id,text;输出 id,label,confidence,auto)
              routing evaluate --data FILE [--data ...] [--extra FILE ...] [--folds 5]
                                                           交叉验证评测(--extra 只用于训练),与简单基线对比,并计时全量训练
              bench dispatch [--postgres CONNSTR] [--runs N] 派单性能基准 (Release 构建运行)
              bench intake [--seconds 30] [--concurrency 32] [--warmup 15]  线索公开受理的负载基准(另起服务进程,本机回环,预热后计时)
              bench bulletin [--reports 100000]             通报生成基准
              bench duplicates [--dispatches 1000000]      疑似重复派单检查基准(近 30 天、同一村社区)
              bench cases [--cases 100000]                 案例库(社区百事能)检索基准
              bench assessment [--postgres CONNSTR]        考核评分(6,500个村社区 × 68项指标)和排行榜基准
              bench ratings [--postgres CONNSTR] [--seconds 30] [--concurrency 16]  群众评价公开受理的负载基准(另起服务进程)
              bench registry [--postgres CONNSTR] [--residents 5000000]  人口数据导入和台账基准(虚构居民)
              bench suggest --file FILE                    过筛编码推荐评测 (code,title,content),报告 top-1/top-3
            配置 configuration: JIANFU_DATA_DIR, Jianfu__Database__Provider=Sqlite|Postgres, ConnectionStrings__Postgres
            角色 roles: Admin, CatalogueAdmin, Dispatcher, Reviewer, Secretary, Cadre, Assessor, DataKeeper, Privacy
            """);
        return 1;
    }

    private static IReadOnlyList<string> Required(IReadOnlyDictionary<string, string> options, string key) =>
        Values(options, key) is { Count: > 0 } values ? values : throw new CommandException($"缺少参数 --{key}。");

    /// <summary>Every value of a repeatable option.</summary>
    public static IReadOnlyList<string> Values(IReadOnlyDictionary<string, string> options, string key) =>
        options.TryGetValue(key, out var v) ? v.Split('\n') : [];

    private static (List<string> Positional, Dictionary<string, string> Options) Parse(string[] args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var key = args[i][2..];
                var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
                // A repeated option (--data A --data B) keeps every value, one per line; see Values().
                options[key] = options.TryGetValue(key, out var earlier) ? earlier + "\n" + value : value;
            }
            else
            {
                positional.Add(args[i]);
            }
        }

        return (positional, options);
    }

    private static async Task<int> WithServicesAsync(Dictionary<string, string> options, Func<IServiceProvider, CancellationToken, Task<int>> run)
    {
        var builder = JianfuHost.CreateBuilder([]);
        builder.Configuration["Jianfu:Demo"] = "false";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddJianfu();
        await using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        if (!options.ContainsKey("skip-migrate"))
        {
            await scope.ServiceProvider.GetRequiredService<JianfuDbContext>().MigrateAsync();
        }

        return await run(scope.ServiceProvider, CancellationToken.None);
    }

    private static Task<int> MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        Console.WriteLine("数据库已是最新结构。Database migrated.");
        return Task.FromResult(0);
    }

    private static async Task<int> ImportDivisionsAsync(IServiceProvider services, string file, string? under, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            throw new CommandException($"文件不存在:{file}");
        }

        using var reader = new StreamReader(file);
        var report = await services.GetRequiredService<ImportDivisions>().ImportAsync(reader, under, CommandLineOperator.Name, ct);
        foreach (var line in report.Notices)
        {
            Console.WriteLine("  " + line);
        }

        foreach (var line in report.Errors)
        {
            await Console.Error.WriteLineAsync("  " + line);
        }

        Console.WriteLine(report.Summary);
        return report.Succeeded ? 0 : 1;
    }

    private static async Task<int> ImportCatalogueAsync(IServiceProvider services, string file, Dictionary<string, string> options, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            throw new CommandException($"文件不存在:{file}");
        }

        if (!options.TryGetValue("district", out var code) || !int.TryParse(options.GetValueOrDefault("year"), out var year))
        {
            throw new CommandException("请用 --district 指定区县代码,用 --year 指定年度。");
        }

        await using var stream = File.OpenRead(file);
        var result = await CatalogueCommands.ImportAsync(services, stream, code, year, options.ContainsKey("publish"), ct);
        foreach (var line in result.Lines)
        {
            Console.WriteLine(line);
        }

        return result.Succeeded ? 0 : 1;
    }
}
