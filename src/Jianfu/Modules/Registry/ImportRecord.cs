using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using MiniExcelLibs;

namespace Jianfu.Modules.Registry;

/// <summary>
/// What an import leaves behind, for every kind of registry file: the record of the run (<see cref="ImportRun"/>) and the
/// refused rows as an error file — the file's own columns under their Chinese headings, then the row number and the
/// reason — which the keeper corrects and imports again as it is.
/// </summary>
internal sealed class ImportRecord(JianfuDbContext db)
{
    /// <summary>One refused row: its number in the file, the reason, and its fields in the shape's order.</summary>
    public sealed record Refused(int Row, string Reason, string?[] Fields);

    /// <summary>Collects refused rows up to <see cref="ImportRun.MaxErrorRows"/>, reading each row's fields while it is current.</summary>
    public sealed class Refusals(FileShape shape)
    {
        public List<Refused> Rows { get; } = [];

        public int Count { get; private set; }

        public void Add(int row, string reason, Func<int, string?> field)
        {
            if (++Count <= ImportRun.MaxErrorRows)
            {
                Rows.Add(new Refused(row, reason, Enumerable.Range(0, shape.Fields.Count).Select(field).ToArray()));
            }
        }
    }

    /// <summary>Stores the run, with its error file when rows were refused; the run's identifier.</summary>
    public async Task<long> SaveAsync(ImportRun run, FileShape shape, Refusals refused, CancellationToken ct)
    {
        run.ErrorCount = refused.Count;
        run.FileName = run.FileName.Length > 200 ? run.FileName[..200] : run.FileName;
        run.ErrorFile = refused.Count == 0 ? null : await WorkbookAsync(shape, refused, ct);
        db.RegistryImports.Add(run);
        await db.SaveChangesAsync(ct);
        return run.Id;
    }

    /// <summary>The address an error file is downloaded from on the pages (the API's is under /api/v1/registry/imports).</summary>
    public static string? ErrorFileUrl(long id, int errorCount) => errorCount == 0 ? null : $"/registry/imports/{id}/errors.xlsx";

    private static async Task<byte[]> WorkbookAsync(FileShape shape, Refusals refused, CancellationToken ct)
    {
        var headings = shape.Headings.ToList();
        var rows = refused.Rows.Select(r =>
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < headings.Count; i++)
            {
                row[headings[i]] = r.Fields[i];
            }

            row["原行号"] = r.Row;
            row["错误原因"] = r.Reason;
            return row;
        }).ToList();
        var about = new List<Dictionary<string, object?>>
        {
            new() { ["项目"] = "说明", ["内容"] = "以下是导入时未通过检查的行。按“错误原因”改正后,可将本表直接再次导入(“原行号”“错误原因”两列会被忽略)。" },
            new() { ["项目"] = "行数", ["内容"] = refused.Count },
        };
        if (refused.Count > refused.Rows.Count)
        {
            about.Add(new() { ["项目"] = "提示", ["内容"] = $"共{refused.Count}行有误,本表只含前{refused.Rows.Count}行。" });
        }

        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object> { ["错误行"] = rows, ["说明"] = about }, cancellationToken: ct);
        return stream.ToArray();
    }
}
