using System.Globalization;
using System.Text.Json;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Registry;

/// <summary>
/// Runs a ledger's conditions over one unit's residents: each criterion becomes an indexed filter (ages become birth-date
/// ranges), the exact birthday rule is applied to the few rows near a window's edge, and the columns are filled as the
/// reader may see them.
/// </summary>
internal sealed class LedgerRunner(JianfuDbContext db, IOrganisationDirectory directory, TimeProvider time)
{
    /// <summary>Rows a run returns at most (the count is always whole); an export takes up to <see cref="MaxExportRows"/>.</summary>
    public const int MaxRows = 5000;

    public const int MaxExportRows = 200_000;

    public sealed record Output(IReadOnlyList<LedgerColumn> Columns, int Count, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows, bool Truncated);

    private sealed record Row(long Id, string Name, string IdNumber, Sex Sex, DateOnly BirthDate, string? Phone, int CommunityId, int? GridId, string? Address, Residence Residence, string? Household);

    public static Result<(IReadOnlyList<Criterion> Criteria, IReadOnlyList<string> Columns)> Read(LedgerTemplate template) =>
        Read(template.Subject, JsonSerializer.Deserialize<List<LedgerCondition>>(template.ConditionsJson, JsonSerializerOptions.Web), template.Columns.Split(',', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A ledger as sent, by what it lists: residents by <see cref="LedgerQuery"/>, shops and enterprises by <see cref="BusinessLedger"/>.</summary>
    public static Result<(IReadOnlyList<Criterion> Criteria, IReadOnlyList<string> Columns)> Read(LedgerSubject subject, IReadOnlyList<LedgerCondition>? conditions, IReadOnlyList<string>? columns) =>
        subject == LedgerSubject.Residents ? LedgerQuery.Read(conditions, columns) : BusinessLedger.Read(subject, conditions, columns);

    public async Task<Result<Output>> RunAsync(IReadOnlyList<Criterion> criteria, IReadOnlyList<string> columns, RegistryAccess.Reader reader, int limit, CancellationToken ct)
    {
        var today = time.Today();
        var scope = reader.Scope;
        var query = scope.Level switch
        {
            UnitLevel.Community => db.Residents.AsNoTracking().Where(r => r.CommunityId == scope.Id),
            // Through the district's birth-date index: a township has none of its own (each index costs the import).
            UnitLevel.Township => db.Residents.AsNoTracking().Where(r => r.DistrictId == scope.DistrictId && r.TownshipId == scope.Id),
            _ => db.Residents.AsNoTracking().Where(r => r.DistrictId == scope.Id),
        };
        var turning = new List<Criterion.TurnsWithin>();
        foreach (var c in criteria)
        {
            switch (c)
            {
                case Criterion.TurnsWithin t:
                    var (from, to) = Birthdays.BirthsTurningWithin(t.Years, t.Months, today);
                    query = query.Where(r => r.BirthDate >= from && r.BirthDate <= to);
                    turning.Add(t);
                    break;
                case Criterion.Age a:
                    var atLeast = Birthdays.BornByForAge(a.Years, today);
                    var above = Birthdays.BornByForAge(a.Years + 1, today);
                    query = a.Op switch
                    {
                        ">=" => query.Where(r => r.BirthDate <= atLeast),
                        "<=" => query.Where(r => r.BirthDate > above),
                        "=" => query.Where(r => r.BirthDate <= atLeast && r.BirthDate > above),
                        _ => query.Where(r => r.BirthDate > atLeast || r.BirthDate <= above),
                    };
                    break;
                case Criterion.Born b:
                    query = b.Op switch
                    {
                        ">=" => query.Where(r => r.BirthDate >= b.Date),
                        "<=" => query.Where(r => r.BirthDate <= b.Date),
                        _ => query.Where(r => r.BirthDate == b.Date),
                    };
                    break;
                case Criterion.HasTag h:
                    var tag = await db.Tags.AsNoTracking().Where(x => x.DistrictId == scope.DistrictId && x.Name == h.Tag).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
                    if (tag is not { } tagId)
                    {
                        return Error.Validation("conditions", $"本区没有“{h.Tag}”这个标签。");
                    }

                    query = query.Where(r => db.ResidentTags.Any(x => x.ResidentId == r.Id && x.TagId == tagId));
                    break;
                case Criterion.Text t:
                    query = Text(query, t);
                    break;
            }
        }

        // Grid by grid, house by house (houses are numbered as they were registered): numbers to sort, not addresses.
        var rows = query.OrderBy(r => r.CommunityId).ThenBy(r => r.GridId).ThenBy(r => r.HouseId).ThenBy(r => r.Id)
            .Select(r => new Row(r.Id, r.Name, r.IdNumber, r.Sex, r.BirthDate, r.Phone, r.CommunityId, r.GridId, r.Address, r.Residence, r.Household));
        List<Row> found;
        int count;
        if (turning.Count > 0)
        {
            // The birth-date range is a day wider than the rule (29 February); the exact rule decides, in the order people reach the age.
            found = (await rows.ToListAsync(ct)).Where(r => turning.All(t => Birthdays.TurnsWithin(r.BirthDate, t.Years, t.Months, today)))
                .OrderBy(r => Birthdays.Reaches(r.BirthDate, turning[0].Years)).ThenBy(r => r.Id).ToList();
            count = found.Count;
            found = found.Take(limit).ToList();
        }
        else
        {
            // Counted only when the list is longer than what is shown: most lists are one read, not two.
            found = await rows.Take(limit + 1).ToListAsync(ct);
            count = found.Count <= limit ? found.Count : await query.CountAsync(ct);
            found = found.Take(limit).ToList();
        }

        return new Output(columns.Select(c => new LedgerColumn(c, LedgerQuery.ColumnName(c))).ToList(), count, await FillAsync(found, columns, reader, today, ct), count > found.Count);
    }

    private IQueryable<Resident> Text(IQueryable<Resident> query, Criterion.Text t)
    {
        var values = t.Values;
        switch (t.Field)
        {
            case "name":
                return t.Negated ? query.Where(r => !values.Contains(r.Name)) : query.Where(r => values.Contains(r.Name));
            case "idNumber":
                var numbers = values.Select(v => v.ToUpperInvariant()).ToArray();
                return t.Negated ? query.Where(r => !numbers.Contains(r.IdNumber)) : query.Where(r => numbers.Contains(r.IdNumber));
            case "household":
                return t.Negated ? query.Where(r => r.Household == null || !values.Contains(r.Household)) : query.Where(r => r.Household != null && values.Contains(r.Household));
            case "sex":
                var sexes = values.Select(v => v == "男" ? Sex.Male : Sex.Female).ToArray();
                return t.Negated ? query.Where(r => !sexes.Contains(r.Sex)) : query.Where(r => sexes.Contains(r.Sex));
            case "residence":
                var kinds = values.Select(v => ResidenceNames.Parse(v)!.Value).ToArray();
                return t.Negated ? query.Where(r => !kinds.Contains(r.Residence)) : query.Where(r => kinds.Contains(r.Residence));
            default:
                // Grids are named within their community (第1网格 is in every one): matched through the resident's own grid.
                return t.Negated
                    ? query.Where(r => !db.Grids.Any(g => g.Id == r.GridId && values.Contains(g.Name)))
                    : query.Where(r => db.Grids.Any(g => g.Id == r.GridId && values.Contains(g.Name)));
        }
    }

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> FillAsync(
        List<Row> found, IReadOnlyList<string> columns, RegistryAccess.Reader reader, DateOnly today, CancellationToken ct)
    {
        var gridIds = found.Where(r => r.GridId is not null).Select(r => r.GridId!.Value).Distinct().ToList();
        var grids = (columns.Contains("grid") || columns.Contains("gridWorker")) && gridIds.Count > 0
            ? await db.Grids.AsNoTracking().Where(g => gridIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct)
            : [];
        var communities = columns.Contains("community") && found.Count > 0
            ? (await directory.UnitsBelowAsync(reader.Scope.Path, ct)).ToDictionary(u => u.Id, u => u.Name)
            : [];
        var tags = new Dictionary<long, List<string>>();
        if (columns.Contains("tags"))
        {
            foreach (var chunk in found.Select(r => r.Id).Chunk(1000))
            {
                var pairs = await db.ResidentTags.AsNoTracking().Where(x => chunk.Contains(x.ResidentId))
                    .Join(db.Tags, x => x.TagId, t => t.Id, (x, t) => new { x.ResidentId, t.Name }).ToListAsync(ct);
                foreach (var p in pairs)
                {
                    (tags.TryGetValue(p.ResidentId, out var list) ? list : tags[p.ResidentId] = []).Add(p.Name);
                }
            }
        }

        return found.Select(r => (IReadOnlyDictionary<string, string>)columns.ToDictionary(c => c, c => c switch
        {
            "name" => r.Name,
            "sex" => r.Sex.Chinese(),
            "age" => Birthdays.Age(r.BirthDate, today).ToString(CultureInfo.InvariantCulture),
            "birthDate" => r.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "idNumber" => RegistryAccess.Shown(r.IdNumber, reader.FullIdNumbers, CitizenId.Mask),
            "phone" => RegistryAccess.Shown(r.Phone, reader.FullPhones, PhoneNumber.Mask),
            "community" => communities.GetValueOrDefault(r.CommunityId, ""),
            "grid" => r.GridId is { } g && grids.TryGetValue(g, out var grid) ? grid.Name : "",
            "gridWorker" => r.GridId is { } w && grids.TryGetValue(w, out var worked) && worked.WorkerName is { } worker
                ? worker + (worked.WorkerPhone is { } phone ? $"({phone})" : "")
                : "",
            "address" => r.Address ?? "",
            "residence" => r.Residence.Chinese(),
            "household" => r.Household ?? "",
            _ => tags.TryGetValue(r.Id, out var list) ? string.Join("、", list.Order(StringComparer.Ordinal)) : "",
        })).ToList();
    }
}
