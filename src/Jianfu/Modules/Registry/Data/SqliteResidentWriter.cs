using System.Data.Common;
using SQLitePCL;
using System.Globalization;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Registry.Data;

/// <summary>
/// SQLite's side of <see cref="ResidentBulkWriter"/>: every row through a prepared statement reused (SQLite runs in the
/// process; a statement costs no round trip). Synchronous on purpose: Microsoft.Data.Sqlite's async calls run
/// synchronously anyway, with a task per row on top.
/// </summary>
internal sealed class SqliteResidentWriter : ResidentBulkWriter
{
    // SQLite is one node with one writer at a time: one import at a time per database file, the others told at once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> Importing = new(StringComparer.Ordinal);
    private SemaphoreSlim? _holding;

    // SQLite's DELETE without WHERE is its truncate.
    protected override string ClearStage => $"DELETE FROM {Stage}; DELETE FROM {TagStage};";

    public override Task<bool> TryLockAsync(JianfuDbContext db, int districtId, CancellationToken ct)
    {
        var file = Importing.GetOrAdd(db.Database.GetDbConnection().DataSource, _ => new SemaphoreSlim(1, 1));
        _holding = file.Wait(0) ? file : null;
        return Task.FromResult(_holding is not null);
    }

    public override async Task PrepareAsync(JianfuDbContext db, CancellationToken ct)
    {
        // Millions of index entries in ID-number order land all over the file: a page cache of 256 MB for the import
        // (2 MB by default) keeps them from being read and written back again and again. Set back by ReleaseAsync.
        await ExecuteAsync(db, "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;", ct);
        await ExecuteAsync(db, $"""
            CREATE TEMP TABLE IF NOT EXISTS {Stage} ("IdNumber" TEXT, "Name" TEXT, "Sex" TEXT, "BirthDate" TEXT, "Phone" TEXT, "Household" TEXT,
                "DistrictId" INTEGER, "TownshipId" INTEGER, "CommunityId" INTEGER, "GridId" INTEGER, "HouseId" INTEGER, "Address" TEXT, "Residence" TEXT,
                "ResidenceFrom" TEXT, "IdOverride" TEXT)
            """, ct);
        await ExecuteAsync(db, $"CREATE TEMP TABLE IF NOT EXISTS {TagStage} (\"IdNumber\" TEXT, \"TagId\" INTEGER)", ct);
    }

    // A sample of each index is enough for the planner, and keeps this to a second over millions of rows.
    public override Task RefreshStatisticsAsync(JianfuDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 1000; ANALYZE \"Residents\"; ANALYZE \"Houses\"; ANALYZE \"ResidentTags\";", ct);

    public override async Task ReleaseAsync(JianfuDbContext db, int districtId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000;", ct);
        _holding?.Release();
        _holding = null;
    }

    protected override Task<HashSet<string>> KnownAsync(JianfuDbContext db, IReadOnlyList<string> idNumbers, CancellationToken ct)
    {
        using var select = Prepared(db, "SELECT 1 FROM \"Residents\" WHERE \"IdNumber\" = @p0");
        return Task.FromResult(idNumbers.Where(id => select.Scalar([id]) is not null).ToHashSet(StringComparer.Ordinal));
    }

    protected override Task<Dictionary<(int, long), long>> HousesAsync(JianfuDbContext db, IReadOnlyList<(int Community, long Hash)> houses, CancellationToken ct)
    {
        using var select = Prepared(db, "SELECT \"Id\" FROM \"Houses\" WHERE \"CommunityId\" = @p0 AND \"KeyHash\" = @p1");
        var found = new Dictionary<(int, long), long>();
        foreach (var house in houses)
        {
            if (select.Scalar([house.Community, house.Hash]) is { } id)
            {
                found[house] = id;
            }
        }

        return Task.FromResult(found);
    }

    protected override Task InsertHousesAsync(
        JianfuDbContext db, IReadOnlyList<ResidentRow> rows, IReadOnlyDictionary<(int, string), int> grids, Dictionary<(int, long), long> houses, CancellationToken ct)
    {
        using var insert = Prepared(db, Insert("Houses", HouseColumns[1..]));
        foreach (var row in rows)
        {
            insert.Run(NewHouse(0, row, grids)[1..]);
            houses[HouseOf(row)] = insert.LastId;
        }

        return Task.CompletedTask;
    }

    protected override async Task InsertResidentsAsync(JianfuDbContext db, IReadOnlyList<ResidentRow> rows, Func<ResidentRow, object?[]> values, CancellationToken ct)
    {
        await ExecuteAsync(db, ClearStage, ct);
        using (var insert = Prepared(db, Insert("Residents", ResidentColumns[1..])))
        {
            foreach (var row in rows)
            {
                insert.Run(values(row));
            }
        }

        // The tags by ID number, joined once to the residents just stored: no identifier read back row by row.
        StageTags(db, rows);
        await ExecuteAsync(db, $"""
            INSERT INTO "ResidentTags" ("ResidentId", "TagId")
            SELECT r."Id", t."TagId" FROM {TagStage} t JOIN "Residents" r ON r."IdNumber" = t."IdNumber"
            """, ct);
    }

    protected override Task StageAsync(JianfuDbContext db, IReadOnlyList<ResidentRow> rows, Func<ResidentRow, object?[]> values, CancellationToken ct)
    {
        using (var insert = Prepared(db, $"INSERT INTO {Stage} VALUES ({string.Join(", ", StageColumns.Select((_, i) => $"@p{i}"))})"))
        {
            foreach (var row in rows)
            {
                insert.Run(values(row));
            }
        }

        StageTags(db, rows);
        return Task.CompletedTask;
    }

    private static void StageTags(JianfuDbContext db, IReadOnlyList<ResidentRow> rows)
    {
        using var tag = Prepared(db, $"INSERT INTO {TagStage} VALUES (@p0, @p1)");
        foreach (var row in rows)
        {
            foreach (var tagId in row.TagIds)
            {
                tag.Run([row.IdNumber, tagId]);
            }
        }
    }

    private static string Insert(string table, string[] columns) =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";

    private static Statement Prepared(JianfuDbContext db, string sql) => new((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection(), sql);

    /// <summary>
    /// One statement prepared by SQLite itself and reused row after row (SQLitePCLRaw, under Microsoft.Data.Sqlite): a
    /// command's parameters and reader cost more per row than SQLite's own work. Runs on the connection's transaction.
    /// </summary>
    private sealed class Statement : IDisposable
    {
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _statement;

        public Statement(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
        {
            _db = connection.Handle!;
            Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        }

        /// <summary>The row identifier the last INSERT on the connection gave.</summary>
        public long LastId => raw.sqlite3_last_insert_rowid(_db);

        /// <summary>Runs with these values, stored as EF Core's SQLite mapping stores them.</summary>
        public void Run(object?[] values) => Step(values, read: false);

        /// <summary>Runs with these values; the first column of the first row as a number, or null when there is none.</summary>
        public long? Scalar(object?[] values) => Step(values, read: true);

        private long? Step(object?[] values, bool read)
        {
            for (var i = 0; i < values.Length; i++)
            {
                Check(values[i] switch
                {
                    null => raw.sqlite3_bind_null(_statement, i + 1),
                    string s => raw.sqlite3_bind_text(_statement, i + 1, s),
                    int n => raw.sqlite3_bind_int(_statement, i + 1, n),
                    long n => raw.sqlite3_bind_int64(_statement, i + 1, n),
                    DateOnly d => raw.sqlite3_bind_text(_statement, i + 1, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    DateTime t => raw.sqlite3_bind_text(_statement, i + 1, t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)),
                    var v => throw new InvalidOperationException($"No SQLite type for {v.GetType()}."),
                });
            }

            var step = raw.sqlite3_step(_statement);
            long? first = read && step == raw.SQLITE_ROW ? raw.sqlite3_column_int64(_statement, 0) : null;
            raw.sqlite3_reset(_statement);
            if (step is not (raw.SQLITE_DONE or raw.SQLITE_ROW))
            {
                Check(step);
            }

            return first;
        }

        public void Dispose() => _statement.Dispose();

        private void Check(int code)
        {
            if (code != raw.SQLITE_OK)
            {
                throw new Microsoft.Data.Sqlite.SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), code);
            }
        }
    }
}
