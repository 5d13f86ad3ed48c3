using Jianfu.Platform.Errors;

namespace Jianfu.Modules.Organisation;

/// <summary>The division import of `jianfu import divisions`, from the admin page or the API (multipart field "file").</summary>
internal static class UploadDivisions
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public sealed class Handler(AdminAccess access, ImportDivisions import)
    {
        public async Task<Result<ImportDivisions.Report>> HandleAsync(IFormFile? file, string? under, CancellationToken ct)
        {
            var admin = await access.RequireAdminAsync(ct);
            if (!admin.IsSuccess)
            {
                return admin.Error!;
            }

            if (file is null || file.Length == 0 || file.Length > MaxBytes)
            {
                return Error.Validation("file", "请选择不超过20MB的区划代码 CSV 文件(code,name,level,parent_code)。");
            }

            using var reader = new StreamReader(file.OpenReadStream());
            var report = await import.ImportAsync(reader, string.IsNullOrWhiteSpace(under) ? null : under.Trim(), admin.Value.DisplayName, ct);
            return report.Succeeded
                ? report
                : new Error("import-rejected", report.Summary) { Extensions = new Dictionary<string, object?> { ["errors"] = report.Errors } };
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/admin/divisions", async (IFormFile? file, string? under, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(file, under, ct)).ToHttp(Results.Ok))
            .WithName("ImportDivisions")
            .WithSummary("导入行政区划 CSV(可用 under 只导入某区县或镇街);重复导入只更名和新增,从不删除");
}
