using System.Data.Common;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jianfu.Modules.Registry.Data;

/// <summary>
/// The registry's bulk path (CONVENTIONS §6: provider SQL only behind one interface, both implementations tested). For
/// each chunk of checked rows: the residents already known by ID number are looked up; new houses and new residents go
/// straight into their tables (SQLite: one prepared INSERT reused; PostgreSQL: identifiers taken from the sequences and
/// binary COPY); known residents go into a temporary stage table and are updated from it by the same SQL on both —
/// only the rows that changed are written, and a changed house or residence relation is kept as a past residence.
/// Runs inside the caller's transaction.
/// </summary>
internal abstract class ResidentBulkWriter
{
    protected const string Stage = "\"ResidentStage\"";
    protected const string TagStage = "\"ResidentTagStage\"";

    protected static readonly string[] StageColumns =
    [
        "IdNumber", "Name", "Sex", "BirthDate", "Phone", "Household", "DistrictId", "TownshipId", "CommunityId", "GridId", "HouseId", "Address", "Residence",
        "ResidenceFrom", "IdOverride",
    ];

    /// <summary>The columns of a new resident: its identifier, then the values <see cref="InsertResidentsAsync"/> is given.</summary>
    protected static readonly string[] ResidentColumns = ["Id", .. StageColumns, "UpdatedAt", "UpdatedBy"];

    /// <summary>The columns of a new house, in <see cref="NewHouse"/> order.</summary>
    protected static readonly string[] HouseColumns = ["Id", "DistrictId", "CommunityId", "GridId", "Address", "Building", "Unit", "Room", "Key", "KeyHash"];

    /// <summary>Empties the stage tables for the next chunk.</summary>
    protected abstract string ClearStage { get; }

    public static ResidentBulkWriter For(JianfuDbContext db) => db.Database.IsNpgsql() ? new PostgresResidentWriter() : new SqliteResidentWriter();

    /// <summary>Holds the district's import on this connection, before its transaction; false while another import of the district runs.</summary>
    public abstract Task<bool> TryLockAsync(JianfuDbContext db, int districtId, CancellationToken ct);

    /// <summary>Creates the empty stage tables for this transaction.</summary>
    public abstract Task PrepareAsync(JianfuDbContext db, CancellationToken ct);

    /// <summary>Fresh planner statistics after a large import, so that ledgers use the birth-date indexes.</summary>
    public abstract Task RefreshStatisticsAsync(JianfuDbContext db, CancellationToken ct);

    /// <summary>After the transaction, committed or not: the district's import released, the pooled connection handed back as other requests expect it.</summary>
    public abstract Task ReleaseAsync(JianfuDbContext db, int districtId, CancellationToken ct);

    /// <summary>Which of these ID numbers the registry already has.</summary>
    protected abstract Task<HashSet<string>> KnownAsync(JianfuDbContext db, IReadOnlyList<string> idNumbers, CancellationToken ct);

    /// <summary>The identifiers of the houses the registry already has, by community and key hash.</summary>
    protected abstract Task<Dictionary<(int, long), long>> HousesAsync(JianfuDbContext db, IReadOnlyList<(int Community, long Hash)> houses, CancellationToken ct);

    /// <summary>Stores new houses (one row each), adding their identifiers to <paramref name="houses"/>.</summary>
    protected abstract Task InsertHousesAsync(
        JianfuDbContext db, IReadOnlyList<ResidentRow> rows, IReadOnlyDictionary<(int, string), int> grids, Dictionary<(int, long), long> houses, CancellationToken ct);

    /// <summary>Stores new residents and their tags.</summary>
    protected abstract Task InsertResidentsAsync(JianfuDbContext db, IReadOnlyList<ResidentRow> rows, Func<ResidentRow, object?[]> values, CancellationToken ct);

    /// <summary>Fills the stage tables with known residents and their tags.</summary>
    protected abstract Task StageAsync(JianfuDbContext db, IReadOnlyList<ResidentRow> rows, Func<ResidentRow, object?[]> values, CancellationToken ct);

    /// <summary>How many of the rows are new and how many known, without writing (the import's preview).</summary>
    public async Task<(int New, int Known)> CountAsync(JianfuDbContext db, IReadOnlyList<ResidentRow> rows, CancellationToken ct)
    {
        var known = (await KnownAsync(db, rows.Select(r => r.IdNumber).ToList(), ct)).Count;
        return (rows.Count - known, known);
    }

    /// <summary>Writes one chunk of checked rows; returns how many were new and how many known (updated where they changed).</summary>
    /// <param name="replaceTags">The file has a tags column: each resident's tags become the row's.</param>
    public async Task<(int Inserted, int Updated)> WriteAsync(
        JianfuDbContext db, IReadOnlyList<ResidentRow> rows, IReadOnlyDictionary<(int, string), int> grids, bool replaceTags, string actor, DateTime now, DateOnly today,
        CancellationToken ct)
    {
        var known = await KnownAsync(db, rows.Select(r => r.IdNumber).ToList(), ct);
        var byHouse = rows.Where(r => r.HouseHash is not null).DistinctBy(HouseOf).ToList();
        var houses = byHouse.Count == 0 ? [] : await HousesAsync(db, byHouse.Select(HouseOf).ToList(), ct);
        // In index order: each entry lands beside the one before rather than anywhere in the index.
        var newHouses = byHouse.Where(r => !houses.ContainsKey(HouseOf(r))).OrderBy(HouseOf).ToList();
        if (newHouses.Count > 0)
        {
            await InsertHousesAsync(db, newHouses, grids, houses, ct);
        }

        // Community by community, grid by grid, house by house: a community's residents are stored side by side, so that
        // its ledgers read a few pages instead of one page per resident however the file was ordered.
        var fresh = rows.Where(r => !known.Contains(r.IdNumber))
            .OrderBy(r => r.CommunityId).ThenBy(r => r.Grid, StringComparer.Ordinal).ThenBy(r => r.HouseHash).ToList();
        if (fresh.Count > 0)
        {
            await InsertResidentsAsync(db, fresh, r => [.. Values(r, grids, houses), now, actor], ct);
        }

        if (known.Count > 0)
        {
            await ExecuteAsync(db, ClearStage, ct);
            await StageAsync(db, rows.Where(r => known.Contains(r.IdNumber)).ToList(), r => Values(r, grids, houses), ct);
            await UpdateKnownAsync(db, replaceTags, actor, now, today, ct);
        }

        return (fresh.Count, known.Count);
    }

    /// <summary>The staged residents' changes written, the same SQL on both providers.</summary>
    private static async Task UpdateKnownAsync(JianfuDbContext db, bool replaceTags, string actor, DateTime now, DateOnly today, CancellationToken ct)
    {
        // A resident who moved, or whose relation to the house changed, keeps the relation that ended.
        await ExecuteAsync(db, $"""
            INSERT INTO "PastResidences" ("ResidentId", "HouseId", "Address", "Residence", "From", "To", "RecordedAt", "RecordedBy")
            SELECT r."Id", r."HouseId", r."Address", r."Residence", r."ResidenceFrom", COALESCE(s."ResidenceFrom", @today), @now, @actor
            FROM "Residents" r JOIN {Stage} s ON s."IdNumber" = r."IdNumber"
            WHERE r."HouseId" IS DISTINCT FROM s."HouseId" OR r."Residence" <> s."Residence"
            """, ct, ("today", today), ("now", now), ("actor", actor));

        var changed = string.Join(" OR ", StageColumns.Skip(1).Select(c => $"\"Residents\".\"{c}\" IS DISTINCT FROM s.\"{c}\""));
        await ExecuteAsync(db, $"""
            UPDATE "Residents" SET {string.Join(", ", StageColumns.Skip(1).Select(c => $"\"{c}\" = s.\"{c}\""))}, "UpdatedAt" = @now, "UpdatedBy" = @actor
            FROM {Stage} s WHERE s."IdNumber" = "Residents"."IdNumber" AND ({changed})
            """, ct, ("now", now), ("actor", actor));

        if (replaceTags)
        {
            await ExecuteAsync(db, $"""
                DELETE FROM "ResidentTags" WHERE "ResidentId" IN (SELECT r."Id" FROM "Residents" r JOIN {Stage} s ON r."IdNumber" = s."IdNumber")
                AND NOT EXISTS (SELECT 1 FROM {TagStage} t JOIN "Residents" r ON r."IdNumber" = t."IdNumber"
                    WHERE r."Id" = "ResidentTags"."ResidentId" AND t."TagId" = "ResidentTags"."TagId")
                """, ct);
            await ExecuteAsync(db, $"""
                INSERT INTO "ResidentTags" ("ResidentId", "TagId")
                SELECT r."Id", t."TagId" FROM {TagStage} t JOIN "Residents" r ON r."IdNumber" = t."IdNumber" WHERE true
                ON CONFLICT DO NOTHING
                """, ct);
        }
    }

    protected static DbCommand Command(JianfuDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The registry's bulk writes run inside the caller's transaction.");
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return command;
    }

    protected static DbParameter Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = "@" + name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
        return p;
    }

    protected static async Task ExecuteAsync(JianfuDbContext db, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(db, sql);
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A resident's values in <see cref="StageColumns"/> order; enums by name, as the context stores them.</summary>
    private static object?[] Values(ResidentRow r, IReadOnlyDictionary<(int, string), int> grids, Dictionary<(int, long), long> houses) =>
    [
        r.IdNumber, r.Name, r.Sex.ToString(), r.BirthDate, r.Phone, r.Household, r.DistrictId, r.TownshipId, r.CommunityId, GridOf(r, grids),
        r.HouseHash is null ? null : houses[HouseOf(r)], r.Address, r.Residence.ToString(), r.ResidenceFrom, r.IdOverride,
    ];

    /// <summary>A new house's values after its identifier, in <see cref="HouseColumns"/> order.</summary>
    protected static object?[] NewHouse(long id, ResidentRow r, IReadOnlyDictionary<(int, string), int> grids) =>
        [id, r.DistrictId, r.CommunityId, GridOf(r, grids), r.HouseAddress, r.Building, r.Unit, r.Room, r.HouseKey, r.HouseHash];

    /// <summary>A row's house as <see cref="HousesAsync"/> finds it (rows with an address only).</summary>
    protected static (int Community, long Hash) HouseOf(ResidentRow r) => (r.CommunityId, r.HouseHash!.Value);

    private static int? GridOf(ResidentRow r, IReadOnlyDictionary<(int, string), int> grids) => r.Grid is null ? null : grids[(r.CommunityId, r.Grid)];
}
