using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Platform.Database;

/// <summary>
/// The one writer of a public intake's new rows (burden reports, residents' ratings). Requests hand their validated
/// row over and wait; the writer commits whatever has queued up in a single transaction (group commit) and only then
/// releases them, so a 201 always means the row is in the database, and many senders do not queue one by one on
/// SQLite's single write lock. A batch that fails is retried one row at a time, so one bad row fails only itself.
/// </summary>
public abstract class GroupCommitWriter<T>(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    private const int MaxBatch = 256;

    private readonly Channel<(T Row, TaskCompletionSource Stored)> _queue =
        Channel.CreateBounded<(T, TaskCompletionSource)>(new BoundedChannelOptions(10_000) { SingleReader = true });

    /// <summary>Writes the rows of one batch on <paramref name="db"/> and saves them; throws when they cannot be stored together.</summary>
    protected abstract Task SaveAsync(JianfuDbContext db, IReadOnlyList<T> rows);

    /// <summary>Completes when the row is committed; throws when it could not be stored.</summary>
    public async Task StoreAsync(T row, CancellationToken ct)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((row, stored), ct);
        // Once queued the row is written even if the client goes away: an accepted row is never dropped.
        await stored.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(T Row, TaskCompletionSource Stored)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            await WriteAsync(batch);
            batch.Clear();
            if (stoppingToken.IsCancellationRequested && !_queue.Reader.TryPeek(out _))
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(List<(T Row, TaskCompletionSource Stored)> batch)
    {
        try
        {
            await SaveInScopeAsync([.. batch.Select(b => b.Row)]);
            batch.ForEach(b => b.Stored.TrySetResult());
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException && batch.Count > 1)
        {
            foreach (var (row, stored) in batch)
            {
                try
                {
                    await SaveInScopeAsync([row]);
                    stored.TrySetResult();
                }
                catch (Exception single)
                {
                    logger.LogError(single, "A {Kind} could not be stored", typeof(T).Name);
                    stored.TrySetException(single);
                }
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "A batch of {Count} {Kind} rows could not be stored", batch.Count, typeof(T).Name);
            batch.ForEach(b => b.Stored.TrySetException(e));
        }
    }

    private async Task SaveInScopeAsync(IReadOnlyList<T> rows)
    {
        using var scope = scopes.CreateScope();
        await SaveAsync(scope.ServiceProvider.GetRequiredService<JianfuDbContext>(), rows);
    }
}
