using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Jianfu.Platform.Database;

/// <summary>
/// Rows written in a few multi-row INSERTs instead of EF Core's row-by-row path, for the few writes of thousands of rows
/// at once (an approval's tasks, a board's scores): SQL that SQLite and PostgreSQL both read alike (quoted names,
/// multi-row VALUES, optional RETURNING), in the transaction of the caller's save.
/// </summary>
public static class MultiRowInsert
{
    /// <summary>
    /// Rows per INSERT: SQLite looks each named parameter up among all of its statement's, so one statement of 300 rows
    /// (2,700 parameters) was slower than EF Core row by row; 40 rows keep each lookup short.
    /// </summary>
    public const int RowsPerStatement = 40;

    /// <summary>The INSERT of <paramref name="rows"/> (each the values of the columns named in <paramref name="head"/>), with <paramref name="tail"/> after.</summary>
    public static DbCommand Command(JianfuDbContext db, string head, IEnumerable<object?[]> rows, string tail = "")
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Multi-row inserts are written inside the caller's transaction.");
        var sql = new StringBuilder(head).Append(" VALUES ");
        var n = 0;
        foreach (var (row, r) in rows.Select((row, r) => (row, r)))
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < row.Length; c++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@p{n}";
                parameter.Value = row[c] ?? DBNull.Value;
                command.Parameters.Add(parameter);
                sql.Append(c == 0 ? "" : ", ").Append("@p").Append(n++);
            }

            sql.Append(')');
        }

        command.CommandText = sql.Append(tail).ToString();
        return command;
    }

    /// <summary>Inserts every row, <see cref="RowsPerStatement"/> at a time, returning nothing.</summary>
    public static async Task ExecuteAsync(JianfuDbContext db, string head, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            await using var insert = Command(db, head, chunk);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }
}
