using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Organisation.Domain;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Organisation;

/// <summary>
/// Loads the units tree from the standard division-code CSV (code,name,level,parent_code; NBS 统计用区划代码), with
/// optional columns lat,long,address for where each office is (so that a 311 report with coordinates finds its community).
/// Idempotent: a second import renames and adds, and never deletes a unit (units carry tasks and history).
/// Province and city rows are passed over: a district is the top of Jianfu's tree.
/// </summary>
internal sealed class ImportDivisions(JianfuDbContext db, TimeProvider time)
{
    private static readonly string[] Placeholders = ["虚拟社区", "虚拟生活区"];

    private const string BadCsv = "CSV 格式有误(引号不成对或字段不完整),请用 UTF-8 编码、逗号分隔。";

    public sealed record Report(int Added, int Renamed, int Unchanged, IReadOnlyList<string> Notices, IReadOnlyList<string> Errors)
    {
        public bool Succeeded => Errors.Count == 0;

        public string Summary => Succeeded
            ? $"导入完成:新增{Added}个单位,更名{Renamed}个,未变{Unchanged}个。"
            : $"导入失败,未做任何修改:发现{Errors.Count}处错误。";
    }

    private sealed record Row(int Line, string Code, string Name, string ParentCode, double? Latitude = null, double? Longitude = null, string? Address = null)
    {
        public bool Places(Unit unit) =>
            (Latitude is not null && (unit.Latitude, unit.Longitude) != (Latitude, Longitude)) || (Address is not null && unit.Address != Address);
    }

    public async Task<Report> ImportAsync(TextReader csv, string? under, string actor, CancellationToken ct)
    {
        var notices = new List<string>();
        var errors = new List<string>();
        var rows = Read(csv, under, notices, errors);
        if (errors.Count > 0)
        {
            return new Report(0, 0, 0, notices, errors);
        }

        var existing = await db.Units.ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, ct);
        var inFile = rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Code.Length > 6 && !inFile.ContainsKey(r.ParentCode) && !existing.ContainsKey(r.ParentCode)))
        {
            errors.Add($"第{row.Line}行:上级单位代码“{row.ParentCode}”既不在文件中,也不在系统中。");
        }

        if (errors.Count > 0)
        {
            return new Report(0, 0, 0, notices, errors);
        }

        var now = time.GetUtcNow().UtcDateTime;
        int added = 0, renamed = 0, unchanged = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // Level by level, so that every parent has its id (and its district) before its children are written.
        foreach (var level in new[] { 6, 9, 12 })
        {
            var newUnits = new List<Unit>();
            foreach (var row in rows.Where(r => r.Code.Length == level))
            {
                if (existing.TryGetValue(row.Code, out var unit))
                {
                    if (row.Places(unit))
                    {
                        (unit.Latitude, unit.Longitude) = row.Latitude is null ? (unit.Latitude, unit.Longitude) : (row.Latitude, row.Longitude);
                        unit.Address = row.Address ?? unit.Address;
                        unit.UpdatedAt = now;
                        if (unit.Name == row.Name)
                        {
                            notices.Add($"{row.Code} {unit.Name}:更新办公地点");
                        }
                    }

                    if (unit.Name != row.Name)
                    {
                        notices.Add($"{row.Code} 更名:{unit.Name} → {row.Name}");
                        unit.Name = row.Name;
                        unit.Kind = Unit.KindOf(row.Code, row.Name);
                        unit.UpdatedAt = now;
                        renamed++;
                    }
                    else
                    {
                        unchanged++;
                    }

                    continue;
                }

                var parent = level == 6 ? null : existing[row.ParentCode];
                unit = new Unit
                {
                    Code = row.Code,
                    Name = row.Name,
                    Level = Unit.LevelOfCode(row.Code)!.Value,
                    Kind = Unit.KindOf(row.Code, row.Name),
                    ParentId = parent?.Id,
                    Path = (parent?.Path ?? "") + row.Code + "/",
                    DistrictId = parent?.DistrictId ?? 0,
                    UpdatedAt = now,
                    Latitude = row.Latitude,
                    Longitude = row.Longitude,
                    Address = row.Address,
                };
                db.Units.Add(unit);
                newUnits.Add(unit);
                existing[row.Code] = unit;
                added++;
            }

            await db.SaveChangesAsync(ct);
            if (level == 6 && newUnits.Count > 0)
            {
                newUnits.ForEach(d => d.DistrictId = d.Id);
                await db.SaveChangesAsync(ct);
            }
        }

        db.OrganisationHistory.Add(new OrganisationHistory
        {
            At = now,
            Actor = actor,
            Action = "导入行政区划",
            Note = $"新增{added},更名{renamed},未变{unchanged}" + (under is null ? "" : $",范围 {under}"),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Report(added, renamed, unchanged, notices, errors);
    }

    private static List<Row> Read(TextReader csv, string? under, List<string> notices, List<string> errors)
    {
        var rows = new List<Row>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, MissingFieldFound = null };
        using var reader = new CsvReader(csv, config);
        if (!TryRead(reader, errors) || !reader.ReadHeader() || reader.HeaderRecord is not { } header ||
            !new[] { "code", "name", "parent_code" }.All(h => header.Contains(h, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add("文件第一行须为表头 code,name,level,parent_code。");
            return rows;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (TryRead(reader, errors))
        {
            var line = reader.Parser.RawRow;
            string code, name, parent;
            try
            {
                (code, name, parent) = (reader.GetField("code") ?? "", reader.GetField("name") ?? "", reader.GetField("parent_code") ?? "");
            }
            catch (CsvHelperException)
            {
                errors.Add($"第{line}行:{BadCsv}");
                continue;
            }

            if (StoredText.Problem(code + name + parent) is { } problem)
            {
                errors.Add($"第{line}行:{problem}。");
                continue;
            }

            if (code.Length is 2 or 4 && code.All(char.IsAsciiDigit))
            {
                continue;
            }

            if (!code.All(char.IsAsciiDigit) || Unit.LevelOfCode(code) is null)
            {
                errors.Add($"第{line}行:代码“{code}”不是6、9或12位数字的区划代码。");
                continue;
            }

            if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
            {
                errors.Add($"第{line}行:名称为空或超过100字。");
                continue;
            }

            if (code.Length > 6 && (!code.StartsWith(parent, StringComparison.Ordinal) || parent.Length != code.Length - 3))
            {
                errors.Add($"第{line}行:上级代码“{parent}”与代码“{code}”不相符。");
                continue;
            }

            if (!seen.Add(code))
            {
                errors.Add($"第{line}行:代码“{code}”重复。");
                continue;
            }

            if (under is not null && !code.StartsWith(under, StringComparison.Ordinal) && !under.StartsWith(code, StringComparison.Ordinal))
            {
                continue;
            }

            if (Placeholders.Any(p => name.Contains(p, StringComparison.Ordinal)))
            {
                notices.Add($"跳过占位单位 {code} {name}");
                continue;
            }

            if (!TryPlace(reader, header, out var latitude, out var longitude, out var address))
            {
                errors.Add($"第{line}行:办公地点有误:纬度(lat)应在 -90 至 90 之间、经度(long)在 -180 至 180 之间且须同时填写,地址(address)不超过200字。");
                continue;
            }

            rows.Add(new Row(line, code, name, parent, latitude, longitude, address));
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(under is null ? "文件中没有区县及以下的单位。" : $"文件中没有代码“{under}”下的单位。");
        }

        return rows;
    }

    /// <summary>The optional lat,long,address columns of a row: both coordinates or neither, each within its range.</summary>
    private static bool TryPlace(CsvReader reader, string[] header, out double? latitude, out double? longitude, out string? address)
    {
        string? Field(string name) => header.Contains(name, StringComparer.OrdinalIgnoreCase) && reader.GetField(name) is { Length: > 0 } v ? v : null;
        (latitude, longitude, address) = (null, null, Field("address"));
        var (lat, lon) = (Field("lat"), Field("long"));
        if (address is { Length: > 200 } || StoredText.Problem(address ?? "") is not null || (lat is null) != (lon is null))
        {
            return false;
        }

        if (lat is null)
        {
            return true;
        }

        if (!double.TryParse(lat, NumberStyles.Float, CultureInfo.InvariantCulture, out var la) || la is < -90 or > 90 ||
            !double.TryParse(lon, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || lo is < -180 or > 180)
        {
            return false;
        }

        (latitude, longitude) = (la, lo);
        return true;
    }

    /// <summary>The next row, or false at the end of the file or at a row the CSV reader cannot read (reported with its line).</summary>
    private static bool TryRead(CsvReader reader, List<string> errors)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvHelperException e)
        {
            errors.Add($"第{e.Context?.Parser?.RawRow ?? 0}行:{BadCsv}");
            return false;
        }
    }
}
