using System.Text.Json;
using Jianfu.Modules.Assessment.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// The assessment office adds an indicator to a draft set. It is checked as the gate checks a dispatch: a Block rule
/// refuses it (422 with the checks, nothing saved); warnings come back with the stored indicator.
/// </summary>
public static class AddIndicator
{
    /// <param name="Evaluator">The one evaluating body: a department id (number) or a unit code.</param>
    /// <param name="Source">system, evaluator, residents or democratic.</param>
    /// <param name="Metric">For system indicators: tasks-on-time, tasks-confirmed, tasks-returned, substantiated-reports, hotline-in-time, resident-rating.</param>
    /// <param name="Component">The scheme component it counts in, when not the default for its source.</param>
    public sealed record Request(
        string? Category, string? Name, string? Description, decimal? Points, JsonElement? Evaluator, string? Source, string? Metric, bool? Veto, string? Component = null);

    public sealed record Check(string Rule, string Severity, string Message);

    public sealed record Response(int Id, IReadOnlyList<Check> Checks);

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

            var problems = new Problems();
            var name = r.Name?.Trim() ?? "";
            if (name.Length is 0 or > Indicator.MaxName)
            {
                problems.Add("name", $"请填写指标名称(不超过{Indicator.MaxName}字)。");
            }

            var description = r.Description?.Trim() ?? "";
            if (description.Length > Indicator.MaxDescription)
            {
                problems.Add("description", $"指标说明不超过{Indicator.MaxDescription}字。");
            }

            var source = AssessedLevelNames.ParseSource(r.Source);
            if (source is null)
            {
                problems.Add("source", "评分来源应为 system(系统计算)、evaluator(评价单位打分)、residents(群众评价)或 democratic(民主测评)。");
            }

            var metric = MetricNames.Parse(r.Metric);
            if (!string.IsNullOrWhiteSpace(r.Metric) && metric is null)
            {
                problems.Add("metric", "计算口径应为:" + string.Join("、", Enum.GetValues<SystemMetric>().Select(m => $"{m.ApiName()}({m.Chinese()})")) + "。");
            }

            if (r.Points is null)
            {
                problems.Add("points", "请填写分值。");
            }

            var component = string.IsNullOrWhiteSpace(r.Component) ? null : r.Component.Trim();
            if (component is not null && set.Components.All(c => c.Key != component))
            {
                problems.Add("component", "评分方案的组成部分应为:" + string.Join("、", set.Components.Select(c => $"{c.Key}({c.Name})")) + "。");
            }

            if (problems.Any)
            {
                return problems.ToError();
            }

            var evaluator = await EvaluatorAsync(r.Evaluator, district, set.Level, ct);
            var draft = new IndicatorDraft(r.Category?.Trim() ?? "", name, description, r.Points!.Value, evaluator?.Name, source!.Value, metric, r.Veto == true);
            var checks = IndicatorChecks.Check(draft, set.Indicators.OrderBy(i => i.Number).Select(i => i.ToDraft()).ToList());
            checks.AddRange(IndicatorChecks.CheckInSet(draft, set.Level, set.CategoryList, set.Indicators.Sum(i => i.Points)));
            if (evaluator is null && !string.IsNullOrWhiteSpace(RawEvaluator(r.Evaluator)))
            {
                checks.RemoveAll(c => c.Rule == IndicatorChecks.EvaluatorMissing);
                checks.Add(new(IndicatorChecks.EvaluatorMissing, IndicatorSeverity.Block, $"找不到评价单位“{RawEvaluator(r.Evaluator)}”:请填写本区的部门编号或单位代码。"));
            }

            var shown = checks.Select(c => new Check(c.Rule, c.Severity.ToString(), c.Message)).ToList();
            if (IndicatorChecks.Blocks(checks))
            {
                return IndicatorSet.BlockedError(checks) with { Extensions = new Dictionary<string, object?> { ["checks"] = shown } };
            }

            var now = time.UtcNow();
            var indicator = new Indicator
            {
                Number = set.Indicators.Select(i => i.Number).DefaultIfEmpty(0).Max() + 1, Category = draft.Category, Name = name, Description = description,
                Points = draft.Points, Evaluator = evaluator!.Given, EvaluatorName = evaluator.Name, EvaluatorDepartmentId = evaluator.DepartmentId,
                EvaluatorUnitId = evaluator.UnitId, Source = source.Value, Metric = metric, ComponentKey = component, CreatedAt = now, CreatedBy = AssessmentAccess.ActorOf(user),
            };
            set.Indicators.Add(indicator);
            if (await access.SaveWithEventAsync(district.Id, "set", () => set.Id, user, now, "添加指标", $"{indicator.Number}. {name}({draft.Points:0.#}分,{evaluator.Name})", ct) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(indicator.Id, shown);
        }

        private sealed record Body(string Given, string Name, int? DepartmentId, int? UnitId);

        private static string? RawEvaluator(JsonElement? e) => e switch
        {
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            { ValueKind: JsonValueKind.String } s => s.GetString()?.Trim(),
            _ => null,
        };

        /// <summary>
        /// A department of the district (by id), a unit of it (by code), or for a set of communities "township": each
        /// community's own township (Pudong's 7+3, where the township scores its communities); null when there is none such.
        /// </summary>
        private async Task<Body?> EvaluatorAsync(JsonElement? given, UnitInfo district, AssessedLevel level, CancellationToken ct)
        {
            var text = RawEvaluator(given);
            if (string.IsNullOrWhiteSpace(text) || text.Length > 32)
            {
                return null;
            }

            if (text == Indicator.OwnTownship)
            {
                return level == AssessedLevel.Community ? new Body(text, Indicator.OwnTownshipName, null, null) : null;
            }

            if (text.Length < 6 && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var departmentId))
            {
                var department = await access.Directory.FindDepartmentAsync(departmentId, ct);
                var home = department is null ? null : await access.Directory.FindUnitAsync(department.UnitId, ct);
                return home is not null && home.IsWithin(district.Path) ? new Body(text, Indicator.NameOf(department!), department!.Id, null) : null;
            }

            var unit = await access.Directory.FindUnitAsync(text, ct);
            return unit is not null && unit.IsWithin(district.Path) ? new Body(unit.Code, unit.Name, null, unit.Id) : null;
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/assessment/sets/{id:int}/indicators", async (int id, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(r => Results.Created($"/api/v1/assessment/sets/{id}", r)))
            .WithName("AddIndicator")
            .WithSummary("向草稿指标体系添加一项指标;有阻断项(如一票否决、以台账材料为依据、考核App使用、同一内容两个评价单位)时返回 422 和检查结果,不保存")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
