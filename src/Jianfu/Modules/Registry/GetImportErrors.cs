using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Registry;

/// <summary>
/// An import's refused rows as .xlsx, to correct and import again: for the district's data keeper only, and logged like
/// every other read of personal data (the rows hold names and ID numbers).
/// </summary>
public static class GetImportErrors
{
    internal sealed class Handler(JianfuDbContext db, RegistryAccess access)
    {
        public async Task<Result<(byte[] Content, string FileName)>> HandleAsync(long id, CancellationToken ct)
        {
            var user = await access.UserAsync(ct);
            if (RegistryAccess.KeptDistrict(user) is not { } district)
            {
                return Error.Forbidden("只有区数据管理员可以下载导入错误行。");
            }

            var run = await db.RegistryImports.AsNoTracking().Where(i => i.Id == id && i.DistrictId == district.Id)
                .Select(i => new { i.FileName, i.ErrorCount, i.ErrorFile }).FirstOrDefaultAsync(ct);
            if (run?.ErrorFile is null)
            {
                return Error.NotFound(run is null ? "没有这次导入。" : "这次导入没有错误行。");
            }

            access.Log(user, district.Id, AccessKind.Export, $"下载导入错误行:{run.FileName}", district.Code, run.ErrorCount);
            await db.SaveChangesAsync(ct);
            return (run.ErrorFile, $"{Path.GetFileNameWithoutExtension(run.FileName)}-错误行.xlsx");
        }
    }

    internal static async Task<IResult> DownloadAsync(long id, Handler handler, CancellationToken ct) =>
        (await handler.HandleAsync(id, ct)).ToHttp(f => Results.File(f.Content, LedgerWorkbook.ContentType, f.FileName));

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/registry/imports/{id:long}/errors", DownloadAsync)
            .WithName("GetRegistryImportErrors")
            .WithSummary("下载一次导入的错误行 .xlsx(原列、原行号、错误原因;改正后可直接再次导入),记入访问记录;仅区数据管理员");
}
