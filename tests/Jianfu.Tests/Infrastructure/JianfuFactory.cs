using Jianfu.Modules.Catalogue;
using Jianfu.Modules.Organisation;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Organisation.Domain;
using Jianfu.Platform.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Jianfu.Tests.Infrastructure;

/// <summary>
/// The whole application over HTTP on a fresh database: one SQLite file in a temporary directory, or one new database
/// on the PostgreSQL server that scripts/test.sh starts. The test world is the demo district with its units,
/// departments, accounts and catalogue, written by those modules' own demo code; the demo's dispatches, orders and
/// cases are not there — each test makes what it needs (TestData).
/// </summary>
public abstract class JianfuFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    protected readonly string DataDir = Directory.CreateTempSubdirectory("jianfu-test-").FullName;

    public const string Open311ApiKey = "test-hotline-key";

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The whole demo, as `dotnet run` writes it on first start (only the demo's own tests want it).</summary>
    protected virtual bool WholeDemo => false;

    protected virtual string? PostgresConnectionString => null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("JIANFU_DATA_DIR", DataDir);
        builder.UseSetting("Jianfu:Database:Provider", Provider.ToString());
        // Every test client comes from the same (empty) address: limit per token only, low enough to test.
        builder.UseSetting("Jianfu:Reports:PerAddressPerMinute", "100000");
        builder.UseSetting("Jianfu:Reports:PerTokenPerMinute", "20");
        builder.UseSetting("Jianfu:Auth:LoginsPerMinute", "100000");
        builder.UseSetting("Jianfu:DemoRoutingModel", "false");
        builder.UseSetting("Jianfu:Demo", WholeDemo ? "true" : "false");
        builder.UseSetting("Jianfu:Open311:ApiKeys:0", Open311ApiKey);
        builder.UseSetting("Jianfu:Open311:PerKeyPerMinute", "60");
        builder.UseSetting("Jianfu:Assessment:RatingsPerAddressPerMinute", "100000");
        builder.UseSetting("Jianfu:Assessment:RatingsPerPosterPerMinute", "20");
        builder.UseSetting("Jianfu:Assessment:RatingsPerAddressPerDay", "5");
        if (PostgresConnectionString is { } cs)
        {
            builder.UseSetting("ConnectionStrings:Postgres", cs);
        }
    }

    public virtual async Task InitializeAsync()
    {
        _ = Server;
        if (WholeDemo)
        {
            return;
        }

        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OrganisationDemo>().SeedAsync(default);
        await scope.ServiceProvider.GetRequiredService<CatalogueDemo>().SeedAsync(default);
    }

    public new virtual async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still mapped by a pooled connection; the temp directory is cleaned by the OS.
        }
    }

    public async Task<ApiClient> LoginAsync(string userName, string password = "Demo-2026")
    {
        var client = new ApiClient(CreateClient());
        await client.LoginAsync(userName, password);
        return client;
    }

    public ApiClient Anonymous() => new(CreateClient());

    /// <summary>Adds a user with one grant, for scope tests that need someone the demo does not have.</summary>
    public async Task<string> CreateUserAsync(Role role, string unitCode, string? department = null)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JianfuDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        var user = new AppUser { UserName = name, DisplayName = name };
        var result = await users.CreateAsync(user, "Demo-2026");
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        var unit = await db.Units.SingleAsync(u => u.Code == unitCode);
        int? departmentId = null;
        if (department is not null)
        {
            var dept = await db.Departments.FirstOrDefaultAsync(d => d.UnitId == unit.Id && d.Name == department);
            if (dept is null)
            {
                dept = new Department { UnitId = unit.Id, Name = department };
                db.Departments.Add(dept);
                await db.SaveChangesAsync();
            }

            departmentId = dept.Id;
        }

        db.RoleGrants.Add(new RoleGrant { UserId = user.Id, Role = role, UnitId = unit.Id, DepartmentId = departmentId, GrantedBy = "test" });
        await db.SaveChangesAsync();
        return name;
    }

    public async Task<T> WithDbAsync<T>(Func<JianfuDbContext, Task<T>> query)
    {
        using var scope = Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<JianfuDbContext>());
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        using var scope = Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

public class SqliteFactory : JianfuFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class SqliteDemoFactory : SqliteFactory
{
    protected override bool WholeDemo => true;
}

/// <summary>
/// PostgreSQL from JIANFU_TEST_POSTGRES (set by scripts/test.sh). Without it the tests fail with a clear message,
/// so that a missing server is never mistaken for a pass.
/// </summary>
public class PostgresFactory : JianfuFactory
{
    private readonly string _database = "jianfu_test_" + Guid.NewGuid().ToString("N")[..12];

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("JIANFU_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "JIANFU_TEST_POSTGRES is not set: run ./scripts/test.sh, which starts a throwaway PostgreSQL server for the tests.");

    protected override string PostgresConnectionString =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database }.ConnectionString;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

public sealed class PostgresDemoFactory : PostgresFactory
{
    protected override bool WholeDemo => true;
}
