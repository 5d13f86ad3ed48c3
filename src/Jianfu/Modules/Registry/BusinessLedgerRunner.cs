using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Registry;

/// <summary>
/// Runs a ledger over one unit's shops or enterprises (沿街商铺, the enterprises of a grid): each criterion an indexed
/// filter, grid by grid, the operator's phone masked as the reader sees residents' phones.
/// </summary>
internal sealed class BusinessLedgerRunner(JianfuDbContext db, IOrganisationDirectory directory)
{
    private sealed record Row(long Id, string Name, string? Operator, string? Code, string Address, string? Contact, string? Phone, bool StreetFacing, int CommunityId, int? GridId);

    public async Task<Result<LedgerRunner.Output>> RunAsync(
        LedgerSubject subject, IReadOnlyList<Criterion> criteria, IReadOnlyList<string> columns, RegistryAccess.Reader reader, int limit, CancellationToken ct)
    {
        var scope = reader.Scope;
        var within = scope.Level == UnitLevel.Township ? (await directory.CommunitiesWithinAsync(scope.Path, ct)).Select(c => c.Id).ToList() : null;
        var rows = subject == LedgerSubject.Shops ? Shops(scope, within, criteria) : Enterprises(scope, within, criteria);
        var found = await rows.Take(limit + 1).ToListAsync(ct);
        var count = found.Count <= limit ? found.Count : await rows.CountAsync(ct);
        found = found.Take(limit).ToList();

        var gridIds = found.Where(r => r.GridId is not null).Select(r => r.GridId!.Value).Distinct().ToList();
        var grids = gridIds.Count > 0 ? await db.Grids.AsNoTracking().Where(g => gridIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, ct) : [];
        var communities = columns.Contains("community") && found.Count > 0 ? (await directory.UnitsBelowAsync(scope.Path, ct)).ToDictionary(u => u.Id, u => u.Name) : [];
        var filled = found.Select(r => (IReadOnlyDictionary<string, string>)columns.ToDictionary(c => c, c => c switch
        {
            "name" => r.Name,
            "operator" => r.Operator ?? "",
            "licenceCode" or "creditCode" => r.Code ?? "",
            "address" => r.Address,
            "contact" => r.Contact ?? "",
            "phone" => RegistryAccess.Shown(r.Phone, reader.FullPhones, PhoneNumber.Mask),
            "streetFacing" => r.StreetFacing ? "是" : "否",
            "community" => communities.GetValueOrDefault(r.CommunityId, ""),
            _ => r.GridId is { } g ? grids.GetValueOrDefault(g, "") : "",
        })).ToList();
        return new LedgerRunner.Output(columns.Select(c => new LedgerColumn(c, BusinessLedger.ColumnName(subject, c))).ToList(), count, filled, count > found.Count);
    }

    /// <summary>The unit's shops meeting the criteria, grid by grid.</summary>
    private IQueryable<Row> Shops(UnitInfo scope, List<int>? within, IReadOnlyList<Criterion> criteria)
    {
        var query = scope.Level switch
        {
            UnitLevel.Community => db.Shops.AsNoTracking().Where(s => s.CommunityId == scope.Id),
            UnitLevel.Township => db.Shops.AsNoTracking().Where(s => within!.Contains(s.CommunityId)),
            _ => db.Shops.AsNoTracking().Where(s => s.DistrictId == scope.Id),
        };
        foreach (var c in criteria)
        {
            query = c switch
            {
                Criterion.Flag f => query.Where(s => s.StreetFacing == f.Value),
                Criterion.Text { Field: "name" } t => t.Negated ? query.Where(s => !t.Values.Contains(s.Name)) : query.Where(s => t.Values.Contains(s.Name)),
                Criterion.Text { Field: "operator" } t => t.Negated ? query.Where(s => !t.Values.Contains(s.Operator)) : query.Where(s => t.Values.Contains(s.Operator)),
                Criterion.Text t => t.Negated
                    ? query.Where(s => !db.Grids.Any(g => g.Id == s.GridId && t.Values.Contains(g.Name)))
                    : query.Where(s => db.Grids.Any(g => g.Id == s.GridId && t.Values.Contains(g.Name))),
                _ => query,
            };
        }

        // Grid by grid, in the order they were registered (ordered before the projection, which the database cannot sort by).
        return query.OrderBy(s => s.CommunityId).ThenBy(s => s.GridId).ThenBy(s => s.Id).Select(s => new Row(s.Id, s.Name, s.Operator, s.LicenceCode, s.Address, null, s.Phone, s.StreetFacing, s.CommunityId, s.GridId));
    }

    /// <summary>The unit's enterprises meeting the criteria, grid by grid.</summary>
    private IQueryable<Row> Enterprises(UnitInfo scope, List<int>? within, IReadOnlyList<Criterion> criteria)
    {
        var query = scope.Level switch
        {
            UnitLevel.Community => db.Enterprises.AsNoTracking().Where(e => e.CommunityId == scope.Id),
            UnitLevel.Township => db.Enterprises.AsNoTracking().Where(e => within!.Contains(e.CommunityId)),
            _ => db.Enterprises.AsNoTracking().Where(e => e.DistrictId == scope.Id),
        };
        foreach (var c in criteria)
        {
            query = c switch
            {
                Criterion.Text { Field: "name" } t => t.Negated ? query.Where(e => !t.Values.Contains(e.Name)) : query.Where(e => t.Values.Contains(e.Name)),
                Criterion.Text t => t.Negated
                    ? query.Where(e => !db.Grids.Any(g => g.Id == e.GridId && t.Values.Contains(g.Name)))
                    : query.Where(e => db.Grids.Any(g => g.Id == e.GridId && t.Values.Contains(g.Name))),
                _ => query,
            };
        }

        return query.OrderBy(e => e.CommunityId).ThenBy(e => e.GridId).ThenBy(e => e.Id).Select(e => new Row(e.Id, e.Name, null, e.CreditCode, e.Address, e.Contact, e.Phone, false, e.CommunityId, e.GridId));
    }
}
