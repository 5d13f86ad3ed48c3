using System.Text.Json;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Registry;

/// <summary>
/// A ledger template is saved once — a name, the conditions, the columns, the unit it covers — and then run by anyone
/// who reads that unit or a part of it. The district's data keeper saves templates for any unit of the district; a
/// community's secretary for the community.
/// </summary>
public static class CreateLedger
{
    /// <param name="Subject">What the ledger lists: residents (the default), shops or enterprises.</param>
    public sealed record Request(string? Name, string? Scope, IReadOnlyList<LedgerCondition>? Conditions, IReadOnlyList<string>? Columns, string? Subject = null);

    public sealed record Response(int Id);

    internal sealed class Handler(JianfuDbContext db, RegistryAccess access, TimeProvider time)
    {
        public async Task<Result<Response>> HandleAsync(Request r, CancellationToken ct)
        {
            var user = await access.UserAsync(ct);
            var scope = string.IsNullOrWhiteSpace(r.Scope) ? null : await access.Directory.FindUnitAsync(r.Scope.Trim(), ct);
            if (scope is null)
            {
                return Error.Validation("scope", "请填写台账覆盖的村(社区)、镇街或区的单位代码。");
            }

            if (!RegistryAccess.Keeps(user, scope) && !user.Grants.Any(g => g.Role == Role.Secretary && g.Unit.Id == scope.Id))
            {
                return Error.Forbidden("只有区数据管理员和本村(社区)书记可以保存台账模板。");
            }

            var name = r.Name?.Trim() ?? "";
            if (name.Length is 0 or > LedgerTemplate.MaxName)
            {
                return Error.Validation("name", $"请填写台账名称(不超过{LedgerTemplate.MaxName}字)。");
            }

            if (BusinessLedger.Parse(r.Subject) is not { } subject)
            {
                return Error.Validation("subject", "台账对象应为 residents(居民)、shops(商铺)或 enterprises(企业)。");
            }

            var read = LedgerRunner.Read(subject, r.Conditions, r.Columns);
            if (!read.IsSuccess)
            {
                return read.Error!;
            }

            var template = new LedgerTemplate
            {
                DistrictId = scope.DistrictId, ScopeUnitId = scope.Id, ScopeCode = scope.Code, Name = name, Subject = subject,
                ConditionsJson = JsonSerializer.Serialize(r.Conditions, JsonSerializerOptions.Web), Columns = string.Join(',', read.Value.Columns),
                CreatedAt = time.UtcNow(), CreatedBy = user.DisplayName,
            };
            if (template.ConditionsJson.Length > 4000)
            {
                return Error.Validation("conditions", "条件太长,请精简。");
            }

            db.LedgerTemplates.Add(template);
            return await db.TrySaveAsync(ct) is { } notSaved ? notSaved : new Response(template.Id);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/ledgers", async (Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(r => Results.Created($"/api/v1/ledgers/{r.Id}", r)))
            .WithName("CreateLedger")
            .WithSummary("保存台账模板:名称、覆盖单位、对象 subject(residents 居民,默认;shops 商铺;enterprises 企业)、条件(字段、运算、值,固定词汇,不是 SQL)和列")
            .Produces<Response>(StatusCodes.Status201Created);
}
