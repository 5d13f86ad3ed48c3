using System.Collections.Concurrent;

namespace Jianfu.Platform.Database;

/// <summary>
/// A query compiled once per database provider, for the few that every public request asks (a poster by its token):
/// a compiled query keeps the model it first met, so SQLite and PostgreSQL each get their own; translating the query
/// anew each time was a tenth of the intake's CPU.
/// </summary>
public sealed class CompiledQuery<TArg, TResult>(Func<Func<JianfuDbContext, TArg, CancellationToken, Task<TResult>>> compile)
{
    private readonly ConcurrentDictionary<Type, Func<JianfuDbContext, TArg, CancellationToken, Task<TResult>>> _byProvider = new();

    public Task<TResult> RunAsync(JianfuDbContext db, TArg arg, CancellationToken ct) => _byProvider.GetOrAdd(db.GetType(), _ => compile())(db, arg, ct);
}
