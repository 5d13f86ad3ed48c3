using Jianfu.Modules.Assessment.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// A set against the last one of an earlier year for the same level: counts in total and per category, the reduction
/// ratio, and the indicators removed, merged and new — on the page as a chart, and as an Excel workbook.
/// </summary>
public static class CompareIndicatorSets
{
    public sealed record SetCount(int Id, int Year, string Title, int Count);

    public sealed record CategoryCount(string Category, int Previous, int Current, decimal? Reduction);

    public sealed record Named(string Category, string Name);

    public sealed record MergedView(Named Into, IReadOnlyList<Named> From);

    public sealed record Response(
        SetCount? Previous, SetCount Current, decimal? Reduction, IReadOnlyList<CategoryCount> ByCategory,
        IReadOnlyList<Named> Removed, IReadOnlyList<MergedView> Merged, IReadOnlyList<Named> Added, int Kept);

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access)
    {
        public async Task<Result<Response>> HandleAsync(int id, CancellationToken ct)
        {
            var found = await access.SetAsync(id, ct);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var set = found.Value.Set;
            var previous = await db.IndicatorSets.AsNoTracking().Include(s => s.Indicators)
                .Where(s => s.DistrictId == set.DistrictId && s.Level == set.Level && s.Year < set.Year && s.Status != SetStatus.Draft)
                .OrderByDescending(s => s.Year).ThenBy(s => s.Status == SetStatus.Published ? 0 : 1).ThenByDescending(s => s.Id)
                .FirstOrDefaultAsync(ct);
            var current = set.Indicators.OrderBy(i => i.Number).Select(i => new SetComparison.Entry(i.Category, i.Name)).ToList();
            var earlier = previous?.Indicators.OrderBy(i => i.Number).Select(i => new SetComparison.Entry(i.Category, i.Name)).ToList() ?? [];
            var texts = set.Indicators.Concat(previous?.Indicators ?? []).GroupBy(i => (i.Category, i.Name)).ToDictionary(g => g.Key, g => g.First().Name + g.First().Description);
            var result = SetComparison.Compare(earlier, current, e => texts[(e.Category, e.Name)]);
            var categories = set.CategoryList.Concat(earlier.Select(e => e.Category)).Distinct().ToList();
            var byCategory = categories.Select(c =>
            {
                int before = earlier.Count(e => e.Category == c), now = current.Count(e => e.Category == c);
                return new CategoryCount(c, before, now, SetComparison.Reduction(before, now));
            }).ToList();
            static Named N(SetComparison.Entry e) => new(e.Category, e.Name);
            return new Response(
                previous is null ? null : new SetCount(previous.Id, previous.Year, previous.Title, earlier.Count),
                new SetCount(set.Id, set.Year, set.Title, current.Count),
                previous is null ? null : SetComparison.Reduction(earlier.Count, current.Count),
                byCategory, result.Removed.Select(N).ToList(), result.Merged.Select(m => new MergedView(N(m.Into), m.From.Select(N).ToList())).ToList(),
                result.Added.Select(N).ToList(), result.Kept);
        }
    }

    /// <summary>The comparison as a workbook: the counts, then the removed, merged and new indicators, one sheet each.</summary>
    public static async Task<byte[]> ToXlsxAsync(Response c, CancellationToken ct)
    {
        static string Percent(decimal? r) => r is { } v ? $"{v * 100:0.#}%" : "—";
        var summary = c.ByCategory.Select(b => new Dictionary<string, object?> { ["类别"] = b.Category, ["上一年度"] = b.Previous, ["本年度"] = b.Current, ["增减"] = Percent(b.Reduction) })
            .Append(new Dictionary<string, object?> { ["类别"] = "合计", ["上一年度"] = c.Previous?.Count, ["本年度"] = c.Current.Count, ["增减"] = Percent(c.Reduction) })
            .ToList();
        static List<Dictionary<string, object?>> Rows(IEnumerable<Named> list, string empty) =>
            list.Select(n => new Dictionary<string, object?> { ["类别"] = n.Category, ["指标"] = n.Name }).DefaultIfEmpty(new() { ["类别"] = empty, ["指标"] = "" }).ToList();
        var merged = c.Merged.SelectMany(m => m.From.Select(f => new Dictionary<string, object?> { ["合并为"] = m.Into.Name, ["原指标"] = f.Name, ["原类别"] = f.Category }))
            .DefaultIfEmpty(new() { ["合并为"] = "无", ["原指标"] = "", ["原类别"] = "" }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["指标数量对比"] = summary, ["取消的指标"] = Rows(c.Removed, "无"), ["合并的指标"] = merged, ["新增的指标"] = Rows(c.Added, "无"),
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>The comparison as a workbook: for the API, and for the comparison page's download (signed in with the page's cookie).</summary>
    internal static async Task<IResult> XlsxAsync(int id, Handler handler, CancellationToken ct)
    {
        var c = await handler.HandleAsync(id, ct);
        return c.IsSuccess
            ? Results.File(await ToXlsxAsync(c.Value, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"考核指标对比-{c.Value.Current.Year}.xlsx")
            : c.Error!.ToProblem();
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/assessment/sets/{id:int}/comparison", async (int id, Handler handler, CancellationToken ct) => (await handler.HandleAsync(id, ct)).ToHttp(Results.Ok))
            .WithName("CompareIndicatorSets")
            .WithSummary("与上一年度指标体系对比:总数和各类别数量、精简比例(reduction,如 -0.4237 即减少42.4%)、取消、合并和新增的指标")
            .Produces<Response>();
        api.MapGet("/assessment/sets/{id:int}/comparison.xlsx", XlsxAsync)
            .WithName("ExportIndicatorComparison")
            .WithSummary("导出指标体系年度对比为 Excel (.xlsx)");
    }
}
