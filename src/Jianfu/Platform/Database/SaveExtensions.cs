using System.Text.Json;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Platform.Database;

public static class SaveExtensions
{
    /// <summary>
    /// Saves, or answers why nothing was saved: somebody else changed the same record first (or made the same thing
    /// at the same moment), or a text cannot be stored. Either way the save's transaction is rolled back whole and the
    /// context forgets the unsaved changes, so a page that reads again shows what the database holds.
    /// </summary>
    public static Task<Error?> TrySaveAsync(this JianfuDbContext db, CancellationToken ct) => db.TryAsync(() => db.SaveChangesAsync(ct));

    /// <summary>The same for a save that another library makes on this context (Identity's user store).</summary>
    public static async Task<Error?> TryAsync(this JianfuDbContext db, Func<Task> save)
    {
        try
        {
            await save();
            return null;
        }
        catch (Exception e) when (NotSaved(e) is { } error)
        {
            db.ChangeTracker.Clear();
            return error;
        }
    }

    /// <summary>What a failed save means to the person who made it, or null for a failure that is a bug.</summary>
    public static Error? NotSaved(Exception e) => e switch
    {
        DbUpdateConcurrencyException => Error.Stale(),
        DbUpdateException update when UniqueViolation.Is(update) => Error.Stale(),
        StoredTextException text => Error.Validation(JsonNamingPolicy.CamelCase.ConvertName(text.Field), text.Message),
        _ => null,
    };
}

/// <summary>A unique index refused a row: the same thing was made twice at the same moment.</summary>
internal static class UniqueViolation
{
    public static bool Is(DbUpdateException e) => e.InnerException switch
    {
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
