using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Jianfu.Modules.Catalogue;

/// <summary>A version as an Excel workbook with Chinese column headers: the same sheet the import reads back.</summary>
internal static class ExportCatalogue
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> ToXlsxAsync(IEnumerable<DutyItem> items, CancellationToken ct)
    {
        var rows = items.OrderBy(i => i.ScreeningCode, StringComparer.Ordinal).Select(CatalogueSheet.ToRow).ToList();
        if (rows.Count == 0)
        {
            rows.Add(CatalogueSheet.Headers.ToDictionary(h => h, _ => (object?)""));
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "事项清单", cancellationToken: ct);
        return stream.ToArray();
    }

    public sealed class Handler(JianfuDbContext db, CatalogueAccess access)
    {
        public async Task<IResult> HandleAsync(int id, CancellationToken ct)
        {
            var version = await db.CatalogueVersions.AsNoTracking().Include(v => v.Items).FirstOrDefaultAsync(v => v.Id == id, ct);
            if (version is null)
            {
                return Error.NotFound($"清单版本{id}不存在。").ToProblem();
            }

            if (version.Status == VersionStatus.Draft)
            {
                var keeper = await access.RequireKeeperAsync(version.DistrictId, ct);
                if (!keeper.IsSuccess)
                {
                    return keeper.Error!.ToProblem();
                }
            }

            return Results.File(await ToXlsxAsync(version.Items, ct), ContentType, $"事项清单-{version.Year}.xlsx");
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/catalogue/versions/{id:int}/export", (int id, Handler handler, CancellationToken ct) => handler.HandleAsync(id, ct))
            .WithName("ExportCatalogueVersion")
            .WithSummary("导出清单版本为 Excel (.xlsx),列名为中文,可修改后导回草稿")
            .Produces(StatusCodes.Status200OK, contentType: ContentType);
}
