using Jianfu.Modules.Assessment.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Assessment;

/// <summary>The assessment office starts a year's indicator set for one level of units, as a draft.</summary>
public static class CreateIndicatorSet
{
    /// <param name="Scheme">hundred (default), 7+3 or 4321.</param>
    /// <param name="Categories">The categories, default 党的建设 and 高质量发展.</param>
    public sealed record Request(string? District, int? Year, string? Level, string? Title, string? Scheme = null, IReadOnlyList<string>? Categories = null);

    public sealed record Response(int Id, string Status);

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access, TimeProvider time)
    {
        public async Task<Result<Response>> HandleAsync(Request r, CancellationToken ct)
        {
            var keeper = await access.KeeperOfAsync(r.District, ct);
            if (!keeper.IsSuccess)
            {
                return keeper.Error!;
            }

            var (user, district) = keeper.Value;
            var problems = new Problems();
            if (r.Year is not (>= 2000 and <= 2100))
            {
                problems.Add("year", "年度应在2000至2100之间。");
            }

            var level = AssessedLevelNames.Parse(r.Level);
            if (level is null)
            {
                problems.Add("level", "考核对象应为 community(村社区)、township(镇街)或 department(区级部门)。");
            }

            var title = r.Title?.Trim() ?? "";
            if (title.Length is 0 or > IndicatorSet.MaxTitle)
            {
                problems.Add("title", $"请填写名称(不超过{IndicatorSet.MaxTitle}字)。");
            }

            var scheme = string.IsNullOrWhiteSpace(r.Scheme) ? ScoringScheme.Hundred : r.Scheme.Trim();
            if (!ScoringScheme.IsPreset(scheme))
            {
                problems.Add("scheme", "评分方案应为 hundred(百分考)、7+3 或 4321。");
            }

            var categories = (r.Categories ?? IndicatorSet.DefaultCategories).Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).Distinct().ToList();
            if (categories.Count is 0 or > 10 || categories.Any(c => c.Length > 20))
            {
                problems.Add("categories", "请设置1至10个指标类别,每个不超过20字。");
            }

            if (problems.Any)
            {
                return problems.ToError();
            }

            var now = time.UtcNow();
            var set = new IndicatorSet
            {
                DistrictId = district.Id, DistrictCode = district.Code, Year = r.Year!.Value, Level = level!.Value, Title = title,
                Status = SetStatus.Draft, Categories = string.Join('\n', categories), Scheme = scheme, CreatedAt = now, CreatedBy = AssessmentAccess.ActorOf(user),
                Components = ScoringScheme.ComponentsOf(scheme).Select(c => new SchemeComponent { Key = c.Key, Name = c.Name, Weight = c.Weight }).ToList(),
            };
            db.IndicatorSets.Add(set);
            if (await access.SaveWithEventAsync(district.Id, "set", () => set.Id, user, now, "新建考核指标体系", $"{set.Year}年 {level.Value.Chinese()} {title}", ct) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(set.Id, set.Status.ToString());
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/assessment/sets", async (Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(r => Results.Created($"/api/v1/assessment/sets/{r.Id}", r)))
            .WithName("CreateIndicatorSet")
            .WithSummary("新建年度考核指标体系(草稿):区、年度、考核对象(community/township/department)、名称;可选评分方案和类别(区考核办)")
            .Produces<Response>(StatusCodes.Status201Created);
}
