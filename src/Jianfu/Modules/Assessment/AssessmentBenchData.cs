using Jianfu.Modules.Assessment.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Bench;
using Jianfu.Platform.Database;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// What `jianfu bench assessment` scores: a published 7+3 community set of 68 indicators (10 computed by the platform,
/// 8 from residents' ratings, 50 scored by each community's township), the townships' scores and the month's ratings,
/// written in bulk as the year would have left them.
/// </summary>
internal static class AssessmentBenchData
{
    public const int Indicators = 68;

    /// <summary>The set, and each township's score of its evaluator indicators for each of its communities; the set's id.</summary>
    public static async Task<int> WriteSetAsync(JianfuDbContext db, UnitInfo district, int year, IReadOnlyList<UnitInfo> communities)
    {
        SystemMetric[] metrics = [SystemMetric.TasksOnTime, SystemMetric.TasksConfirmed, SystemMetric.TasksReturned, SystemMetric.HotlineAnsweredInTime, SystemMetric.ResidentRating];
        var set = new IndicatorSet
        {
            DistrictId = district.Id, DistrictCode = district.Code, Year = year, Level = AssessedLevel.Community, Title = $"{year}年度村(社区)考核(基准)",
            Status = SetStatus.Published, Scheme = ScoringScheme.SevenThree, CreatedAt = DateTime.UtcNow, CreatedBy = "基准", PublishedAt = DateTime.UtcNow, PublishedBy = "基准",
            Components = ScoringScheme.ComponentsOf(ScoringScheme.SevenThree).Select(c => new SchemeComponent { Key = c.Key, Name = c.Name, Weight = c.Weight }).ToList(),
        };
        for (var k = 0; k < Indicators; k++)
        {
            var source = k < 10 ? IndicatorSource.System : k < 18 ? IndicatorSource.Residents : IndicatorSource.Evaluator;
            set.Indicators.Add(new Indicator
            {
                Number = k + 1, Category = k % 3 == 0 ? "党的建设" : "高质量发展", Name = $"基准指标{k + 1}", Points = k < 32 ? 1.5m : 1m,
                Evaluator = source == IndicatorSource.Evaluator ? Indicator.OwnTownship : district.Code,
                EvaluatorName = source == IndicatorSource.Evaluator ? Indicator.OwnTownshipName : district.Name, EvaluatorUnitId = source == IndicatorSource.Evaluator ? null : district.Id,
                Source = source, Metric = source == IndicatorSource.System ? metrics[k % metrics.Length] : null, CreatedAt = DateTime.UtcNow, CreatedBy = "基准",
            });
        }

        // 32 × 1.5 + 36 × 1 = 84: the rest on the first indicator, so that the set totals 100 like a real one.
        set.Indicators[0].Points += 100m - set.Indicators.Sum(i => i.Points);
        db.IndicatorSets.Add(set);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        await WriteScoresAsync(db, set, communities);
        return set.Id;
    }

    private static async Task WriteScoresAsync(JianfuDbContext db, IndicatorSet set, IReadOnlyList<UnitInfo> communities)
    {
        var random = new Random(7);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var evaluated = set.Indicators.Where(i => i.Source == IndicatorSource.Evaluator).ToList();
        var n = 0;
        foreach (var c in communities)
        {
            foreach (var i in evaluated)
            {
                db.EvaluatorScores.Add(EvaluatorScore.Of(set, i, c.Id, decimal.Round(i.Points * (decimal)(0.6 + random.NextDouble() * 0.4), 1), "按期完成", "基准", DateTime.UtcNow));
                if (++n % 20_000 == 0)
                {
                    await BenchData.FlushAsync(db);
                }
            }
        }

        await BenchData.FinishAsync(db);
    }

    /// <summary>A poster in every community and <paramref name="perCommunity"/> counted ratings of each this month.</summary>
    public static async Task WriteRatingsAsync(JianfuDbContext db, IReadOnlyList<UnitInfo> communities, DateTime at, int perCommunity)
    {
        var random = new Random(5);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var month = Rating.MonthOf(DateOnly.FromDateTime(at.AddHours(8)));
        var posters = communities.Select(c => new RatingPoster
        {
            Token = RatingPoster.NewToken(), Salt = RatingPoster.NewSalt(), DistrictId = c.DistrictId, UnitId = c.Id, UnitCode = c.Code, UnitName = c.Name, CreatedAt = at, CreatedBy = "基准",
        }).ToList();
        db.RatingPosters.AddRange(posters);
        await BenchData.FlushAsync(db);
        var n = 0;
        foreach (var p in posters)
        {
            for (var k = 0; k < perCommunity; k++)
            {
                var answers = Enumerable.Range(0, 4).Select(_ => random.Next(2, 6)).ToList();
                db.Ratings.Add(new Rating
                {
                    PosterId = p.Id, DistrictId = p.DistrictId, UnitId = p.UnitId, Month = month, At = at, Answers = string.Join(',', answers), Average = answers.Average(),
                    DeviceKey = $"bench-{k}", AddressKey = $"bench-{k % 7}", Counted = true,
                });
                if (++n % 20_000 == 0)
                {
                    await BenchData.FlushAsync(db);
                }
            }
        }

        await BenchData.FinishAsync(db);
    }
}
