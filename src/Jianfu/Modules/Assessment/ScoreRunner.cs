using Jianfu.Modules.Assessment.Domain;
using Jianfu.Modules.Dispatch.Contracts;
using Jianfu.Modules.Hotline.Contracts;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// Scores a published set for a period — a month, or the year so far — from the platform's own records: the daily (平时)
/// figures are computed, never typed. Every unit's result and board is stored as a run: the live board (recomputed
/// when older than Jianfu:Assessment:LiveBoardMinutes, default 10) or a month's published snapshot, kept as it was.
/// </summary>
internal sealed class ScoreRunner(
    JianfuDbContext db, AssessmentAccess access, ITaskFigures tasks, IHotlineFigures hotline, IBurdenFigures burdens, WorkCalendar calendar, IConfiguration config, TimeProvider time)
{
    /// <summary>Working days a community or department has to answer a 12345 order (Jianfu:Assessment:HotlineWorkingDays).</summary>
    public int HotlineWorkingDays => Math.Max(1, config.GetValue("Jianfu:Assessment:HotlineWorkingDays", 5));

    public TimeSpan LiveBoardAge => TimeSpan.FromMinutes(Math.Max(0, config.GetValue("Jianfu:Assessment:LiveBoardMinutes", 10)));

    /// <summary>Every assessed unit's figures for the period, keyed by the assessed id.</summary>
    public async Task<Dictionary<int, UnitFigures>> FiguresAsync(IndicatorSet set, IReadOnlyList<Assessed> assessed, Period period, CancellationToken ct)
    {
        var from = period.From;
        var fromUtc = from.StartUtc();
        var toUtc = period.Until.StartUtc();
        var metrics = set.Indicators.Select(i => i.Metric).Where(m => m is not null).ToHashSet();
        var rated = set.Indicators.Any(i => i.Source == IndicatorSource.Residents) || metrics.Contains(SystemMetric.ResidentRating);
        // Figures of communities, then summed to their township for a set of townships.
        var byCommunity = new Dictionary<int, UnitFigures>();
        UnitFigures Of(Dictionary<int, UnitFigures> map, int id) => map.TryGetValue(id, out var f) ? f : UnitFigures.None;
        if (set.Level != AssessedLevel.Department && metrics.Any(m => m is SystemMetric.TasksOnTime or SystemMetric.TasksConfirmed or SystemMetric.TasksReturned))
        {
            foreach (var g in (await tasks.TasksIssuedAsync(set.DistrictId, fromUtc, toUtc, ct)).GroupBy(t => t.CommunityId))
            {
                byCommunity[g.Key] = Tally(g);
            }
        }

        var today = time.Today();
        var orders = metrics.Contains(SystemMetric.HotlineAnsweredInTime) ? await hotline.OrdersRoutedAsync(set.DistrictId, fromUtc, toUtc, ct) : [];
        var byDepartment = new Dictionary<int, UnitFigures>();
        foreach (var order in orders)
        {
            var routed = order.RoutedAt.ChinaDate();
            var answered = order.HandledAt?.ChinaDate();
            var inTime = answered is { } a && calendar.WorkingDaysBetween(routed, a) <= HotlineWorkingDays;
            var decided = inTime || calendar.WorkingDaysBetween(routed, answered ?? today) > HotlineWorkingDays;
            if (!decided)
            {
                continue;
            }

            foreach (var (map, key) in new[] { (byCommunity, order.CommunityId), (byDepartment, order.DepartmentId) })
            {
                if (key is { } k)
                {
                    var f = Of(map, k);
                    map[k] = f with { HotlineOrders = f.HotlineOrders + 1, HotlineInTime = f.HotlineInTime + (inTime ? 1 : 0) };
                }
            }
        }

        if (rated && set.Level != AssessedLevel.Department)
        {
            var (first, last) = period.Months;
            var ratings = await db.Ratings.AsNoTracking().Where(r => r.DistrictId == set.DistrictId && r.Month >= first && r.Month <= last && r.Counted)
                .GroupBy(r => r.UnitId).Select(g => new { g.Key, Count = g.Count(), Sum = g.Sum(r => r.Average) }).ToListAsync(ct);
            foreach (var r in ratings)
            {
                byCommunity[r.Key] = Of(byCommunity, r.Key) with { Ratings = r.Count, RatingAverage = r.Sum / r.Count };
            }
        }

        if (metrics.Contains(SystemMetric.SubstantiatedReports))
        {
            foreach (var d in await burdens.DeductionsAsync(set.DistrictId, from, period.Until.AddDays(-1), ct))
            {
                byDepartment[d.DepartmentId] = Of(byDepartment, d.DepartmentId) with { SubstantiatedReports = d.Reports };
            }
        }

        if (set.Level == AssessedLevel.Department)
        {
            return assessed.ToDictionary(a => a.Id, a => Of(byDepartment, a.Id));
        }

        if (set.Level == AssessedLevel.Community)
        {
            return assessed.ToDictionary(a => a.Id, a => Of(byCommunity, a.Id));
        }

        // Townships: their communities' figures summed, and the reports against their own departments.
        var communities = await access.Directory.CommunitiesWithinAsync((await access.Directory.FindUnitAsync(set.DistrictId, ct))!.Path, ct);
        var result = new Dictionary<int, UnitFigures>();
        foreach (var township in assessed)
        {
            var parts = communities.Where(c => c.ParentId == township.Id).Select(c => Of(byCommunity, c.Id)).ToList();
            var reports = 0;
            if (metrics.Contains(SystemMetric.SubstantiatedReports))
            {
                reports = (await access.Directory.DepartmentsOfAsync(township.Id, ct)).Sum(d => Of(byDepartment, d.Id).SubstantiatedReports);
            }

            var ratings = parts.Sum(p => p.Ratings);
            result[township.Id] = new UnitFigures
            {
                TasksIssued = parts.Sum(p => p.TasksIssued), TasksOnTime = parts.Sum(p => p.TasksOnTime), TasksCompleted = parts.Sum(p => p.TasksCompleted),
                TasksConfirmed = parts.Sum(p => p.TasksConfirmed), TasksReturned = parts.Sum(p => p.TasksReturned),
                HotlineOrders = parts.Sum(p => p.HotlineOrders), HotlineInTime = parts.Sum(p => p.HotlineInTime), SubstantiatedReports = reports,
                Ratings = ratings, RatingAverage = ratings == 0 ? 0 : parts.Sum(p => p.RatingAverage * p.Ratings) / ratings,
            };
        }

        return result;
    }

    /// <summary>A group of tasks counted: issued, done by the due date, done, confirmed, ever sent back.</summary>
    public static UnitFigures Tally(IEnumerable<TaskFact> facts)
    {
        int issued = 0, onTime = 0, completed = 0, confirmed = 0, returned = 0;
        foreach (var t in facts)
        {
            issued++;
            if (t.CompletedOn is { } done)
            {
                completed++;
                onTime += t.Due is null || done <= t.Due ? 1 : 0;
                returned += t.Returned ? 1 : 0;
            }

            confirmed += t.Confirmed ? 1 : 0;
        }

        return new UnitFigures { TasksIssued = issued, TasksOnTime = onTime, TasksCompleted = completed, TasksConfirmed = confirmed, TasksReturned = returned };
    }

    /// <summary>What scores each unit beyond the figures: evaluating bodies' scores, ballots, and (departments) the year's deductions to the period's end.</summary>
    public async Task<Dictionary<int, UnitInputs>> InputsAsync(IndicatorSet set, IReadOnlyList<Assessed> assessed, Period period, CancellationToken ct)
    {
        // Summed in the database per unit and component: a district's year is hundreds of thousands of scores.
        var ids = assessed.Count <= 100 ? assessed.Select(a => a.Id).ToList() : null;
        var sums = await db.EvaluatorScores.AsNoTracking().Where(s => s.SetId == set.Id && (ids == null || ids.Contains(s.AssessedId)))
            .GroupBy(s => new { s.AssessedId, s.Component })
            .Select(g => new { g.Key.AssessedId, g.Key.Component, Earned = g.Sum(s => s.ScoreTenths), Points = g.Sum(s => s.PointsTenths) })
            .ToListAsync(ct);
        var scores = sums.GroupBy(s => s.AssessedId).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, (decimal, decimal)>)g
            .ToDictionary(c => c.Component, c => (c.Earned / 10m, c.Points / 10m)));
        var marks = await db.BallotMarks.AsNoTracking().Where(m => db.Ballots.Any(b => b.Id == m.BallotId && b.SetId == set.Id && b.IsClosed))
            .GroupBy(m => new { m.AssessedId, m.Grade }).Select(g => new { g.Key.AssessedId, g.Key.Grade, Count = g.Count() }).ToListAsync(ct);
        var democratic = marks.GroupBy(m => m.AssessedId)
            .ToDictionary(g => g.Key, g => g.Sum(m => m.Grade.Fraction() * m.Count) / g.Sum(m => m.Count));
        var deductions = new Dictionary<int, decimal>();
        if (set.Level == AssessedLevel.Department)
        {
            var yearStart = new DateOnly(set.Year, 1, 1);
            var monthEnd = period.Until.AddDays(-1);
            foreach (var d in await burdens.DeductionsAsync(set.DistrictId, yearStart, monthEnd, ct))
            {
                deductions[d.DepartmentId] = d.Points;
            }

            foreach (var (department, rejected) in await tasks.RejectedDispatchesAsync(set.DistrictId, yearStart.StartUtc(), monthEnd.AddDays(1).StartUtc(), ct))
            {
                deductions[department] = deductions.GetValueOrDefault(department) + rejected * set.RejectedDispatchDeduction;
            }
        }

        return assessed.ToDictionary(a => a.Id, a => new UnitInputs(
            scores.GetValueOrDefault(a.Id), democratic.TryGetValue(a.Id, out var d) ? d : null, Math.Min(set.DeductionCap, deductions.GetValueOrDefault(a.Id))));
    }

    /// <summary>Scores the live board of a set for a month (yyyy-MM) or the year now, whatever its age; the number of units scored.</summary>
    public async Task<Result<int>> RescoreAsync(int setId, string? month, CancellationToken ct)
    {
        var found = await access.SetAsync(setId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (user, district, set, _) = found.Value;
        var period = Period.Parse(month, set.Year);
        if (!period.IsSuccess)
        {
            return period.Error!;
        }

        var run = await RunAsync(set, district, period.Value, RunKind.Live, AssessmentAccess.ActorOf(user), refresh: true, ct);
        return run.IsSuccess ? run.Value.Units : run.Error!;
    }

    public Task<ScoreRun?> PublishedAsync(int setId, Period period, CancellationToken ct) =>
        db.ScoreRuns.AsNoTracking().FirstOrDefaultAsync(r => r.SetId == setId && r.Month == period.Key && r.Kind == RunKind.Published, ct);

    /// <summary>The run of this kind for the set and period: the stored one if fresh (a published one always is), else computed and stored now.</summary>
    public async Task<Result<ScoreRun>> RunAsync(IndicatorSet set, UnitInfo district, Period period, RunKind kind, string actor, bool refresh, CancellationToken ct)
    {
        var month = period.Key;
        var existing = await db.ScoreRuns.AsNoTracking().FirstOrDefaultAsync(r => r.SetId == set.Id && r.Month == month && r.Kind == kind, ct);
        if (existing is not null && (kind == RunKind.Published || (!refresh && time.UtcNow() - existing.ComputedAt < LiveBoardAge)))
        {
            return existing;
        }

        var assessed = await access.AssessedAsync(district, set.Level, ct);
        var figures = await FiguresAsync(set, assessed, period, ct);
        var inputs = await InputsAsync(set, assessed, period, ct);
        var scorer = new Scorer(set);
        var results = assessed.Select(a => scorer.Score(figures[a.Id], inputs[a.Id])).ToList();
        var totalRanks = Scorer.Ranks(results.Select(r => r.Total).ToList());
        var boardRanks = Scorer.Ranks(results.Select(r => r.Board).ToList());
        var run = new ScoreRun { SetId = set.Id, Month = month, Kind = kind, ComputedAt = time.UtcNow(), ComputedBy = actor, Units = assessed.Count };
        var rows = assessed.Select((a, k) => new object?[]
        {
            0, a.Id, a.Code, a.Name, a.Path, results[k].Total, totalRanks[k], results[k].Deduction, results[k].Board, boardRanks[k],
            Parts(results[k].Components), Parts(results[k].BoardParts),
        }).ToList();
        var error = await db.TryAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (existing is not null)
            {
                await db.UnitScores.Where(s => s.RunId == existing.Id).ExecuteDeleteAsync(ct);
                await db.ScoreRuns.Where(r => r.Id == existing.Id).ExecuteDeleteAsync(ct);
            }

            db.ScoreRuns.Add(run);
            await db.SaveChangesAsync(ct);
            rows.ForEach(r => r[0] = run.Id);
            await MultiRowInsert.ExecuteAsync(db, UnitScoreColumns, rows, ct);
            await tx.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        if (error is not null)
        {
            // Another reader refreshed the same board at the same moment: theirs stands.
            return await db.ScoreRuns.AsNoTracking().FirstOrDefaultAsync(r => r.SetId == set.Id && r.Month == month && r.Kind == kind, ct) is { } theirs
                ? theirs
                : error;
        }

        return run;
    }

    /// <summary>A board's rows are thousands: written in multi-row INSERTs, in these columns' order.</summary>
    private const string UnitScoreColumns =
        "INSERT INTO \"UnitScores\" (\"RunId\", \"AssessedId\", \"Code\", \"Name\", \"Path\", \"Total\", \"TotalRank\", \"Deduction\", \"Board\", \"BoardRank\", \"Components\", \"BoardParts\")";

    /// <summary>A row's parts as stored: their scores in order, "" for a part with nothing to score ("52.5;22.5"); the names are the set's.</summary>
    private static string Parts(IReadOnlyList<ComponentScore> parts) =>
        string.Join(';', parts.Select(p => p.Score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""));

    public static IReadOnlyList<(string Name, decimal? Score)> ReadParts(string stored, IReadOnlyList<string> names) =>
        stored.Split(';').Zip(names, (score, name) => (name, score.Length == 0 ? (decimal?)null : decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture))).ToList();
}
