using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Platform.Database;

/// <summary>
/// The one database of the application. Each module owns its tables: its part of this class (the DbSets, in
/// Modules/&lt;Module&gt;/Data/&lt;Module&gt;Tables.cs) and its entity configurations beside it. The two subclasses below exist
/// only so that SQLite and PostgreSQL each get their own migrations.
/// </summary>
public abstract partial class JianfuDbContext : IDataProtectionKeyContext
{
    protected JianfuDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Every save checks its text and moves the row version of what it changes (see StoredText, RowVersions).</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detect = BeforeSave();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detect = BeforeSave();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <returns>Whether changes are detected automatically, to restore after the save (they were just detected here).</returns>
    private bool BeforeSave()
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect)
        {
            ChangeTracker.DetectChanges();
        }

        // Once is enough: the checks below read the entries, and each read would detect changes again over every
        // tracked entity (three passes over a broadcast's 600 new rows instead of one).
        ChangeTracker.AutoDetectChangesEnabled = false;
        StoredText.Validate(ChangeTracker);
        RowVersions.MoveOn(ChangeTracker);
        return detect;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in backups and safe against reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        // Every text has a maximum length, checked before saving (StoredText); longer ones are configured below.
        configurationBuilder.Properties<string>().HaveMaxLength(500);
    }

    /// <summary>History notes carry a person's text (up to 2,000 characters) with a few words around it.</summary>
    internal const int HistoryNoteLength = 4000;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each module's entity configurations, kept in its own Data folder.
        builder.ApplyConfigurationsFromAssembly(typeof(JianfuDbContext).Assembly);
        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.RowVersion)).IsConcurrencyToken();
        }

        builder.Entity<DataProtectionKey>().Property(k => k.Xml).HasMaxLength(10_000);
    }
}

public sealed class SqliteJianfuDbContext(DbContextOptions<SqliteJianfuDbContext> options) : JianfuDbContext(options);

public sealed class PostgresJianfuDbContext(DbContextOptions<PostgresJianfuDbContext> options) : JianfuDbContext(options);
