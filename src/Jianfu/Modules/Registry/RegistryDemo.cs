using System.Text.Json;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Time;
using static Jianfu.Modules.Organisation.Contracts.DemoOrganisation;

namespace Jianfu.Modules.Registry;

/// <summary>
/// The demo district's registry: 3,000 synthetic residents over its communities (600 in 富盛村, with
/// three who turn 90 in the next three months), imported through the import itself, and the demo ledger templates.
/// </summary>
internal sealed class RegistryDemo(JianfuDbContext db, IOrganisationDirectory directory, ImportResidents.Handler import, ImportBusinesses.Handler businesses, TimeProvider time)
{
    /// <summary>The demo's ledger templates over residents: name, conditions, columns.</summary>
    public static readonly (string Name, LedgerCondition[] Conditions, string[] Columns)[] Templates =
    [
        ("未来三个月年满90周岁老人", [Condition("age", "turns-within-months", new[] { 90, 3 })], ["name", "sex", "birthDate", "age", "address", "phone", "grid"]),
        ("独居老人", [Condition("tags", "has-tag", "独居"), Condition("age", ">=", 60)], ["name", "sex", "age", "address", "phone", "grid"]),
        ("残疾人", [Condition("tags", "has-tag", "残疾")], ["name", "sex", "age", "address", "phone", "tags"]),
        ("退役军人", [Condition("tags", "has-tag", "退役军人")], ["name", "age", "address", "phone", "grid"]),
        ("出租房屋及租客", [Condition("residence", "=", "租住")], ["address", "name", "sex", "age", "phone", "residence"]),
        ("高龄老人(80周岁以上)", [Condition("age", ">=", 80)], ["name", "sex", "age", "address", "phone", "tags"]),
    ];

    /// <summary>The demo's street-front shops (沿街商铺): the template over shops.</summary>
    public static readonly (string Name, LedgerCondition[] Conditions, string[] Columns) StreetShops =
        ("沿街商铺", [Condition("streetFacing", "=", "是")], ["name", "operator", "licenceCode", "address", "phone", "grid"]);

    public static LedgerCondition Condition(string field, string op, object value) => new(field, op, JsonSerializer.SerializeToElement(value));

    public async Task SeedAsync(CancellationToken ct)
    {
        var district = (await directory.FindUnitAsync(DistrictCode, ct))!;
        var today = time.Today();
        var communities = (await directory.CommunitiesWithinAsync(district.Path, ct)).OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => (c.Code, c.Name)).ToList();
        var village = communities.Single(c => c.Code == VillageCode);
        var generator = new ResidentGenerator(seed: 90);
        var rows = generator.Residents(2400, communities, DistrictCode, today).Concat(generator.Residents(597, [village], DistrictCode, today)).ToList();
        foreach (var (days, name, male) in new[] { (12, "陈阿婆", false), (41, "王老伯", true), (77, "沈阿婆", false) })
        {
            var birth = today.AddDays(days).AddYears(-90);
            rows.Add([name, generator.IdNumber(DistrictCode, birth, male), "13905751234", $"H9{days:0000000}", VillageCode, "第1网格", "富盛村解放路18号", "", "", "",
                "自住", "1990-01-01", "高龄"]);
        }

        using var csv = new MemoryStream();
        await using (var writer = new StreamWriter(csv, leaveOpen: true))
        {
            await ResidentGenerator.WriteCsvAsync(writer, rows, ct);
        }

        csv.Position = 0;
        var imported = await import.ImportAsync(csv, csv: true, district, "all-or-nothing", preview: false, Actor, "demo", "演示人口数据.csv", ct);
        if (!imported.IsSuccess || imported.Value.ErrorCount > 0)
        {
            throw new InvalidOperationException("Demo residents failed to import: " + (imported.Error?.Message ?? string.Join("; ", imported.Value.Errors.Take(5))));
        }

        // Shops and enterprises of 富盛村 and two neighbours, through the import as well.
        foreach (var (kind, header, made) in new[]
                 {
                     (ImportKind.Shops, ResidentGenerator.ShopHeader, communities.Take(2).Append(village).SelectMany(c => generator.Shops(c == village ? 30 : 10, c, DistrictCode))),
                     (ImportKind.Enterprises, ResidentGenerator.EnterpriseHeader, communities.Take(2).Append(village).SelectMany(c => generator.Enterprises(c == village ? 12 : 4, c, DistrictCode))),
                 })
        {
            using var file = new MemoryStream();
            await using (var writer = new StreamWriter(file, leaveOpen: true))
            {
                await ResidentGenerator.WriteCsvAsync(writer, made, ct, header);
            }

            file.Position = 0;
            var done = await businesses.ImportAsync(kind, file, csv: true, district, "all-or-nothing", preview: false, Actor, "demo", $"演示{ListImports.KindName(kind)}数据.csv", ct);
            if (!done.IsSuccess || done.Value.ErrorCount > 0)
            {
                throw new InvalidOperationException("Demo businesses failed to import: " + (done.Error?.Message ?? string.Join("; ", done.Value.Errors.Take(5))));
            }
        }

        var now = time.UtcNow();
        db.LedgerTemplates.AddRange(Templates.Select(t => (t.Name, t.Conditions, t.Columns, LedgerSubject.Residents)).Append((StreetShops.Name, StreetShops.Conditions, StreetShops.Columns, LedgerSubject.Shops))
            .Select(t => new LedgerTemplate
            {
                DistrictId = district.Id, ScopeUnitId = district.Id, ScopeCode = district.Code, Name = t.Name, Subject = t.Item4,
                ConditionsJson = JsonSerializer.Serialize(t.Conditions, JsonSerializerOptions.Web), Columns = string.Join(',', t.Columns), CreatedAt = now, CreatedBy = Actor,
            }));
        await db.SaveChangesAsync(ct);
    }
}
