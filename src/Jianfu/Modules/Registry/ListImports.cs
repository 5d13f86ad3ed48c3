using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Registry;

/// <summary>The district's recent imports into the registry, for its data keeper: who, when, which file, what came of it, and the error file.</summary>
public static class ListImports
{
    public const int MaxShown = 50;

    public sealed record Item(long Id, string Kind, string FileName, DateTime At, string User, bool Written, bool Preview, int Imported, int Updated, int ErrorCount, string? ErrorFile);

    internal sealed class Handler(JianfuDbContext db, RegistryAccess access)
    {
        public async Task<Result<IReadOnlyList<Item>>> HandleAsync(CancellationToken ct)
        {
            if (RegistryAccess.KeptDistrict(await access.UserAsync(ct)) is not { } district)
            {
                return Error.Forbidden("只有区数据管理员可以查看导入记录。");
            }

            var runs = await db.RegistryImports.AsNoTracking().Where(i => i.DistrictId == district.Id).OrderByDescending(i => i.At).ThenByDescending(i => i.Id).Take(MaxShown)
                .Select(i => new { i.Id, i.Kind, i.FileName, i.At, i.UserName, i.Written, i.Preview, i.Imported, i.Updated, i.ErrorCount })
                .ToListAsync(ct);
            return runs.Select(i => new Item(i.Id, KindName(i.Kind), i.FileName, DateTime.SpecifyKind(i.At, DateTimeKind.Utc), i.UserName, i.Written, i.Preview, i.Imported, i.Updated,
                i.ErrorCount, ImportRecord.ErrorFileUrl(i.Id, i.ErrorCount))).ToList();
        }
    }

    internal static string KindName(ImportKind kind) => kind switch
    {
        ImportKind.Residents => "居民",
        ImportKind.Enterprises => "企业",
        _ => "商铺",
    };

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/registry/imports", async (Handler handler, CancellationToken ct) => (await handler.HandleAsync(ct)).ToHttp(Results.Ok))
            .WithName("ListRegistryImports")
            .WithSummary("本区最近的导入记录(最多50条):文件、导入人、时间、新增、更新、错误行数和错误行文件地址;仅区数据管理员")
            .Produces<IReadOnlyList<Item>>();
}
