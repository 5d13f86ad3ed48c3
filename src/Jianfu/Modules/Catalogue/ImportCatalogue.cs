using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using MiniExcelLibs;

namespace Jianfu.Modules.Catalogue;

/// <summary>
/// Replaces a draft version's items with an Excel sheet (the export's format). Every bad row is reported with
/// row number, column and reason, and then nothing is imported.
/// </summary>
internal static class ImportCatalogue
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public sealed record Response(int Imported, IReadOnlyList<SheetError> Errors);

    /// <summary>Reads an .xlsx into items, or every error found.</summary>
    public static (List<DutyItem> Items, List<SheetError> Errors) Read(Stream xlsx, DateOnly today)
    {
        List<IReadOnlyDictionary<string, string?>> rows;
        List<string> headers;
        try
        {
            headers = [.. MiniExcel.GetColumns(xlsx, useHeaderRow: true).Select(h => h?.ToString()?.Trim() ?? "")];
            xlsx.Position = 0;
            rows = [.. MiniExcel.Query(xlsx, useHeaderRow: true)
                .Cast<IDictionary<string, object?>>()
                .Select(r => (IReadOnlyDictionary<string, string?>)r.ToDictionary(kv => kv.Key.Trim(), kv => Cell(kv.Value)))];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or NotSupportedException or ArgumentException or System.Xml.XmlException)
        {
            return ([], [new SheetError(1, "文件", "不是有效的 Excel (.xlsx) 文件,请使用导出的模板")]);
        }

        return CatalogueSheet.Parse(rows, headers, today);
    }

    private static string? Cell(object? value) => value switch
    {
        null => null,
        bool b => b ? "是" : "否",
        double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Replaces the draft's items; used by the API, the page and `jianfu import catalogue`.</summary>
    public static async Task<Response> IntoDraftAsync(JianfuDbContext db, CatalogueVersion draft, Stream xlsx, string actor, DateOnly today, DateTime now, CancellationToken ct)
    {
        var (items, errors) = Read(xlsx, today);
        if (errors.Count > 0)
        {
            return new Response(0, errors);
        }

        db.DutyItems.RemoveRange(draft.Items);
        draft.Items.Clear();
        foreach (var item in items)
        {
            item.VersionId = draft.Id;
            draft.Items.Add(item);
        }

        db.CatalogueHistory.Add(new CatalogueHistory { DistrictId = draft.DistrictId, VersionId = draft.Id, At = now, Actor = actor, Action = "从 Excel 导入草稿", Note = $"{items.Count}项" });
        return await db.TrySaveAsync(ct) is { } notSaved ? new Response(0, [new SheetError(1, "文件", notSaved.Message)]) : new Response(items.Count, []);
    }

    public sealed class Handler(JianfuDbContext db, CatalogueAccess access, TimeProvider time)
    {
        public async Task<Result<Response>> HandleAsync(int versionId, IFormFile? file, CancellationToken ct)
        {
            var keeper = await access.RequireKeeperOfVersionAsync(versionId, withItems: true, ct);
            if (!keeper.IsSuccess)
            {
                return keeper.Error!;
            }

            var (user, version) = keeper.Value;
            if (version.Status != VersionStatus.Draft)
            {
                return Error.Conflict("只能导入到草稿版本。请先新建下一年度草稿。");
            }

            if (file is null || file.Length == 0)
            {
                return Error.Validation("file", "请选择要导入的 Excel (.xlsx) 文件。");
            }

            if (file.Length > MaxBytes)
            {
                return Error.Validation("file", "文件超过5MB。");
            }

            await using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            buffer.Position = 0;
            var result = await IntoDraftAsync(db, version, buffer, user.DisplayName, time.Today(), time.UtcNow(), ct);
            return result.Errors.Count == 0
                ? result
                : new Error("import-rejected", $"导入失败,未做任何修改:共{result.Errors.Count}处错误。")
                {
                    Extensions = new Dictionary<string, object?> { ["errors"] = result.Errors },
                };
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/catalogue/versions/{id:int}/import", async (int id, IFormFile? file, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, file, ct)).ToHttp(Results.Ok))
            .WithName("ImportCatalogueVersion")
            .WithSummary("从 Excel (.xlsx,multipart 字段 file) 导入草稿版本;有任何错误行则全部不导入,并逐行说明")
            .Produces<Response>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
