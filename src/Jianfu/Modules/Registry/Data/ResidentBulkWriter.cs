using System.Data.Common;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jianfu.Modules.Registry.Data;

/// <summary>
/// The registry's bulk path (CONVENTIONS §6: provider SQL only behind one interface, both implementations tested). Rows go
/// into a temporary stage table — SQLite by one prepared INSERT reused, PostgreSQL by binary COPY — and then, in the same
/// SQL for both, into houses and residents by INSERT … ON CONFLICT: a resident known by ID number is updated, not
/// duplicated. Runs inside the caller's transaction.
/// </summary>
internal abstract class ResidentBulkWriter
{
    protected const string Stage = "\"ResidentStage\"";
    protected const string TagStage = "\"ResidentTagStage\"";

    protected static readonly string[] StageColumns =
    [
        "IdNumber", "Name", "Sex", "BirthDate", "Phone", "Household", "DistrictId", "TownshipId", "CommunityId", "GridId", "HouseKey", "HouseAddress",
        "Building", "Unit", "Room", "Address", "Residence", "ResidenceFrom", "IdOverride",
    ];

    /// <summary>Empties the stage tables for the next chunk.</summary>
    protected abstract string ClearStage { get; }

    public static ResidentBulkWriter For(JianfuDbContext db) => db.Database.IsNpgsql() ? new PostgresResidentWriter() : new SqliteResidentWriter();

    /// <summary>Creates the empty stage tables for this transaction.</summary>
    public abstract Task PrepareAsync(JianfuDbContext db, CancellationToken ct);

    /// <summary>Fresh planner statistics after a large import, so that ledgers use the birth-date indexes.</summary>
    public abstract Task RefreshStatisticsAsync(JianfuDbContext db, CancellationToken ct);

    /// <summary>After the transaction, committed or not: the pooled connection handed back as other requests expect it.</summary>
    public abstract Task ReleaseAsync(JianfuDbContext db, CancellationToken ct);

    protected abstract Task StageAsync(JianfuDbContext db, IReadOnlyList<ResidentRow> rows, IReadOnlyDictionary<(int, string), int> grids, CancellationToken ct);

    /// <summary>Writes one chunk of checked rows; returns how many were new and how many updated.</summary>
    /// <param name="replaceTags">The file has a tags column: each resident's tags become the row's.</param>
    public async Task<(int Inserted, int Updated)> WriteAsync(
        JianfuDbContext db, IReadOnlyList<ResidentRow> rows, IReadOnlyDictionary<(int, string), int> grids, bool replaceTags, string actor, DateTime now, CancellationToken ct)
    {
        await ExecuteAsync(db, ClearStage, ct);
        await StageAsync(db, rows, grids, ct);
        var updated = Convert.ToInt32(await ScalarAsync(db, $"SELECT COUNT(*) FROM {Stage} s JOIN \"Residents\" r ON r.\"IdNumber\" = s.\"IdNumber\"", ct));
        await ExecuteAsync(db, $"""
            INSERT INTO "Houses" ("DistrictId", "CommunityId", "GridId", "Address", "Building", "Unit", "Room", "Key")
            SELECT MIN(s."DistrictId"), MIN(s."CommunityId"), MIN(s."GridId"), MIN(s."HouseAddress"), MIN(s."Building"), MIN(s."Unit"), MIN(s."Room"), s."HouseKey"
            FROM {Stage} s WHERE s."HouseKey" IS NOT NULL GROUP BY s."HouseKey"
            ON CONFLICT ("Key") DO NOTHING
            """, ct);
        await using (var upsert = Command(db, $"""
            INSERT INTO "Residents" ("IdNumber", "Name", "Sex", "BirthDate", "Phone", "Household", "DistrictId", "TownshipId", "CommunityId", "GridId", "HouseId",
                "Address", "Residence", "ResidenceFrom", "IdOverride", "UpdatedAt", "UpdatedBy")
            SELECT s."IdNumber", s."Name", s."Sex", s."BirthDate", s."Phone", s."Household", s."DistrictId", s."TownshipId", s."CommunityId", s."GridId", h."Id",
                s."Address", s."Residence", s."ResidenceFrom", s."IdOverride", @now, @actor
            FROM {Stage} s LEFT JOIN "Houses" h ON h."Key" = s."HouseKey" WHERE true
            ON CONFLICT ("IdNumber") DO UPDATE SET "Name" = excluded."Name", "Sex" = excluded."Sex", "BirthDate" = excluded."BirthDate", "Phone" = excluded."Phone",
                "Household" = excluded."Household", "DistrictId" = excluded."DistrictId", "TownshipId" = excluded."TownshipId", "CommunityId" = excluded."CommunityId",
                "GridId" = excluded."GridId", "HouseId" = excluded."HouseId", "Address" = excluded."Address", "Residence" = excluded."Residence",
                "ResidenceFrom" = excluded."ResidenceFrom", "IdOverride" = excluded."IdOverride", "UpdatedAt" = excluded."UpdatedAt", "UpdatedBy" = excluded."UpdatedBy"
            """))
        {
            Add(upsert, "now", now);
            Add(upsert, "actor", actor);
            await upsert.ExecuteNonQueryAsync(ct);
        }

        // A chunk of new residents has no tags to replace.
        if (replaceTags && updated > 0)
        {
            await ExecuteAsync(db, $"DELETE FROM \"ResidentTags\" WHERE \"ResidentId\" IN (SELECT r.\"Id\" FROM \"Residents\" r JOIN {Stage} s ON r.\"IdNumber\" = s.\"IdNumber\")", ct);
        }

        if (replaceTags)
        {
            await ExecuteAsync(db, $"""
                INSERT INTO "ResidentTags" ("ResidentId", "TagId")
                SELECT r."Id", t."TagId" FROM {TagStage} t JOIN "Residents" r ON r."IdNumber" = t."IdNumber" WHERE true
                ON CONFLICT DO NOTHING
                """, ct);
        }

        return (rows.Count - updated, updated);
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

    protected static async Task ExecuteAsync(JianfuDbContext db, string sql, CancellationToken ct)
    {
        await using var command = Command(db, sql);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(JianfuDbContext db, string sql, CancellationToken ct)
    {
        await using var command = Command(db, sql);
        return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>The values of a row in <see cref="StageColumns"/> order.</summary>
    protected static object?[] Values(ResidentRow r, IReadOnlyDictionary<(int, string), int> grids) =>
    [
        r.IdNumber, r.Name, (int)r.Sex, r.BirthDate, r.Phone, r.Household, r.DistrictId, r.TownshipId, r.CommunityId,
        r.Grid is null ? null : grids[(r.CommunityId, r.Grid)], r.HouseKey, r.HouseAddress, r.Building, r.Unit, r.Room, r.Address, (int)r.Residence, r.ResidenceFrom, r.IdOverride,
    ];
}

internal sealed class SqliteResidentWriter : ResidentBulkWriter
{
    // SQLite's DELETE without WHERE is its truncate.
    protected override string ClearStage => $"DELETE FROM {Stage}; DELETE FROM {TagStage};";

    public override async Task PrepareAsync(JianfuDbContext db, CancellationToken ct)
    {
        // Millions of index entries in ID-number order land all over the file: a page cache of 256 MB for the import
        // (2 MB by default) keeps them from being read and written back again and again. Set back by ReleaseAsync.
        await ExecuteAsync(db, "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;", ct);
        await ExecuteAsync(db, $"""
            CREATE TEMP TABLE IF NOT EXISTS {Stage} ("IdNumber" TEXT, "Name" TEXT, "Sex" INTEGER, "BirthDate" TEXT, "Phone" TEXT, "Household" TEXT,
                "DistrictId" INTEGER, "TownshipId" INTEGER, "CommunityId" INTEGER, "GridId" INTEGER, "HouseKey" TEXT, "HouseAddress" TEXT, "Building" TEXT,
                "Unit" TEXT, "Room" TEXT, "Address" TEXT, "Residence" INTEGER, "ResidenceFrom" TEXT, "IdOverride" TEXT)
            """, ct);
        await ExecuteAsync(db, $"CREATE TEMP TABLE IF NOT EXISTS {TagStage} (\"IdNumber\" TEXT, \"TagId\" INTEGER)", ct);
    }

    // A sample of each index is enough for the planner, and keeps this to a second over millions of rows.
    public override Task RefreshStatisticsAsync(JianfuDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 1000; ANALYZE \"Residents\"; ANALYZE \"Houses\"; ANALYZE \"ResidentTags\";", ct);

    public override Task ReleaseAsync(JianfuDbContext db, CancellationToken ct) => db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000;", ct);

    protected override Task StageAsync(JianfuDbContext db, IReadOnlyList<ResidentRow> rows, IReadOnlyDictionary<(int, string), int> grids, CancellationToken ct)
    {
        // Synchronous on purpose: Microsoft.Data.Sqlite's async calls run synchronously anyway, with a task per row on top.
        using var insert = Command(db, $"INSERT INTO {Stage} VALUES ({string.Join(", ", StageColumns.Select(c => "@" + c))})");
        var parameters = StageColumns.Select(c => Add(insert, c, null)).ToArray();
        insert.Prepare();
        foreach (var row in rows)
        {
            var values = Values(row, grids);
            for (var i = 0; i < values.Length; i++)
            {
                // EF Core's SQLite mapping keeps DateOnly as yyyy-MM-dd text.
                parameters[i].Value = values[i] switch
                {
                    null => DBNull.Value,
                    DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    var v => v,
                };
            }

            insert.ExecuteNonQuery();
        }

        using var tag = Command(db, $"INSERT INTO {TagStage} VALUES (@id, @tag)");
        var (id, tagId) = (Add(tag, "id", null), Add(tag, "tag", null));
        tag.Prepare();
        foreach (var row in rows)
        {
            foreach (var t in row.TagIds)
            {
                (id.Value, tagId.Value) = (row.IdNumber, t);
                tag.ExecuteNonQuery();
            }
        }

        return Task.CompletedTask;
    }
}

internal sealed class PostgresResidentWriter : ResidentBulkWriter
{
    // TRUNCATE, not DELETE: a temporary table is never vacuumed, and every chunk's dead rows would be read again by the next.
    protected override string ClearStage => $"TRUNCATE {Stage}, {TagStage}";

    public override async Task PrepareAsync(JianfuDbContext db, CancellationToken ct)
    {
        await ExecuteAsync(db, $"""
            CREATE TEMP TABLE IF NOT EXISTS {Stage} ("IdNumber" text, "Name" text, "Sex" integer, "BirthDate" date, "Phone" text, "Household" text,
                "DistrictId" integer, "TownshipId" integer, "CommunityId" integer, "GridId" integer, "HouseKey" text, "HouseAddress" text, "Building" text,
                "Unit" text, "Room" text, "Address" text, "Residence" integer, "ResidenceFrom" date, "IdOverride" text) ON COMMIT DROP
            """, ct);
        await ExecuteAsync(db, $"CREATE TEMP TABLE IF NOT EXISTS {TagStage} (\"IdNumber\" text, \"TagId\" integer) ON COMMIT DROP", ct);
    }

    public override Task RefreshStatisticsAsync(JianfuDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync("ANALYZE \"Residents\", \"Houses\", \"ResidentTags\"", ct);

    // The pooled connection goes back without the session's temporary tables and their namespace.
    public override Task ReleaseAsync(JianfuDbContext db, CancellationToken ct) => db.Database.ExecuteSqlRawAsync("DISCARD TEMP", ct);

    protected override async Task StageAsync(JianfuDbContext db, IReadOnlyList<ResidentRow> rows, IReadOnlyDictionary<(int, string), int> grids, CancellationToken ct)
    {
        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        // Synchronous writes: Npgsql's async Write costs a task per field, more than the COPY itself.
        using (var copy = connection.BeginBinaryImport($"COPY {Stage} ({string.Join(", ", StageColumns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                copy.StartRow();
                foreach (var value in Values(row, grids))
                {
                    switch (value)
                    {
                        case null:
                            copy.WriteNull();
                            break;
                        case string s:
                            copy.Write(s, NpgsqlTypes.NpgsqlDbType.Text);
                            break;
                        case int i:
                            copy.Write(i, NpgsqlTypes.NpgsqlDbType.Integer);
                            break;
                        case DateOnly d:
                            copy.Write(d, NpgsqlTypes.NpgsqlDbType.Date);
                            break;
                    }
                }
            }

            copy.Complete();
        }

        using (var tags = connection.BeginBinaryImport($"COPY {TagStage} (\"IdNumber\", \"TagId\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                foreach (var t in row.TagIds)
                {
                    tags.StartRow();
                    tags.Write(row.IdNumber, NpgsqlTypes.NpgsqlDbType.Text);
                    tags.Write(t, NpgsqlTypes.NpgsqlDbType.Integer);
                }
            }

            tags.Complete();
        }

        // A temporary table is never analysed by autovacuum: without its size the planner joins it row by row.
        await ExecuteAsync(db, $"ANALYZE {Stage}", ct);
    }
}
