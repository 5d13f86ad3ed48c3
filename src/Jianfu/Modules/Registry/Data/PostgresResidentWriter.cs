using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Jianfu.Modules.Registry.Data;

/// <summary>
/// PostgreSQL's side of <see cref="ResidentBulkWriter"/>: look-ups by one array parameter, new rows by binary COPY straight
/// into their tables with identifiers taken from the tables' sequences beforehand, so that tags and residents can name
/// their house and resident without reading anything back. Writes are synchronous: Npgsql's async Write costs a task
/// per field, more than the COPY itself.
/// </summary>
internal sealed class PostgresResidentWriter : ResidentBulkWriter
{
    // The first key of the district's import lock (pg_try_advisory_lock(class, district)), unique to this use. A session
    // lock, held by the import's connection: released by ReleaseAsync, or by the server if the node dies.
    private const int ImportLockClass = 14_01;

    // TRUNCATE, not DELETE: a temporary table is never vacuumed, and every chunk's dead rows would be read again by the next.
    protected override string ClearStage => $"TRUNCATE {Stage}, {TagStage}";

    public override async Task<bool> TryLockAsync(JianfuDbContext db, int districtId, CancellationToken ct)
    {
        return (bool)(await db.Database.SqlQueryRaw<bool>("SELECT pg_try_advisory_lock({0}, {1}) AS \"Value\"", ImportLockClass, districtId).SingleAsync(ct));
    }

    public override async Task PrepareAsync(JianfuDbContext db, CancellationToken ct)
    {
        await ExecuteAsync(db, $"""
            CREATE TEMP TABLE IF NOT EXISTS {Stage} ("IdNumber" text, "Name" text, "Sex" text, "BirthDate" date, "Phone" text, "Household" text,
                "DistrictId" integer, "TownshipId" integer, "CommunityId" integer, "GridId" integer, "HouseId" bigint, "Address" text, "Residence" text,
                "ResidenceFrom" date, "IdOverride" text) ON COMMIT DROP
            """, ct);
        await ExecuteAsync(db, $"CREATE TEMP TABLE IF NOT EXISTS {TagStage} (\"IdNumber\" text, \"TagId\" integer) ON COMMIT DROP", ct);
    }

    public override Task RefreshStatisticsAsync(JianfuDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("ANALYZE \"Residents\", \"Houses\", \"ResidentTags\"", ct);

    // The pooled connection goes back without the district's lock and the session's temporary tables.
    public override Task ReleaseAsync(JianfuDbContext db, int districtId, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0}, {1}); DISCARD TEMP", [ImportLockClass, districtId], ct);

    protected override async Task<HashSet<string>> KnownAsync(JianfuDbContext db, IReadOnlyList<string> idNumbers, CancellationToken ct)
    {
        await using var command = Command(db, "SELECT \"IdNumber\" FROM \"Residents\" WHERE \"IdNumber\" = ANY(@ids)");
        Add(command, "ids", idNumbers.ToArray());
        var known = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            known.Add(reader.GetString(0));
        }

        return known;
    }

    protected override async Task<Dictionary<(int, long), long>> HousesAsync(JianfuDbContext db, IReadOnlyList<(int Community, long Hash)> houses, CancellationToken ct)
    {
        // One index probe per house (LIMIT keeps the planner from joining the whole table by hash as it grows).
        await using var command = Command(db, """
            SELECT k.c, k.h, x."Id" FROM unnest(@communities, @hashes) AS k(c, h)
            CROSS JOIN LATERAL (SELECT "Id" FROM "Houses" WHERE "CommunityId" = k.c AND "KeyHash" = k.h LIMIT 1) x
            """);
        Add(command, "communities", houses.Select(h => h.Community).ToArray());
        Add(command, "hashes", houses.Select(h => h.Hash).ToArray());
        var found = new Dictionary<(int, long), long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found[(reader.GetInt32(0), reader.GetInt64(1))] = reader.GetInt64(2);
        }

        return found;
    }

    protected override async Task InsertHousesAsync(
        JianfuDbContext db, IReadOnlyList<ResidentRow> rows, IReadOnlyDictionary<(int, string), int> grids, Dictionary<(int, long), long> houses, CancellationToken ct)
    {
        var ids = await IdentifiersAsync(db, "Houses", rows.Count, ct);
        Copy(db, "Houses", HouseColumns, rows.Select((r, i) => NewHouse(ids[i], r, grids)));
        for (var i = 0; i < rows.Count; i++)
        {
            houses[HouseOf(rows[i])] = ids[i];
        }
    }

    protected override async Task InsertResidentsAsync(JianfuDbContext db, IReadOnlyList<ResidentRow> rows, Func<ResidentRow, object?[]> values, CancellationToken ct)
    {
        var ids = await IdentifiersAsync(db, "Residents", rows.Count, ct);
        Copy(db, "Residents", ResidentColumns, rows.Select((r, i) => (object?[])[ids[i], .. values(r)]));
        Copy(db, "ResidentTags", ["ResidentId", "TagId"], rows.SelectMany((r, i) => r.TagIds.Select(t => new object?[] { ids[i], t })));
    }

    protected override async Task StageAsync(JianfuDbContext db, IReadOnlyList<ResidentRow> rows, Func<ResidentRow, object?[]> values, CancellationToken ct)
    {
        Copy(db, Stage.Trim('"'), StageColumns, rows.Select(values));
        Copy(db, TagStage.Trim('"'), ["IdNumber", "TagId"], rows.SelectMany(r => r.TagIds.Select(t => new object?[] { r.IdNumber, t })));

        // A temporary table is never analysed by autovacuum: without its size the planner joins it row by row.
        await ExecuteAsync(db, $"ANALYZE {Stage}", ct);
    }

    /// <summary>The next <paramref name="count"/> identifiers of the table, taken from its sequence.</summary>
    private static async Task<long[]> IdentifiersAsync(JianfuDbContext db, string table, int count, CancellationToken ct)
    {
        // The sequence looked up once, not for every identifier (about 6 µs each on the benchmark machine).
        await using var command = Command(db, $"""
            WITH s AS MATERIALIZED (SELECT pg_get_serial_sequence('"{table}"', 'Id')::regclass AS seq)
            SELECT array_agg(nextval(s.seq)) FROM s, generate_series(1, @count)
            """);
        Add(command, "count", count);
        return (long[])(await command.ExecuteScalarAsync(ct))!;
    }

    private static void Copy(JianfuDbContext db, string table, string[] columns, IEnumerable<object?[]> rows)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        using var copy = connection.BeginBinaryImport($"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            copy.StartRow();
            foreach (var value in row)
            {
                switch (value)
                {
                    case null:
                        copy.WriteNull();
                        break;
                    case string s:
                        copy.Write(s, NpgsqlDbType.Text);
                        break;
                    case int i:
                        copy.Write(i, NpgsqlDbType.Integer);
                        break;
                    case long l:
                        copy.Write(l, NpgsqlDbType.Bigint);
                        break;
                    case DateOnly d:
                        copy.Write(d, NpgsqlDbType.Date);
                        break;
                    case DateTime t:
                        copy.Write(t, NpgsqlDbType.TimestampTz);
                        break;
                    default:
                        throw new InvalidOperationException($"No COPY type for {value.GetType()}.");
                }
            }
        }

        copy.Complete();
    }
}
