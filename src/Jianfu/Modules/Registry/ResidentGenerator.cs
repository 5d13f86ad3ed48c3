using System.Globalization;
using System.Text;
using Jianfu.Modules.Registry.Domain;

namespace Jianfu.Modules.Registry;

/// <summary>
/// Synthetic residents for tests, benchmarks and the demo (`jianfu registry generate`): valid ID numbers (the district's
/// address code, a birth date from China's 2020 census age pyramid, a sequence of the right parity, the check
/// character), households of one to four in houses of the real communities, 自住/租住/寄住, grids and tags at realistic
/// rates. Deterministic for a seed. Nobody in it exists.
/// </summary>
internal sealed class ResidentGenerator(int seed = 2026)
{
    /// <summary>The file's header, as <see cref="ResidentFile"/> reads it.</summary>
    public static readonly string[] Header = ["姓名", "公民身份号码", "联系电话", "户号", "村社区代码", "网格", "地址", "楼栋", "单元", "室", "居住关系", "居住起始日期", "标签"];

    // 第七次全国人口普查 (2020), share of the population by five-year age band, 0–4 … 100+ (%).
    private static readonly double[] Pyramid = [5.4, 6.3, 6.1, 5.3, 5.3, 6.5, 8.8, 7.0, 6.7, 8.2, 8.8, 7.2, 5.2, 5.5, 3.8, 2.4, 1.5, 0.8, 0.27, 0.06, 0.01];

    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷黎史龙陶贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private const string Given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅琴云莲建国志宏海燕春林晓东丹亮斌浩凯鹏辉俊雪婷慧颖佳欣怡宇轩子涵梓睿博文雨泽思远";
    private static readonly string[] Roads = ["解放路", "人民路", "中兴路", "胜利路", "环城路", "新建路", "和平路", "东街", "西街", "南街", "北街", "建设路"];

    private readonly Random _random = new(seed);
    private readonly Dictionary<(DateOnly, bool), int> _sequences = [];
    private readonly double[] _cumulative = Cumulate();

    private static double[] Cumulate()
    {
        var total = Pyramid.Sum();
        var sum = 0.0;
        return Pyramid.Select(p => sum += p / total).ToArray();
    }

    /// <summary><paramref name="count"/> residents spread over the communities (code, name), as rows of <see cref="Header"/>.</summary>
    public IEnumerable<string?[]> Residents(int count, IReadOnlyList<(string Code, string Name)> communities, string addressCode, DateOnly today)
    {
        var made = 0;
        var house = 0;
        while (made < count)
        {
            var (code, name) = communities[house % communities.Count];
            house++;
            var place = name.Replace("村委会", "村", StringComparison.Ordinal).Replace("居委会", "社区", StringComparison.Ordinal);
            var road = Roads[_random.Next(Roads.Length)];
            var (building, unit, room) = (_random.Next(1, 31).ToString(CultureInfo.InvariantCulture), _random.Next(1, 5).ToString(CultureInfo.InvariantCulture),
                $"{_random.Next(1, 19)}{_random.Next(1, 5):00}");
            var grid = $"第{1 + house % 6}网格";
            var household = $"H{house:00000000}";
            var residence = _random.NextDouble() switch { < 0.80 => "自住", < 0.95 => "租住", _ => "寄住" };
            var since = today.AddDays(-_random.Next(30, 7300)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var size = Math.Min(count - made, _random.NextDouble() switch { < 0.25 => 1, < 0.55 => 2, < 0.85 => 3, _ => 4 });
            for (var k = 0; k < size; k++, made++)
            {
                var birth = BirthDate(today);
                var male = _random.Next(2) == 0;
                var age = Birthdays.Age(birth, today);
                var tags = new List<string>();
                if (age >= 80)
                {
                    tags.Add("高龄");
                }

                if (age >= 65 && size == 1 && _random.NextDouble() < 0.4)
                {
                    tags.Add("独居");
                }

                if (_random.NextDouble() < 0.02)
                {
                    tags.Add("残疾");
                }

                if (_random.NextDouble() < 0.015)
                {
                    tags.Add("低保");
                }

                if (age is >= 22 and <= 80 && male && _random.NextDouble() < 0.03)
                {
                    tags.Add("退役军人");
                }

                yield return
                [
                    Name(),
                    IdNumber(addressCode, birth, male), age < 12 ? null : Phone(), household, code, grid, $"{place}{road}{_random.Next(1, 300)}号", building, unit, room,
                    residence, since, string.Join("、", tags),
                ];
            }
        }
    }

    /// <summary>A valid ID number for this address code, birth date and sex, never given twice by this generator.</summary>
    public string IdNumber(string addressCode, DateOnly birth, bool male)
    {
        var n = _sequences.TryGetValue((birth, male), out var used) ? used : 0;
        _sequences[(birth, male)] = n + 1;
        // Odd sequences for men, even for women: 500 of each a day and address code; past that the next address code.
        var code = n < 500 ? addressCode : (int.Parse(addressCode, CultureInfo.InvariantCulture) + n / 500).ToString(CultureInfo.InvariantCulture);
        var sequence = (n % 500) * 2 + (male ? 1 : 0);
        var first17 = $"{code}{birth:yyyyMMdd}{sequence:000}";
        return first17 + CitizenId.CheckOf(first17);
    }

    private DateOnly BirthDate(DateOnly today)
    {
        var u = _random.NextDouble();
        var band = Array.FindIndex(_cumulative, c => u <= c);
        var age = (band < 0 ? Pyramid.Length - 1 : band) * 5 + _random.Next(5);
        return today.AddYears(-age).AddDays(-_random.Next(365));
    }

    // Characters added to a string, not to each other (char + char is a number).
    /// <summary>The header of a generated shops file, as <see cref="BusinessFile.Shops"/> reads it.</summary>
    public static readonly string[] ShopHeader = ["店名", "经营者", "营业执照号码", "村社区代码", "网格", "地址", "是否沿街", "联系电话"];

    /// <summary>The header of a generated enterprises file, as <see cref="BusinessFile.Enterprises"/> reads it.</summary>
    public static readonly string[] EnterpriseHeader = ["企业名称", "统一社会信用代码", "村社区代码", "网格", "地址", "联系人", "联系电话"];

    private static readonly string[] Trades = ["小吃店", "便利店", "理发店", "五金店", "水果店", "药店", "早餐店", "服装店", "面馆", "超市"];
    private static readonly string[] Industries = ["纺织", "印染", "机械", "食品", "建材", "电子", "物流", "酒业"];

    /// <summary>
    /// <paramref name="count"/> shops of individual businesses in one community (code, name), as rows of <see cref="ShopHeader"/>: a licence
    /// code that passes GB 32100 (92: 个体工商户), two in three facing the street.
    /// </summary>
    public IEnumerable<string?[]> Shops(int count, (string Code, string Name) community, string addressCode)
    {
        var place = community.Name.Replace("村委会", "村", StringComparison.Ordinal).Replace("居委会", "社区", StringComparison.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var owner = Name();
            yield return [$"{owner[0]}记{Trades[_random.Next(Trades.Length)]}", owner, CreditCodeOf("92", addressCode), community.Code, $"第{1 + i % 6}网格",
                $"{place}{Roads[_random.Next(Roads.Length)]}{_random.Next(1, 300)}号", _random.Next(3) == 0 ? "否" : "是", $"139{_random.Next(10_000_000, 99_999_999)}"];
        }
    }

    /// <summary><paramref name="count"/> enterprises in one community, as rows of <see cref="EnterpriseHeader"/> (91: 企业, a valid code).</summary>
    public IEnumerable<string?[]> Enterprises(int count, (string Code, string Name) community, string addressCode)
    {
        var place = community.Name.Replace("村委会", "村", StringComparison.Ordinal).Replace("居委会", "社区", StringComparison.Ordinal);
        for (var i = 0; i < count; i++)
        {
            yield return [$"绍兴{place}{Given[_random.Next(Given.Length)]}{Given[_random.Next(Given.Length)]}{Industries[_random.Next(Industries.Length)]}有限公司",
                CreditCodeOf("91", addressCode), community.Code, $"第{1 + i % 6}网格", $"{place}{Roads[_random.Next(Roads.Length)]}{_random.Next(1, 300)}号", Name(),
                $"0575-8{_random.Next(1_000_000, 9_999_999)}"];
        }
    }

    /// <summary>A unified social credit code: department and category, the area, a random organisation code, the check character.</summary>
    private string CreditCodeOf(string kind, string addressCode)
    {
        var organisation = string.Concat(Enumerable.Range(0, 9).Select(_ => CreditCode.Alphabet[_random.Next(CreditCode.Alphabet.Length)]));
        var first17 = kind + addressCode + organisation;
        return first17 + CreditCode.CheckOf(first17);
    }

    private string Name() => string.Concat(Surnames[_random.Next(Surnames.Length)], Given[_random.Next(Given.Length)], _random.Next(3) == 0 ? "" : Given[_random.Next(Given.Length)]);

    private string Phone() => $"1{"3456789"[_random.Next(7)]}{_random.Next(0, 1_000_000_000):000000000}";

    /// <summary>Rows written as a UTF-8 CSV with the header.</summary>
    public static async Task WriteCsvAsync(TextWriter writer, IEnumerable<string?[]> rows, CancellationToken ct, string[]? header = null)
    {
        await writer.WriteLineAsync(string.Join(',', header ?? Header));
        var line = new StringBuilder();
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            line.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                line.Append(i == 0 ? "" : ",").Append(row[i]);
            }

            await writer.WriteLineAsync(line);
        }
    }
}
