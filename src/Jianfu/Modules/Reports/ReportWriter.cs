using System.Threading.Channels;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>
/// The one writer of new reports. Requests hand their validated report over and wait; the writer commits whatever has
/// queued up in a single transaction (group commit) and only then releases them, so a 201 always means the report is
/// in the database, and many reporters do not queue one by one on SQLite's single write lock.
/// </summary>
internal sealed class ReportWriter(IServiceScopeFactory scopes, ILogger<ReportWriter> logger) : BackgroundService
{
    private const int MaxBatch = 256;

    private readonly Channel<(BurdenReport Report, TaskCompletionSource Stored)> _queue =
        Channel.CreateBounded<(BurdenReport, TaskCompletionSource)>(new BoundedChannelOptions(10_000) { SingleReader = true });

    /// <summary>Completes when the report is committed; throws when it could not be stored.</summary>
    public async Task StoreAsync(BurdenReport report, CancellationToken ct)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((report, stored), ct);
        // Once queued the report is written even if the client goes away: an accepted report is never dropped.
        await stored.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(BurdenReport Report, TaskCompletionSource Stored)>(MaxBatch);
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

    private async Task WriteAsync(List<(BurdenReport Report, TaskCompletionSource Stored)> batch)
    {
        try
        {
            await SaveAsync(batch.Select(b => b.Report));
            batch.ForEach(b => b.Stored.TrySetResult());
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException && batch.Count > 1)
        {
            // One bad report must not fail its neighbours: store them one at a time.
            foreach (var (report, stored) in batch)
            {
                try
                {
                    await SaveAsync([report]);
                    stored.TrySetResult();
                }
                catch (Exception single)
                {
                    logger.LogError(single, "Report {Receipt} could not be stored", report.Receipt);
                    stored.TrySetException(single);
                }
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "A batch of {Count} reports could not be stored", batch.Count);
            batch.ForEach(b => b.Stored.TrySetException(e));
        }
    }

    private async Task SaveAsync(IEnumerable<BurdenReport> reports)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JianfuDbContext>();
        db.BurdenReports.AddRange(reports);
        await db.SaveChangesAsync();
    }
}
