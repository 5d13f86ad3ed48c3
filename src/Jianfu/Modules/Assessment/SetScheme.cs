using Jianfu.Modules.Assessment.Domain;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// The assessment office chooses a draft set's scoring scheme (百分考, 7+3, 4321) and may edit its weights; they total 100.
/// Choosing another preset resets the weights and the components named by indicators.
/// </summary>
public static class SetScheme
{
    /// <param name="Weights">Component key → weight, e.g. {"residents":60,"township":40}; omitted: the preset's.</param>
    public sealed record Request(string? Scheme, IReadOnlyDictionary<string, decimal>? Weights);

    public sealed record Component(string Key, string Name, decimal Weight);

    public sealed record Response(int Id, string Scheme, IReadOnlyList<Component> Components);

    internal sealed class Handler(AssessmentAccess access, TimeProvider time)
    {
        public async Task<Result<Response>> HandleAsync(int setId, Request r, CancellationToken ct)
        {
            var found = await access.SetToKeepAsync(setId, ct);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var (user, district, set) = found.Value;
            if (set.EnsureDraft() is { } published)
            {
                return published;
            }

            var scheme = r.Scheme?.Trim() ?? set.Scheme;
            if (!ScoringScheme.IsPreset(scheme))
            {
                return Error.Validation("scheme", "评分方案应为 hundred(百分考)、7+3 或 4321。");
            }

            var preset = ScoringScheme.ComponentsOf(scheme);
            var weights = preset.ToDictionary(c => c.Key, c => r.Weights is { } w && w.TryGetValue(c.Key, out var given) ? given : c.Weight);
            if (r.Weights?.Keys.Except(weights.Keys).FirstOrDefault() is { } unknown)
            {
                return Error.Validation("weights", $"“{unknown}”不是该方案的组成部分;应为:{string.Join("、", preset.Select(c => $"{c.Key}({c.Name})"))}。");
            }

            if (weights.Values.Any(w => w < 0 || decimal.Round(w, 1) != w) || weights.Values.Sum() != ScoringScheme.TotalWeight)
            {
                return Error.Validation("weights", $"各部分权重不能为负、最多一位小数,合计须为{ScoringScheme.TotalWeight:0}(现为{weights.Values.Sum():0.#})。");
            }

            if (scheme != set.Scheme)
            {
                set.Components.Clear();
                set.Components.AddRange(preset.Select(c => new SchemeComponent { Key = c.Key, Name = c.Name, Weight = weights[c.Key] }));
                foreach (var indicator in set.Indicators)
                {
                    indicator.ComponentKey = null;
                }

                set.Scheme = scheme;
            }
            else
            {
                foreach (var component in set.Components)
                {
                    component.Weight = weights[component.Key];
                }
            }

            var text = string.Join("、", set.Components.Select(c => $"{c.Name}{c.Weight:0.#}"));
            if (await access.SaveWithEventAsync(district.Id, "set", () => set.Id, user, time.UtcNow(), "设置评分方案", $"{ScoringScheme.NameOf(scheme)}:{text}", ct) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(set.Id, set.Scheme, set.Components.Select(c => new Component(c.Key, c.Name, c.Weight)).ToList());
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/assessment/sets/{id:int}/scheme", async (int id, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(Results.Ok))
            .WithName("SetScheme")
            .WithSummary("设置草稿指标体系的评分方案(hundred/7+3/4321)和各部分权重(合计100)")
            .Produces<Response>();
}
