using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Registry;

/// <summary>
/// 台账随手出: a template run now over one unit, as the reader may see it, with when and by whom it was generated. Every
/// run is logged with its row count. Nobody types a ledger.
/// </summary>
public static class RunLedger
{
    public sealed record Response(
        int Id, string Name, string Scope, string ScopeName, DateTime GeneratedAt, string GeneratedBy, int Count, bool Truncated,
        IReadOnlyList<LedgerColumn> Columns, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows, string Subject = "residents")
    {
        /// <summary>How the page counts the list's rows: people, or shops and enterprises.</summary>
        public string Unit => Subject == "residents" ? "人" : "家";
    }

    internal sealed class Handler(JianfuDbContext db, RegistryAccess access, LedgerRunner runner, BusinessLedgerRunner businesses, TimeProvider time)
    {
        /// <param name="scope">The unit to run on; nothing means the whole template's unit, or the reader's part of it.</param>
        public async Task<Result<Response>> HandleAsync(int id, string? scope, CancellationToken ct) =>
            await RunAsync(id, scope, AccessKind.Run, LedgerRunner.MaxRows, ct);

        internal async Task<Result<Response>> RunAsync(int id, string? scope, AccessKind kind, int limit, CancellationToken ct)
        {
            var template = await db.LedgerTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
            var user = await access.UserAsync(ct);
            var over = template is null ? null : await access.Directory.FindUnitAsync(template.ScopeUnitId, ct);
            var readable = RegistryAccess.ReadableUnits(user).ToList();
            if (readable.Count == 0)
            {
                return Error.Forbidden("您无权查看居民信息;职能部门需要数据请提交数据申请。");
            }

            var runsOn = over is null ? null : ListLedgers.RunsOn(readable, over);
            if (template is null || over is null || runsOn is null)
            {
                return Error.NotFound("台账模板不存在,或不在您可查看的范围内。");
            }

            UnitInfo unit = runsOn;
            if (!string.IsNullOrWhiteSpace(scope))
            {
                var asked = await access.Directory.FindUnitAsync(scope.Trim(), ct);
                if (asked is null || !asked.IsWithin(over.Path))
                {
                    return Error.Validation("scope", $"范围应为{over.Name}或其下的镇街、村(社区)。");
                }

                unit = asked;
            }

            if (RegistryAccess.ReaderOf(user, unit) is not { } reader)
            {
                return Error.Forbidden($"您无权查看{unit.Name}的居民信息。");
            }

            var read = LedgerRunner.Read(template);
            if (!read.IsSuccess)
            {
                return read.Error!;
            }

            var output = template.Subject == LedgerSubject.Residents
                ? await runner.RunAsync(read.Value.Criteria, read.Value.Columns, reader, limit, ct)
                : await businesses.RunAsync(template.Subject, read.Value.Criteria, read.Value.Columns, reader, limit, ct);
            if (!output.IsSuccess)
            {
                return output.Error!;
            }

            var o = output.Value;
            access.Log(user, unit.DistrictId, kind, $"台账:{template.Name}", unit.Code, o.Rows.Count);
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(template.Id, template.Name, unit.Code, unit.Name, time.GetUtcNow().UtcDateTime, user.DisplayName, o.Count, o.Truncated, o.Columns, o.Rows, template.Subject.Code());
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/ledgers/{id:int}/run", async (int id, string? scope, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, scope, ct)).ToHttp(Results.Ok))
            .WithName("RunLedger")
            .WithSummary("运行台账:按模板条件即时生成名单(不超过5000行,count 为全部条数),按角色遮蔽身份证号和电话,并记入访问记录")
            .Produces<Response>();
}
