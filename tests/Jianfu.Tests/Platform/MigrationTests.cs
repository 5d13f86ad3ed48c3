using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Tests.Platform;

/// <summary>A model change without its migration (for either provider) fails here, not on a district's server.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void SqliteMigrations_CoverTheModel()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "run ./scripts/add-migration.sh NAME");
    }

    [Fact]
    public void PostgresMigrations_CoverTheModel()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "run ./scripts/add-migration.sh NAME");
    }
}
