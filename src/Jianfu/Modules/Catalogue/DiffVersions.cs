using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Catalogue;

/// <summary>What changed between two versions of a district's catalogue: added, retired, reinstated, changed items.</summary>
internal static class DiffVersions
{
    public sealed record Change(string ScreeningCode, string Name, IReadOnlyList<FieldChange> Fields);

    public sealed record FieldChange(string Field, string? Before, string? After);

    public sealed record Item(string ScreeningCode, string Name, string Kind, string? Note);

    public sealed record Response(int From, int FromYear, int To, int ToYear, IReadOnlyList<Item> Added, IReadOnlyList<Item> Retired, IReadOnlyList<Item> Reinstated, IReadOnlyList<Change> Changed);

    public static Response Compare(CatalogueVersion from, CatalogueVersion to)
    {
        var before = from.Items.ToDictionary(i => i.ScreeningCode, StringComparer.Ordinal);
        var after = to.Items.ToDictionary(i => i.ScreeningCode, StringComparer.Ordinal);
        var added = to.Items.Where(i => !before.ContainsKey(i.ScreeningCode)).OrderBy(i => i.ScreeningCode, StringComparer.Ordinal)
            .Select(i => new Item(i.ScreeningCode, i.Name, i.Kind.ToString(), null)).ToList();
        var retired = new List<Item>();
        var reinstated = new List<Item>();
        var changed = new List<Change>();
        foreach (var (code, old) in before.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!after.TryGetValue(code, out var now))
            {
                retired.Add(new Item(code, old.Name, old.Kind.ToString(), "新版本中缺少此编码"));
                continue;
            }

            if (old.Status == DutyItemStatus.Active && now.Status == DutyItemStatus.Retired)
            {
                retired.Add(new Item(code, now.Name, now.Kind.ToString(), now.RetiredReason));
            }
            else if (old.Status == DutyItemStatus.Retired && now.Status == DutyItemStatus.Active)
            {
                reinstated.Add(new Item(code, now.Name, now.Kind.ToString(), null));
            }

            var fields = new List<FieldChange>();
            void Compare(string field, string? a, string? b)
            {
                if (!string.Equals(a ?? "", b ?? "", StringComparison.Ordinal))
                {
                    fields.Add(new FieldChange(field, a, b));
                }
            }

            Compare("事项名称", old.Name, now.Name);
            Compare("事项类型", CatalogueSheet.KindText(old.Kind), CatalogueSheet.KindText(now.Kind));
            Compare("上级事项编码", old.ParentCode, now.ParentCode);
            Compare("依据", old.LegalBasis, now.LegalBasis);
            Compare("责任部门", old.ResponsibleDepartment, now.ResponsibleDepartment);
            Compare("事项说明", old.Description, now.Description);
            if (fields.Count > 0)
            {
                changed.Add(new Change(code, now.Name, fields));
            }
        }

        return new Response(from.Id, from.Year, to.Id, to.Year, added, retired, reinstated, changed);
    }

    public sealed class Handler(JianfuDbContext db, CatalogueAccess access)
    {
        public async Task<Result<Response>> HandleAsync(int from, int to, CancellationToken ct)
        {
            var versions = await db.CatalogueVersions.AsNoTracking().Include(v => v.Items).Where(v => v.Id == from || v.Id == to).ToListAsync(ct);
            var a = versions.FirstOrDefault(v => v.Id == from);
            var b = versions.FirstOrDefault(v => v.Id == to);
            if (a is null || b is null)
            {
                return Error.NotFound("要比较的清单版本不存在。");
            }

            if (a.DistrictId != b.DistrictId)
            {
                return Error.Validation("to", "只能比较同一区县的两个版本。");
            }

            if (a.Status == VersionStatus.Draft || b.Status == VersionStatus.Draft)
            {
                var keeper = await access.RequireKeeperAsync(a.DistrictId, ct);
                if (!keeper.IsSuccess)
                {
                    return keeper.Error!;
                }
            }

            return Compare(a, b);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/catalogue/diff", async (int from, int to, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(from, to, ct)).ToHttp(Results.Ok))
            .WithName("DiffCatalogueVersions")
            .WithSummary("比较两个清单版本:新增、停用、恢复、修改的事项")
            .Produces<Response>();
}
