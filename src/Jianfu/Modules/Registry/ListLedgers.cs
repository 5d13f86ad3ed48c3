using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Registry;

/// <summary>The ledger templates a reader can run: those over a unit they read, or over a wider unit they read part of, each with the unit it runs on for them.</summary>
public static class ListLedgers
{
    /// <param name="Subject">residents, shops or enterprises.</param>
    public sealed record Item(int Id, string Name, string ScopeCode, string RunsOn, string RunsOnName, string Subject);

    internal sealed class Handler(JianfuDbContext db, RegistryAccess access)
    {
        public async Task<Result<IReadOnlyList<Item>>> HandleAsync(CancellationToken ct)
        {
            var user = await access.UserAsync(ct);
            var readable = RegistryAccess.ReadableUnits(user).ToList();
            if (readable.Count == 0)
            {
                return Error.Forbidden("您无权查看居民信息;职能部门需要数据请提交数据申请。");
            }

            var districts = readable.Select(u => u.DistrictId).Distinct().ToList();
            var templates = await db.LedgerTemplates.AsNoTracking().Where(t => districts.Contains(t.DistrictId)).OrderBy(t => t.Id).ToListAsync(ct);
            var items = new List<Item>();
            foreach (var t in templates)
            {
                var scope = await access.Directory.FindUnitAsync(t.ScopeUnitId, ct);
                if (scope is not null && RunsOn(readable, scope) is { } on)
                {
                    items.Add(new Item(t.Id, t.Name, t.ScopeCode, on.Code, on.Name, t.Subject.Code()));
                }
            }

            return items;
        }
    }

    /// <summary>The unit a template over <paramref name="scope"/> runs on for a reader of <paramref name="readable"/>: the scope itself, or the reader's part of it.</summary>
    internal static UnitInfo? RunsOn(IReadOnlyList<UnitInfo> readable, UnitInfo scope) =>
        readable.Any(u => scope.IsWithin(u.Path)) ? scope : readable.FirstOrDefault(u => u.IsWithin(scope.Path));

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/ledgers", async (Handler handler, CancellationToken ct) => (await handler.HandleAsync(ct)).ToHttp(Results.Ok))
            .WithName("ListLedgers")
            .WithSummary("我能使用的台账模板,以及对我运行时覆盖的单位")
            .Produces<IReadOnlyList<Item>>();
}
