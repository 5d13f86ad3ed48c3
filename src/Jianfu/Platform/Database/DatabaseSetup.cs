using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Jianfu.Platform.Database;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses SQLite (the embedded default, a file in JIANFU_DATA_DIR) or PostgreSQL from configuration.</summary>
public static class DatabaseSetup
{
    public static DatabaseProvider ProviderOf(IConfiguration config)
    {
        var name = config["Jianfu:Database:Provider"] ?? "Sqlite";
        return Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException($"Jianfu:Database:Provider 只能是 Sqlite 或 Postgres,当前为“{name}”。");
    }

    public static string DataDirectory(IConfiguration config)
    {
        var dir = Path.GetFullPath(config["JIANFU_DATA_DIR"] ?? "data");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>
    /// Contexts are pooled: a context is reset and reused instead of built per request (its options compared, its sets
    /// initialised), which was a tenth of the intake's CPU. JianfuDbContext keeps no state of its own, as pooling requires.
    /// </summary>
    public static IServiceCollection AddJianfuDatabase(this IServiceCollection services, IConfiguration config)
    {
        switch (ProviderOf(config))
        {
            case DatabaseProvider.Postgres:
                var cs = config.GetConnectionString("Postgres");
                if (string.IsNullOrWhiteSpace(cs))
                {
                    throw new InvalidOperationException("使用 PostgreSQL 时须设置 ConnectionStrings__Postgres。");
                }

                services.AddDbContextPool<JianfuDbContext, PostgresJianfuDbContext>(o => o.UseNpgsql(cs));
                break;
            default:
                var file = Path.Combine(DataDirectory(config), "jianfu.db");
                services.AddDbContextPool<JianfuDbContext, SqliteJianfuDbContext>(o => o.UseSqlite($"Data Source={file};Default Timeout=30"));
                break;
        }

        return services;
    }

    /// <summary>Applies pending migrations; on SQLite also switches the file to WAL so readers never wait for a writer.</summary>
    public static async Task MigrateAsync(this JianfuDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}

/// <summary>Design-time factories for `dotnet ef migrations add … --context SqliteJianfuDbContext|PostgresJianfuDbContext`.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteJianfuDbContext>
{
    public SqliteJianfuDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteJianfuDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresJianfuDbContext>
{
    public PostgresJianfuDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresJianfuDbContext>().UseNpgsql("Host=localhost;Database=jianfu_design").Options);
}
