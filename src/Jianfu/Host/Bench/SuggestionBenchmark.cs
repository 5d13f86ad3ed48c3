using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using Jianfu.Modules.Catalogue;
using Jianfu.Platform.Bench;
using Jianfu.Platform.Errors;

namespace Jianfu.Host.Bench;

/// <summary>
/// `jianfu bench suggest --file task-texts.csv`: screening-code suggestion against the demo catalogue. The file
/// (code,title,content; code "-" for a task outside the list, including those of a retired item) is the labelled
/// evaluation set kept with the tests.
/// </summary>
internal static class SuggestionBenchmark
{
    public sealed record Figures(int Labelled, double Top1, double Top3, int OutsideTexts, double OutsideFlagged, double InsideFlagged, double P95Milliseconds);

    public static Task<int> RunAsync(IReadOnlyDictionary<string, string> options)
    {
        var file = options.GetValueOrDefault("file") ?? throw new CommandException("请用 --file 指定评测文件 (code,title,content)。");
        var f = Evaluate(ReadTexts(file), options.ContainsKey("verbose") ? Console.Out : null);
        Console.WriteLine($"评测文本 {f.Labelled} 条(清单内),清单外 {f.OutsideTexts} 条");
        Console.WriteLine($"top-1 准确率 {f.Top1:P1}   top-3 准确率 {f.Top3:P1}");
        Console.WriteLine($"清单外文本提示“可能为清单外事项” {f.OutsideFlagged:P0};清单内文本误提示 {f.InsideFlagged:P1}");
        Console.WriteLine($"单次推荐 p95 {f.P95Milliseconds:F2} ms");
        BenchData.Result($"screening-code suggestion, {f.Labelled} labelled texts", "—", $"top-3 {f.Top3:P1}, top-1 {f.Top1:P1}, p95 {f.P95Milliseconds:F1} ms", "top-3 ≥ 95%", f.Top3 >= 0.95);
        return Task.FromResult(f.Top3 >= 0.95 ? 0 : 1);
    }

    public static List<(string Code, string Text)> ReadTexts(string file)
    {
        using var reader = new StreamReader(file);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<TaskText>().Select(t => (t.code.Trim(), t.title + "\n" + t.content)).ToList();
    }

    /// <summary>With <paramref name="log"/>, writes every miss and every best score of a text outside the list (--verbose).</summary>
    public static Figures Evaluate(List<(string Code, string Text)> texts, TextWriter? log = null)
    {
        using var matcher = CatalogueDemo.Matcher();
        int labelled = 0, top1 = 0, top3 = 0, outside = 0, outsideFlagged = 0, insideFlagged = 0;
        var times = new List<double>();
        foreach (var (code, text) in texts)
        {
            var started = Stopwatch.GetTimestamp();
            var found = SuggestScreeningCodes.Suggest(matcher, text, null);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var best = found.Items.Count > 0 ? $"{found.Items[0].ScreeningCode} {found.Items[0].Score}" : "无";
            if (log is not null && (code == "-" || !found.Items.Take(1).Any(i => i.ScreeningCode == code)))
            {
                log.WriteLine($"{code,-9} 最佳 {best,-16} 前三 {string.Join(" ", found.Items.Select(i => i.ScreeningCode))}  {text.ReplaceLineEndings(" ")[..Math.Min(30, text.Length)]}");
            }

            if (code == "-")
            {
                outside++;
                outsideFlagged += found.MayBeOutsideList ? 1 : 0;
                continue;
            }

            labelled++;
            insideFlagged += found.MayBeOutsideList ? 1 : 0;
            top1 += found.Items.Count > 0 && found.Items[0].ScreeningCode == code ? 1 : 0;
            top3 += found.Items.Any(i => i.ScreeningCode == code) ? 1 : 0;
        }

        times.Sort();
        return new Figures(labelled, top1 / (double)labelled, top3 / (double)labelled, outside,
            outside == 0 ? 0 : outsideFlagged / (double)outside, insideFlagged / (double)labelled, times[(int)(times.Count * 0.95)]);
    }

    private sealed class TaskText
    {
        public string code { get; set; } = "";
        public string title { get; set; } = "";
        public string content { get; set; } = "";
    }
}
