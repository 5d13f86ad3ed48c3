using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Registry;

/// <summary>
/// The registry's access log for the district's personal-information protection officer (个人信息保护法 第五十二条): who
/// read what, when, over which unit, how many rows. The log has no endpoint that changes it.
/// </summary>
public static class GetAccessLog
{
    public const int MaxEntries = 2000;

    public sealed record Entry(DateTime At, string User, string Kind, string What, string Scope, string ScopeName, int Rows);

    internal sealed class Handler(JianfuDbContext db, RegistryAccess access, TimeProvider time)
    {
        public async Task<Result<IReadOnlyList<Entry>>> HandleAsync(string? from, string? to, CancellationToken ct)
        {
            var user = await access.UserAsync(ct);
            var districts = user.Grants.Where(g => g.Role == Role.Privacy && g.Unit.Level == UnitLevel.District).Select(g => g.Unit.Id).Distinct().ToList();
            if (districts.Count == 0)
            {
                return Error.Forbidden("只有个人信息保护负责人可以查看访问记录。");
            }

            var today = time.Today();
            var first = string.IsNullOrWhiteSpace(from) ? DateText.Parse(today.AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "from", "起始日期") : DateText.Parse(from, "from", "起始日期");
            var last = string.IsNullOrWhiteSpace(to) ? today : DateText.Parse(to, "to", "截止日期");
            if (!first.IsSuccess || !last.IsSuccess)
            {
                return (first.Error ?? last.Error)!;
            }

            var (since, until) = (Clock.ChinaToUtc(first.Value.ToDateTime(TimeOnly.MinValue)), Clock.ChinaToUtc(last.Value.AddDays(1).ToDateTime(TimeOnly.MinValue)));
            var entries = await db.RegistryAccessLog.AsNoTracking()
                .Where(a => districts.Contains(a.DistrictId) && a.At >= since && a.At < until)
                .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(MaxEntries).ToListAsync(ct);
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var code in entries.Select(a => a.ScopeCode).Distinct())
            {
                names[code] = (await access.Directory.FindUnitAsync(code, ct))?.Name ?? code;
            }

            return entries.Select(a => new Entry(DateTime.SpecifyKind(a.At, DateTimeKind.Utc), a.UserName, KindName(a.Kind), a.What, a.ScopeCode, names[a.ScopeCode], a.Rows)).ToList();
        }
    }

    internal static string KindName(AccessKind kind) => kind switch
    {
        AccessKind.Run => "查看台账",
        AccessKind.Export => "导出台账",
        AccessKind.Import => "导入数据",
        _ => "答复数据申请",
    };

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/registry/access-log", async (string? from, string? to, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(from, to, ct)).ToHttp(Results.Ok))
            .WithName("GetRegistryAccessLog")
            .WithSummary("人口数据访问记录(谁、何时、查看或导出了什么、多少条),仅个人信息保护负责人可查看;默认最近30天,最多2000条")
            .Produces<IReadOnlyList<Entry>>();
}
