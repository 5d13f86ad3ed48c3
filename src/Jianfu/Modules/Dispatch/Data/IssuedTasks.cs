using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;
using DispatchEntity = Jianfu.Modules.Dispatch.Domain.Dispatch;

namespace Jianfu.Modules.Dispatch.Data;

/// <summary>
/// Writes the tasks an approval creates (one per community, and each one's "下发至村(社区)" entry) in a few multi-row
/// INSERTs instead of EF Core's row-by-row path, which took three quarters of a 300-community approval
/// (docs/performance.md). The domain still decides what is created (<see cref="DispatchEntity.Approve"/>); this only
/// stores it, in the transaction of the approval's own save (<see cref="MultiRowInsert"/>).
/// </summary>
internal sealed class IssuedTasks
{
    private readonly DispatchEntity _dispatch;
    private readonly List<CommunityTask> _tasks;
    private readonly List<DispatchHistory> _entries;

    private IssuedTasks(DispatchEntity dispatch, List<CommunityTask> tasks, List<DispatchHistory> entries) =>
        (_dispatch, _tasks, _entries) = (dispatch, tasks, entries);

    /// <summary>Takes the new tasks and their entries off the dispatch, so that the context saves the rest without them.</summary>
    public static IssuedTasks TakeFrom(JianfuDbContext db, DispatchEntity dispatch)
    {
        var tasks = dispatch.Tasks.Where(t => t.Id == 0).ToList();
        var entries = dispatch.History.Where(h => h.Id == 0 && h.Task is { Id: 0 }).ToList();
        dispatch.Tasks.RemoveAll(tasks.Contains);
        dispatch.History.RemoveAll(entries.Contains);
        foreach (var row in tasks.Cast<object>().Concat(entries).Where(row => db.Entry(row).State != EntityState.Detached))
        {
            db.Entry(row).State = EntityState.Detached;
        }

        return new IssuedTasks(dispatch, tasks, entries);
    }

    /// <summary>Inserts them (after the dispatch itself was saved, in the same transaction) and puts them back on the dispatch, as stored.</summary>
    public async Task WriteAsync(JianfuDbContext db, CancellationToken ct)
    {
        foreach (var chunk in _tasks.Chunk(MultiRowInsert.RowsPerStatement))
        {
            await using var insert = MultiRowInsert.Command(db,
                "INSERT INTO \"CommunityTasks\" (\"DispatchId\", \"CommunityId\", \"CommunityCode\", \"CommunityName\", \"DueDate\", \"Status\", \"CreatedAt\", \"RowVersion\", \"TimesReturned\")",
                chunk.Select(t => new object?[] { _dispatch.Id, t.CommunityId, t.CommunityCode, t.CommunityName, t.DueDate, t.Status.ToString(), t.CreatedAt, 0, 0 }),
                " RETURNING \"Id\", \"CommunityId\"");
            var byCommunity = chunk.ToDictionary(t => t.CommunityId);
            await using var ids = await insert.ExecuteReaderAsync(ct);
            while (await ids.ReadAsync(ct))
            {
                var task = byCommunity[ids.GetInt32(1)];
                (task.Id, task.DispatchId) = (ids.GetInt32(0), _dispatch.Id);
            }
        }

        foreach (var chunk in _entries.Chunk(MultiRowInsert.RowsPerStatement))
        {
            await using var insert = MultiRowInsert.Command(db,
                "INSERT INTO \"DispatchHistory\" (\"DispatchId\", \"TaskId\", \"At\", \"ActorId\", \"ActorName\", \"Action\", \"Note\")",
                chunk.Select(h => new object?[] { _dispatch.Id, h.Task!.Id, h.At, h.ActorId, h.ActorName, h.Action, h.Note }),
                " RETURNING \"Id\", \"TaskId\"");
            var byTask = chunk.ToDictionary(h => h.Task!.Id);
            await using var ids = await insert.ExecuteReaderAsync(ct);
            while (await ids.ReadAsync(ct))
            {
                var entry = byTask[ids.GetInt32(1)];
                (entry.Id, entry.DispatchId, entry.TaskId) = (ids.GetInt64(0), _dispatch.Id, entry.Task!.Id);
            }
        }

        // Tracked as stored: attaching them puts them back on the dispatch's collections (navigation fix-up).
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var row in _tasks.Cast<object>().Concat(_entries))
            {
                db.Entry(row).State = EntityState.Unchanged;
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
