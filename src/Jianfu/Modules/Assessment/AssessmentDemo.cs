using System.Globalization;
using CsvHelper;
using Jianfu.Modules.Assessment.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Files;
using Jianfu.Platform.Time;
using static Jianfu.Modules.Organisation.Contracts.DemoOrganisation;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// The demo district's assessment: last year's 1,000-point township assessment of 118 indicators and this year's
/// published 百分考 of 68 (Demo/township-*.csv), this year's 7+3 community assessment with residents' ratings and the
/// townships' scores, and the annual inspection plans (41 items last year, 30 this year) with this year's visits.
/// </summary>
internal sealed class AssessmentDemo(JianfuDbContext db, IOrganisationDirectory directory, TimeProvider time)
{
    private sealed record Row(string Category, string Name, decimal Points, string Evaluator, string Source, string? Metric);

    private sealed record PlanRow(int Year, string Name, string Organiser, DateOnly From, DateOnly To, string Targets, string Method, string Team);

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = time.UtcNow();
        var today = time.Today();
        var year = today.Year;
        var district = (await directory.FindUnitAsync(DistrictCode, ct))!;
        var departments = (await directory.DepartmentsOfAsync(district.Id, ct)).ToDictionary(d => d.Name);
        var township = (await directory.FindUnitAsync(TownshipCode, ct))!;
        var communities = (await directory.CommunitiesWithinAsync(district.Path, ct)).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();

        var before = Set(district, year - 1, AssessedLevel.Township, $"{year - 1}年度镇(街道)综合考核(千分制)", ScoringScheme.Hundred, Read("township-2025.csv"), departments, now.AddYears(-1));
        var current = Set(district, year, AssessedLevel.Township, $"{year}年度镇(街道)百分考", ScoringScheme.Hundred, Read("township-2026.csv"), departments, now.AddDays(-300));
        var community = Set(district, year, AssessedLevel.Community, $"{year}年度村(社区)7+3考核", ScoringScheme.SevenThree,
        [
            new("党的建设", "基层党组织建设和作用发挥", 10m, Indicator.OwnTownship, "evaluator", null),
            new("党的建设", "党员联系服务群众", 5m, Indicator.OwnTownship, "evaluator", null),
            new("高质量发展", "交办任务按时完成率", 15m, "区委社会工作部", "system", "tasks-on-time"),
            new("高质量发展", "交办任务确认办结率", 10m, "区委社会工作部", "system", "tasks-confirmed"),
            new("高质量发展", "任务一次办结率", 5m, "区委社会工作部", "system", "tasks-returned"),
            new("高质量发展", "12345工单按时办结率", 10m, "区委社会工作部", "system", "hotline-in-time"),
            new("高质量发展", "居民群众满意度", 30m, "区委社会工作部", "residents", null),
            new("高质量发展", "平安建设和矛盾纠纷化解", 8m, Indicator.OwnTownship, "evaluator", null),
            new("高质量发展", "人居环境和社区服务", 7m, Indicator.OwnTownship, "evaluator", null),
        ], departments, now.AddDays(-320));
        foreach (var set in new[] { current, community })
        {
            var checks = IndicatorChecks.CheckPublish(set.Indicators.Select(i => i.ToDraft()).ToList());
            if (IndicatorChecks.Blocks(checks))
            {
                throw new InvalidOperationException($"演示指标体系“{set.Title}”未通过检查:{string.Join(" ", checks.Select(c => c.Message))}");
            }
        }

        db.IndicatorSets.AddRange(before, current, community);
        await db.SaveChangesAsync(ct);

        // The townships score their own communities' evaluator indicators, one line each.
        var random = new Random(13);
        string[] bases = ["按期完成,群众反映好", "工作扎实,有创新做法", "基本完成,个别事项推进偏慢", "完成较好,问题整改及时"];
        foreach (var unit in communities.Where(c => c.ParentId == township.Id))
        {
            foreach (var indicator in community.Indicators.Where(i => i.Source == IndicatorSource.Evaluator))
            {
                db.EvaluatorScores.Add(EvaluatorScore.Of(community, indicator, unit.Id, decimal.Round(indicator.Points * (0.7m + (decimal)random.NextDouble() * 0.3m), 1),
                    bases[random.Next(bases.Length)], "李书记(富盛镇党委副书记)", now.AddDays(-random.Next(1, 20))));
            }
        }

        // A rating poster in every community, and residents' ratings this month and last.
        var month = Rating.MonthOf(today);
        var lastMonth = Rating.MonthOf(today.AddMonths(-1));
        foreach (var unit in communities)
        {
            var poster = new RatingPoster
            {
                Token = RatingPoster.NewToken(), Salt = RatingPoster.NewSalt(), DistrictId = district.Id, UnitId = unit.Id, UnitCode = unit.Code, UnitName = unit.Name,
                CreatedAt = now.AddDays(-200), CreatedBy = Actor,
            };
            db.RatingPosters.Add(poster);
            await db.SaveChangesAsync(ct);
            var mood = 2.8 + random.NextDouble() * 2;
            for (var k = random.Next(3, 12); k > 0; k--)
            {
                var m = k % 3 == 0 ? lastMonth : month;
                var answers = Enumerable.Range(0, RatingQuestionnaire.Default.Length).Select(_ => Math.Clamp((int)Math.Round(mood + random.NextDouble() * 1.6 - 0.8), 1, 5)).ToList();
                var at = m == month ? now.AddHours(-random.Next(1, Math.Max(2, today.Day * 24 - 1))) : Period.FromKey(lastMonth).From.StartUtc().AddDays(random.Next(0, 27));
                db.Ratings.Add(new Rating
                {
                    PosterId = poster.Id, DistrictId = district.Id, UnitId = unit.Id, Month = m, At = at, Answers = string.Join(',', answers), Average = answers.Average(),
                    DeviceKey = poster.Pseudonym($"demo-device-{k}", m), AddressKey = poster.Pseudonym($"10.0.{unit.Id % 250}.{k}", m), Counted = true,
                    Comment = k == 1 ? "希望多组织老年人活动" : null,
                });
            }
        }

        // The inspection plans, and this year's visits: most by the plan, one outside it with its approval.
        var plans = new Dictionary<int, InspectionPlan>();
        foreach (var row in ReadPlans())
        {
            var planYear = row.Year - 2026 + year;
            if (!plans.TryGetValue(planYear, out var plan))
            {
                plan = plans[planYear] = new InspectionPlan
                {
                    DistrictId = district.Id, DistrictCode = district.Code, Year = planYear, IsPublished = true, CreatedAt = new DateOnly(planYear - 1, 11, 20).StartUtc(),
                    CreatedBy = Actor, PublishedAt = new DateOnly(planYear - 1, 12, 20).StartUtc(), PublishedBy = Actor,
                };
                db.InspectionPlans.Add(plan);
            }

            plan.Items.Add(new InspectionPlanItem
            {
                Name = row.Name, Organiser = row.Organiser, From = row.From.AddYears(planYear - row.Year), To = row.To.AddYears(planYear - row.Year), Targets = row.Targets,
                Method = InspectionMethodNames.Parse(row.Method)!.Value, Team = row.Team, CreatedAt = plan.CreatedAt, CreatedBy = Actor,
            });
        }

        await db.SaveChangesAsync(ct);
        var village = communities.First(c => c.Code == VillageCode);
        var visited = plans[year].Items.Where(i => i.To < today && i.Targets == "community").Take(7).ToList();
        string[] findings = ["现场查看,工作落实到位,未发现问题", "发现个别隐患,已当场督促整改", "抽查群众知晓率较高,建议加强日常巡查"];
        foreach (var (item, k) in visited.Select((item, k) => (item, k)))
        {
            db.InspectionVisits.Add(new InspectionVisit
            {
                DistrictId = district.Id, PlanItemId = item.Id, UnitId = village.Id, UnitCode = village.Code, UnitName = village.Name, Date = item.From.AddDays(3 + k),
                Team = item.Team, Findings = findings[k % findings.Length], RecordedAt = item.From.AddDays(3 + k).StartUtc().AddHours(18), RecordedBy = "郑考核(区委考核办)",
            });
        }

        var other = communities.First(c => c.Code != VillageCode && c.ParentId == township.Id);
        db.InspectionVisits.Add(new InspectionVisit
        {
            DistrictId = district.Id, UnitId = other.Id, UnitCode = other.Code, UnitName = other.Name, Date = today.AddDays(-12), Team = "区委社会工作部督查组",
            Findings = "台风过后村道边坡隐患排查,已落实防护措施", RecordedAt = today.AddDays(-12).StartUtc().AddHours(17), RecordedBy = "郑考核(区委考核办)",
            Approval = new InspectionApproval
            {
                DistrictId = district.Id, Reference = "台风后安全隐患排查,经分管领导和主要领导审批(一事一报)", RecordedAt = today.AddDays(-13).StartUtc().AddHours(10), RecordedBy = "郑考核(区委考核办)",
            },
        });
        foreach (var (subject, id, action) in new[] { ("set", before.Id, "发布考核指标体系"), ("set", current.Id, "发布考核指标体系"), ("set", community.Id, "发布考核指标体系") }
                     .Concat(plans.Values.Select(p => ("plan", p.Id, "发布年度督查检查考核计划"))))
        {
            db.AssessmentEvents.Add(new AssessmentEvent { DistrictId = district.Id, Subject = subject, SubjectId = id, At = now, Actor = Actor, Action = action, Note = "演示数据" });
        }

        await db.SaveChangesAsync(ct);
    }

    private static IndicatorSet Set(UnitInfo district, int year, AssessedLevel level, string title, string scheme, IReadOnlyList<Row> rows,
        IReadOnlyDictionary<string, DepartmentInfo> departments, DateTime at) => new()
    {
        DistrictId = district.Id, DistrictCode = district.Code, Year = year, Level = level, Title = title, Status = SetStatus.Published, Scheme = scheme,
        CreatedAt = at, CreatedBy = Actor, PublishedAt = at.AddDays(20), PublishedBy = Actor,
        Components = ScoringScheme.ComponentsOf(scheme).Select(c => new SchemeComponent { Key = c.Key, Name = c.Name, Weight = c.Weight }).ToList(),
        Indicators = rows.Select((r, k) =>
        {
            var department = r.Evaluator == Indicator.OwnTownship ? null : departments[r.Evaluator];
            return new Indicator
            {
                Number = k + 1, Category = r.Category, Name = r.Name, Points = r.Points, Evaluator = department?.Id.ToString(CultureInfo.InvariantCulture) ?? r.Evaluator,
                EvaluatorName = department is null ? Indicator.OwnTownshipName : Indicator.NameOf(department), EvaluatorDepartmentId = department?.Id,
                Source = AssessedLevelNames.ParseSource(r.Source)!.Value, Metric = MetricNames.Parse(r.Metric), CreatedAt = at, CreatedBy = Actor,
            };
        }).ToList(),
    };

    private static List<Row> Read(string file)
    {
        using var reader = EmbeddedFile.OpenDemo(typeof(AssessmentDemo), file);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().Select(r => new Row((string)r["category"], (string)r["name"],
            decimal.Parse((string)r["points"], CultureInfo.InvariantCulture), (string)r["evaluator"], (string)r["source"], (string)r["metric"] is { Length: > 0 } m ? m : null)).ToList();
    }

    private static List<PlanRow> ReadPlans()
    {
        using var reader = EmbeddedFile.OpenDemo(typeof(AssessmentDemo), "inspection-plans.csv");
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().Select(r => new PlanRow(int.Parse((string)r["year"], CultureInfo.InvariantCulture),
            (string)r["name"], (string)r["organiser"], DateOnly.Parse((string)r["from"], CultureInfo.InvariantCulture), DateOnly.Parse((string)r["to"], CultureInfo.InvariantCulture),
            (string)r["targets"], (string)r["method"], (string)r["team"])).ToList();
    }
}
