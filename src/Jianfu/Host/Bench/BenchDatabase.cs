using Jianfu.Platform.Database;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jianfu.Host.Bench;

/// <summary>
/// A benchmark's own database, removed afterwards: a temporary SQLite file, or with a PostgreSQL server a new database
/// on it — for the application in this process (<see cref="BuildApp"/>) or for a server process (<see cref="Settings"/>).
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _server;

    public DatabaseProvider Provider { get; }

    public string DataDir { get; } = Directory.CreateTempSubdirectory("jianfu-bench-").FullName;

    /// <summary>The connection string of the benchmark's PostgreSQL database, or null on SQLite.</summary>
    public string? Postgres { get; }

    private readonly string? _database;

    public BenchDatabase(string? server)
    {
        _server = server;
        Provider = server is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
        if (server is not null)
        {
            _database = "jianfu_bench_" + Guid.NewGuid().ToString("N")[..8];
            Postgres = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ConnectionString;
        }
    }

    /// <summary>The application's services on this database, without demo data or web server, acting as <see cref="BenchUser"/>.</summary>
    public WebApplication BuildApp()
    {
        var builder = JianfuHost.CreateBuilder([]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // EF logs a failed connection while it checks whether the new benchmark database exists yet.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.None);
        builder.Configuration["JIANFU_DATA_DIR"] = DataDir;
        builder.Configuration["Jianfu:Demo"] = "false";
        builder.Configuration["Jianfu:Database:Provider"] = Provider.ToString();
        if (Postgres is not null)
        {
            builder.Configuration["ConnectionStrings:Postgres"] = Postgres;
        }

        builder.AddJianfu();
        BenchUser.Register(builder.Services);
        return builder.Build();
    }

    /// <summary>The environment that points a server process at this database.</summary>
    public Dictionary<string, string> Settings() => Postgres is null ? [] : new()
    {
        ["Jianfu__Database__Provider"] = "Postgres",
        ["ConnectionStrings__Postgres"] = Postgres,
    };

    /// <summary>One number from the database, e.g. a count of the rows a load test stored.</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        if (Postgres is null)
        {
            await using var sqlite = new SqliteConnection($"Data Source={Path.Combine(DataDir, "jianfu.db")};Mode=ReadOnly");
            await sqlite.OpenAsync();
            await using var command = sqlite.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(await command.ExecuteScalarAsync());
        }

        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var pg = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await pg.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(DataDir, true);
    }
}
