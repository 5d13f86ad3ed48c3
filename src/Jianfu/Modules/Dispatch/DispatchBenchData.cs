using Jianfu.Modules.Dispatch.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Bench;
using Jianfu.Platform.Database;
using Jianfu.Platform.Text;
using Microsoft.EntityFrameworkCore;
using DispatchEntity = Jianfu.Modules.Dispatch.Domain.Dispatch;

namespace Jianfu.Modules.Dispatch;

/// <summary>
/// The dispatch history the benchmarks measure against (`jianfu bench dispatch`, `jianfu bench duplicates`), written
/// in bulk as the dispatch flow would have left it: no gate, no notifications, no history beyond submit and decision.
/// </summary>
internal static class DispatchBenchData
{
    /// <summary>
    /// A year of dispatches from one township department, <paramref name="targets"/> random communities each (a third
    /// of them including <paramref name="first"/>); nine in ten approved with their tasks at every step, the rest under review.
    /// </summary>
    public static async Task WriteHistoryAsync(
        JianfuDbContext db, UnitInfo township, DepartmentInfo department, UserRef dispatcher, UserRef reviewer,
        IReadOnlyList<UnitInfo> communities, UnitInfo first, IReadOnlyList<string> codes, int count, int targets)
    {
        var random = new Random(2026);
        var statuses = new[] { CommunityTaskStatus.Pending, CommunityTaskStatus.Received, CommunityTaskStatus.Assigned, CommunityTaskStatus.Completed, CommunityTaskStatus.Confirmed };
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var start = DateTime.UtcNow.AddDays(-365);
        for (var n = 0; n < count; n++)
        {
            var at = start.AddMinutes(n * 50);
            var approved = n % 10 != 0;
            var d = new DispatchEntity
            {
                Title = $"历史任务{n}", Content = $"历史任务{n}的具体要求:请在系统中填写结果。", ScreeningCode = codes[n % codes.Count],
                DistrictId = township.DistrictId, IssuerUnitId = township.Id, IssuerUnitName = township.Name, DepartmentId = department.Id,
                DepartmentName = department.Name, DispatcherId = dispatcher.Id, DispatcherName = dispatcher.DisplayName, ReviewUnitId = township.Id,
                Status = approved ? DispatchStatus.Approved : DispatchStatus.UnderReview, CreatedAt = at, SubmittedAt = at,
                DecidedAt = approved ? at.AddHours(2) : null, DueDate = DateOnly.FromDateTime(at.AddDays(14)), Checks = [],
            };
            var chosen = Enumerable.Range(0, targets).Select(_ => communities[random.Next(communities.Count)]).DistinctBy(c => c.Id).ToList();
            if (n % 3 == 0 && chosen.All(c => c.Id != first.Id))
            {
                chosen[0] = first;
            }

            foreach (var c in chosen)
            {
                d.Targets.Add(new DispatchTarget { CommunityId = c.Id, CommunityCode = c.Code, CommunityName = c.Name });
                if (approved)
                {
                    d.Tasks.Add(new CommunityTask
                    {
                        CommunityId = c.Id, CommunityCode = c.Code, CommunityName = c.Name, DueDate = d.DueDate, CreatedAt = at.AddHours(2),
                        Status = statuses[random.Next(statuses.Length)],
                    });
                }
            }

            d.History.Add(new DispatchHistory { At = at, ActorId = dispatcher.Id, ActorName = dispatcher.DisplayName, Action = "提交审核" });
            if (approved)
            {
                d.History.Add(new DispatchHistory { At = at.AddHours(2), ActorId = reviewer.Id, ActorName = reviewer.DisplayName, Action = "审核通过" });
            }

            db.Dispatches.Add(d);
            if (n % 250 == 249)
            {
                await BenchData.FlushAsync(db);
            }
        }

        await BenchData.FinishAsync(db);
    }

    /// <summary>
    /// <paramref name="total"/> submitted dispatches over <paramref name="days"/> days before <paramref name="today"/>
    /// to communities 1…<paramref name="communities"/> (one in twenty to a whole township of 12), with their
    /// fingerprints; on SQLite, in plain prepared inserts in one transaction (EF Core would take minutes for a million rows).
    /// </summary>
    public static async Task WriteSubmittedAsync(JianfuDbContext db, int total, string[] texts, DateOnly today, int communities, int days)
    {
        var random = new Random(1);
        var end = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var connection = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var dispatch = connection.CreateCommand();
        dispatch.CommandText = """
            INSERT INTO "Dispatches" ("Id","Title","Content","IsMajor","DistrictId","IssuerUnitId","IssuerUnitName","DepartmentName",
              "DispatcherId","DispatcherName","ReviewUnitId","Status","Checks","CreatedAt","SubmittedAt")
            VALUES ($id,$title,$content,0,1,1,'基准镇','基准部门','bench','基准',1,$status,'[]',$at,$at)
            """;
        var target = connection.CreateCommand();
        target.CommandText = """
            INSERT INTO "DispatchTargets" ("DispatchId","CommunityId","CommunityCode","CommunityName","SubmittedAt","Fingerprint")
            VALUES ($id,$community,$community,'基准村',$at,$fingerprint)
            """;
        foreach (var name in new[] { "$id", "$title", "$content", "$status", "$at" })
        {
            dispatch.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter { ParameterName = name });
        }

        foreach (var name in new[] { "$id", "$community", "$at", "$fingerprint" })
        {
            target.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter { ParameterName = name });
        }

        for (var i = 1; i <= total; i++)
        {
            var text = texts[random.Next(texts.Length)] + $"(第{i}号,{random.Next(100000)})";
            var parts = text.Split('\n', 2);
            var at = end.AddMinutes(-random.Next(days * 24 * 60)).ToString("yyyy-MM-dd HH:mm:ss");
            dispatch.Parameters["$id"].Value = i;
            dispatch.Parameters["$title"].Value = parts[0];
            dispatch.Parameters["$content"].Value = parts[1];
            dispatch.Parameters["$status"].Value = i % 10 == 0 ? nameof(DispatchStatus.Rejected) : nameof(DispatchStatus.Approved);
            dispatch.Parameters["$at"].Value = at;
            var fingerprint = MinHash.ToBytes(MinHash.Of(text));
            await dispatch.ExecuteNonQueryAsync();
            var first = random.Next(1, communities + 1);
            int[] to = random.Next(20) == 0 ? [.. Enumerable.Range((first - 1) / 12 * 12 + 1, 12)] : [first];
            foreach (var community in to)
            {
                target.Parameters["$id"].Value = i;
                target.Parameters["$community"].Value = community;
                target.Parameters["$at"].Value = at;
                target.Parameters["$fingerprint"].Value = fingerprint;
                await target.ExecuteNonQueryAsync();
            }

            if (i % 200_000 == 0)
            {
                Console.WriteLine($"   {i:N0}");
            }
        }

        await transaction.CommitAsync();
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    /// <summary>
    /// A month of work for assessment to score (`jianfu bench assessment`): each township's department sends
    /// <paramref name="perCommunity"/> dispatches to all its communities from <paramref name="from"/>; the tasks are at
    /// every step, most done by their due date, some sent back once.
    /// </summary>
    public static async Task WriteMonthAsync(JianfuDbContext db, IReadOnlyList<(UnitInfo Township, IReadOnlyList<UnitInfo> Communities)> townships, DateTime from, int perCommunity)
    {
        var random = new Random(13);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var n = 0;
        foreach (var (township, communities) in townships)
        {
            for (var k = 0; k < perCommunity; k++, n++)
            {
                var at = from.AddHours(k * 24 + random.Next(12));
                var due = DateOnly.FromDateTime(at.AddDays(10));
                var d = new DispatchEntity
                {
                    Title = $"本月任务{n}", Content = $"本月任务{n}的具体要求:请在系统中填写结果。", ScreeningCode = "XZ-13", DistrictId = township.DistrictId,
                    IssuerUnitId = township.Id, IssuerUnitName = township.Name, DepartmentName = "基准部门", DispatcherId = "bench", DispatcherName = "基准",
                    ReviewUnitId = township.Id, Status = DispatchStatus.Approved, CreatedAt = at, SubmittedAt = at, DecidedAt = at.AddHours(1), DueDate = due, Checks = [],
                };
                foreach (var c in communities)
                {
                    var step = random.Next(10);
                    var done = step >= 3 ? at.AddDays(random.Next(1, 14)) : (DateTime?)null;
                    d.Targets.Add(new DispatchTarget { CommunityId = c.Id, CommunityCode = c.Code, CommunityName = c.Name });
                    d.Tasks.Add(new CommunityTask
                    {
                        CommunityId = c.Id, CommunityCode = c.Code, CommunityName = c.Name, DueDate = due, CreatedAt = at.AddHours(1),
                        Status = step switch { < 3 => CommunityTaskStatus.Received, < 6 => CommunityTaskStatus.Completed, _ => CommunityTaskStatus.Confirmed },
                        CompletedAt = done, ConfirmedAt = step >= 6 ? done?.AddDays(1) : null, TimesReturned = step == 9 ? 1 : 0,
                    });
                }

                db.Dispatches.Add(d);
                if (n % 20 == 19)
                {
                    await BenchData.FlushAsync(db);
                }
            }
        }

        await BenchData.FinishAsync(db);
    }

    /// <summary>One approved dispatch of <paramref name="text"/> (title, a line break, content) to the given communities.</summary>
    public static async Task WriteApprovedAsync(JianfuDbContext db, string text, int[] communities, DateTime at)
    {
        var parts = text.Split('\n', 2);
        db.Dispatches.Add(new DispatchEntity
        {
            Title = parts[0],
            Content = parts.Length > 1 ? parts[1] : parts[0],
            DistrictId = 1,
            IssuerUnitId = 1,
            IssuerUnitName = "基准镇",
            DepartmentName = "基准部门",
            DispatcherId = "bench",
            DispatcherName = "基准",
            ReviewUnitId = 1,
            Status = DispatchStatus.Approved,
            CreatedAt = at,
            SubmittedAt = at,
            Targets = [.. communities.Select(t => new DispatchTarget
            {
                CommunityId = t, CommunityCode = t.ToString(), CommunityName = $"第{t}村", SubmittedAt = at, Fingerprint = MinHash.ToBytes(MinHash.Of(text)),
            })],
        });
        await db.SaveChangesAsync();
    }
}
