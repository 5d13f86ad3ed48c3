using System.Diagnostics;
using System.Globalization;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Registry;

/// <summary>`jianfu registry generate` and `jianfu import residents`: synthetic residents to a file, and a file of residents into the registry.</summary>
internal static class RegistryCommands
{
    public static async Task<int> GenerateAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options, CancellationToken ct)
    {
        var count = int.TryParse(options.GetValueOrDefault("residents"), out var n) && n > 0 ? n : throw new CommandException("请用 --residents N 给出居民人数。");
        var output = options.GetValueOrDefault("out") ?? throw new CommandException("请用 --out FILE 给出输出的 CSV 文件。");
        var district = await DistrictAsync(services, options, ct);
        var communities = (await services.GetRequiredService<IOrganisationDirectory>().CommunitiesWithinAsync(district.Path, ct))
            .OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => (c.Code, c.Name)).ToList();
        if (communities.Count == 0)
        {
            throw new CommandException($"{district.Name}下没有村(社区),请先导入行政区划。");
        }

        var seed = int.TryParse(options.GetValueOrDefault("seed"), out var s) ? s : 2026;
        var today = services.GetRequiredService<TimeProvider>().Today();
        await using var writer = new StreamWriter(output, append: false, new System.Text.UTF8Encoding(false), 1 << 20);
        await ResidentGenerator.WriteCsvAsync(writer, new ResidentGenerator(seed).Residents(count, communities, district.Code, today), ct);
        Console.WriteLine($"已生成 {count:N0} 名虚构居民({communities.Count} 个村社区):{output}");
        return 0;
    }

    public static async Task<int> ImportAsync(IServiceProvider services, string file, IReadOnlyDictionary<string, string> options, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            throw new CommandException($"文件不存在:{file}");
        }

        var district = await DistrictAsync(services, options, ct);
        var clock = Stopwatch.StartNew();
        await using var stream = File.OpenRead(file);
        var result = await services.GetRequiredService<ImportResidents.Handler>().ImportAsync(stream, file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase), district,
            options.GetValueOrDefault("mode"), options.ContainsKey("preview"), Organisation.CommandLineOperator.Name, "command-line", Path.GetFileName(file), ct);
        if (!result.IsSuccess)
        {
            throw new CommandException(result.Error!.Message);
        }

        var r = result.Value;
        foreach (var e in r.Errors.Take(20))
        {
            Console.Error.WriteLine($"第{e.Row}行:{e.Message}");
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(r.Written
            ? $"新增 {r.Imported:N0} 人,更新 {r.Updated:N0} 人,{r.ErrorCount} 行有误;{seconds:0.0} 秒,{(r.Imported + r.Updated) / seconds:N0} 人/秒"
            : $"未写入:{(r.Preview ? "预检" : $"{r.ErrorCount} 行有误")},可新增 {r.Imported:N0} 人,更新 {r.Updated:N0} 人");
        return r.Written || r.Preview ? 0 : 1;
    }

    private static async Task<UnitInfo> DistrictAsync(IServiceProvider services, IReadOnlyDictionary<string, string> options, CancellationToken ct)
    {
        var code = options.GetValueOrDefault("district") ?? DemoOrganisation.DistrictCode;
        var district = await services.GetRequiredService<IOrganisationDirectory>().FindUnitAsync(code, ct);
        return district is { Level: UnitLevel.District } ? district : throw new CommandException($"“{code}”不是已导入的区(县)代码,请用 --district 给出。");
    }
}
