using System.Text.RegularExpressions;

namespace Jianfu.Modules.Registry.Domain;

/// <summary>
/// Whether a task's text asks the village to collect or report data about residents that the registry holds
/// (Pudong Nancheng: 从向居委要数据转变为向系统要数据): a sentence with a collecting verb (统计, 摸排, 上报, 报送 …)
/// and a subject the registry keeps (老年人, 独居, 残疾人, 退役军人, 出租房屋 …). Each subject names the words a
/// ledger of it would carry, to point at the ledgers that answer it.
/// </summary>
internal static partial class Holdings
{
    public static readonly (string Subject, Regex Pattern, string[] LedgerWords)[] Subjects =
    [
        ("高龄老人", Elderly(), ["周岁", "高龄", "老人"]),
        ("独居老人", Alone(), ["独居", "空巢"]),
        ("残疾人", Disabled(), ["残疾"]),
        ("退役军人", Veterans(), ["退役军人"]),
        ("低保和特困人员", Welfare(), ["低保", "特困"]),
        ("出租房屋和租客", Rented(), ["出租", "租客", "租住"]),
        ("居民基本信息", People(), ["居民", "人口"]),
    ];

    /// <summary>The subjects a text asks the village to collect, in the order above; empty when it asks for none.</summary>
    public static IReadOnlyList<string> Asked(string text)
    {
        var found = new List<string>();
        foreach (var sentence in Sentence().Split(text))
        {
            if (!Collect().IsMatch(sentence))
            {
                continue;
            }

            found.AddRange(Subjects.Where(s => s.Pattern.IsMatch(sentence)).Select(s => s.Subject));
        }

        return found.Distinct().ToList();
    }

    /// <summary>The ledgers whose names carry the words of one of <paramref name="subjects"/>.</summary>
    public static IEnumerable<T> LedgersFor<T>(IReadOnlyList<string> subjects, IEnumerable<T> ledgers, Func<T, string> name) =>
        ledgers.Where(l => Subjects.Where(s => subjects.Contains(s.Subject)).Any(s => s.LedgerWords.Any(w => name(l).Contains(w, StringComparison.Ordinal))));

    [GeneratedRegex(@"[。;;!!\n]")]
    private static partial Regex Sentence();

    [GeneratedRegex(@"统计|摸排|摸底|排查|上报|报送|填报|收集|采集|登记|核对|造册|汇总|报备")]
    private static partial Regex Collect();

    [GeneratedRegex(@"高龄|老年人|老人|(60|65|70|80|90|百)\s*(周)?岁")]
    private static partial Regex Elderly();

    [GeneratedRegex(@"独居|空巢")]
    private static partial Regex Alone();

    [GeneratedRegex(@"残疾")]
    private static partial Regex Disabled();

    [GeneratedRegex(@"退役军人|复员|转业军人")]
    private static partial Regex Veterans();

    [GeneratedRegex(@"低保|特困|困难群众")]
    private static partial Regex Welfare();

    [GeneratedRegex(@"出租房|租客|租户|流动人口|外来人口")]
    private static partial Regex Rented();

    [GeneratedRegex(@"户籍人口|常住人口|人口信息|居民信息|身份证号|人员名单|花名册")]
    private static partial Regex People();
}
