using System.Globalization;
using CsvHelper;
using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Files;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Catalogue;

/// <summary>
/// The demo district's catalogue: this year's version published from the embedded catalogue-2026.csv, and last year's,
/// superseded, which lacked two items admitted this year and still had the toilet survey active.
/// </summary>
internal sealed class CatalogueDemo(JianfuDbContext db, IOrganisationDirectory directory, TimeProvider time)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var districtId = (await directory.FindUnitAsync(DemoOrganisation.DistrictCode, ct))!.Id;
        var now = time.UtcNow();
        var today = time.Today();
        var (items, errors) = ReadCatalogue(today);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Demo catalogue is invalid: " + string.Join("; ", errors));
        }

        var year = today.Year;
        var previous = new CatalogueVersion
        {
            DistrictId = districtId, Year = year - 1, Title = $"越城区涉村(社区)工作事项清单({year - 1}年版)",
            Status = VersionStatus.Superseded, CreatedAt = now.AddYears(-1), PublishedAt = now.AddYears(-1), SupersededAt = now.AddDays(-300),
        };
        foreach (var item in items.Where(i => i.ScreeningCode is not ("XZ-13" or "XZ-14")))
        {
            var copy = item.CopyInto(0);
            if (copy.ScreeningCode == "XZ-06-03")
            {
                copy.Status = DutyItemStatus.Active;
                copy.RetiredReason = null;
                copy.RetiredOn = null;
            }

            if (copy.ScreeningCode == "XZ-09")
            {
                copy.Name = "协助开展统计调查";
            }

            previous.Items.Add(copy);
        }

        var current = new CatalogueVersion
        {
            DistrictId = districtId, Year = year, Title = $"越城区涉村(社区)工作事项清单({year}年版)",
            Status = VersionStatus.Published, CreatedAt = now.AddDays(-320), PublishedAt = now.AddDays(-300), Items = items,
        };
        db.CatalogueVersions.AddRange(previous, current);
        db.CatalogueHistory.AddRange(
            new CatalogueHistory { DistrictId = districtId, At = now.AddDays(-300), Actor = DemoOrganisation.Actor, Action = $"发布{year}年版清单", Note = $"{items.Count}项,{year - 1}年版同时废止" });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The demo catalogue published as a district's version of <paramref name="year"/> (the benchmarks' catalogue).</summary>
    public async Task PublishAsync(int districtId, int year, string title, CancellationToken ct)
    {
        var now = time.UtcNow();
        db.CatalogueVersions.Add(new CatalogueVersion
        {
            DistrictId = districtId, Year = year, Title = title, Status = VersionStatus.Published, CreatedAt = now, PublishedAt = now,
            Items = ReadCatalogue(time.Today()).Items,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The demo catalogue's matcher, built as the platform builds it for a published version.</summary>
    public static ItemMatcher Matcher() => ItemMatcher.ForVersion(ReadCatalogue(DateOnly.FromDateTime(DateTime.Today)).Items);

    /// <summary>The demo catalogue's items, read as an import reads a sheet.</summary>
    public static (List<DutyItem> Items, List<SheetError> Errors) ReadCatalogue(DateOnly today)
    {
        using var reader = EmbeddedFile.OpenDemo(typeof(CatalogueDemo), "catalogue-2026.csv");
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var headers = csv.HeaderRecord!;
        var rows = new List<IReadOnlyDictionary<string, string?>>();
        while (csv.Read())
        {
            rows.Add(headers.ToDictionary(h => h, h => csv.GetField(h)));
        }

        return CatalogueSheet.Parse(rows, headers, today);
    }
}
