using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Registry;

/// <summary>
/// Enterprises (企业) and shops (商铺) come in as a sheet from the market regulator's register, like residents: every row
/// checked — the unified social credit code's check character (GB 32100), the community, the phone —, errors by row in
/// Chinese, the whole file or the valid rows, a preview, an error file. An enterprise already registered (by credit code)
/// or a shop (by licence code, or community, name and address) is updated, not duplicated. A district has thousands of
/// them, not millions: written through the context, in one transaction.
/// </summary>
public static class ImportBusinesses
{
    public const int MaxRows = 200_000;

    internal sealed class Handler(JianfuDbContext db, RegistryAccess access, ImportRecord record, TimeProvider time)
    {
        public async Task<Result<ImportResidents.Response>> HandleAsync(ImportKind kind, IFormFile? file, string? mode, bool preview, CancellationToken ct)
        {
            var user = await access.UserAsync(ct);
            if (RegistryAccess.KeptDistrict(user) is not { } district)
            {
                return Error.Forbidden("只有区数据管理员可以导入企业和商铺数据。");
            }

            if (RowSource.Refuse(file, out var csv) is { } refusedFile)
            {
                return refusedFile;
            }

            await using var stream = file!.OpenReadStream();
            return await ImportAsync(kind, stream, csv, district, mode, preview, user.DisplayName, user.UserId ?? "", file.FileName, ct);
        }

        /// <summary>The import itself, also for the demo (the operator acting).</summary>
        public async Task<Result<ImportResidents.Response>> ImportAsync(
            ImportKind kind, Stream stream, bool csv, UnitInfo district, string? mode, bool preview, string actor, string actorId, string fileName, CancellationToken ct)
        {
            if (RowSource.ValidRowsOnly(mode) is not { } validRows)
            {
                return RowSource.WrongMode;
            }

            var shape = BusinessFile.Shape(kind);
            var source = RowSource.Open(stream, csv, shape);
            if (!source.IsSuccess)
            {
                return source.Error!;
            }

            var communities = (await access.Directory.CommunitiesWithinAsync(district.Path, ct))
                .ToDictionary(u => u.Code, u => (u.DistrictId, u.ParentId ?? u.Id, u.Id), StringComparer.Ordinal);
            var (rows, errors, refused) = Read(kind, source.Value, communities);
            if (rows is null)
            {
                return Error.Validation("file", $"一次最多导入{MaxRows}行,请分成几个文件。");
            }

            if (rows.Count == 0 && refused.Count == 0)
            {
                return Error.Validation("file", "文件中没有数据。");
            }

            var known = kind == ImportKind.Enterprises ? await KnownEnterprisesAsync(rows, ct) : await KnownShopsAsync(rows, communities.Values.Select(c => c.Item3).ToList(), ct);
            // A credit code already registered in another district is refused here, not moved.
            foreach (var row in rows.Where(r => known.TryGetValue(r.Key, out var k) && k.DistrictId != district.Id).ToList())
            {
                var elsewhere = $"统一社会信用代码“{row.Code}”已登记在其他区,请与该区数据管理员核实";
                refused.Add(row.Row, elsewhere, _ => null);
                errors.Add(new ImportResidents.RowError(row.Row, elsewhere));
                rows.Remove(row);
            }

            var updated = rows.Count(r => known.ContainsKey(r.Key));
            var write = !preview && (validRows || refused.Count == 0) && rows.Count > 0;
            if (write)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var grids = await RegistryGrids.OfAsync(db, rows.Select(r => r.CommunityId).Distinct().ToList(), ct);
                await RegistryGrids.AddMissingAsync(db, rows.Where(r => r.Grid is not null).Select(r => (r.CommunityId, r.Grid!)), grids, ct);
                foreach (var row in rows)
                {
                    Store(kind, row, known.GetValueOrDefault(row.Key), row.Grid is null ? null : grids[(row.CommunityId, row.Grid)]);
                }

                access.Log(actorId, actor, district.Id, AccessKind.Import, $"导入{ListImports.KindName(kind)}数据:{(fileName.Length > 200 ? fileName[..200] : fileName)}", district.Code, rows.Count);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }

            var shown = write || preview;
            var run = new ImportRun
            {
                DistrictId = district.Id, Kind = kind, FileName = fileName, At = time.UtcNow(), UserId = actorId, UserName = actor,
                ValidRowsOnly = validRows, Preview = preview, Written = write, Imported = shown ? rows.Count - updated : 0, Updated = shown ? updated : 0,
            };
            var id = await record.SaveAsync(run, shape, refused, ct);
            return new ImportResidents.Response(run.Imported, run.Updated, errors.Take(ImportResidents.MaxErrorsShown).ToList(), refused.Count, write, preview, id,
                ImportRecord.ErrorFileUrl(id, refused.Count));
        }

        /// <summary>The file's rows checked; null rows when the file is longer than <see cref="MaxRows"/>.</summary>
        private static (List<BusinessRow>? Rows, List<ImportResidents.RowError> Errors, ImportRecord.Refusals Refused) Read(
            ImportKind kind, RowSource source, Dictionary<string, (int, int, int)> communities)
        {
            var (rows, errors, refused) = (new List<BusinessRow>(), new List<ImportResidents.RowError>(), new ImportRecord.Refusals(BusinessFile.Shape(kind)));
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (row, field) in source.Rows)
            {
                if (rows.Count + refused.Count >= MaxRows)
                {
                    return (null, errors, refused);
                }

                var read = BusinessFile.Check(kind, field, communities, out var error);
                if (read is not null && seen.TryGetValue(read.Key, out var first))
                {
                    error = read.Code is null ? $"与第{first}行是同一家商铺(同一村社区、店名和地址)" : $"代码“{read.Code}”与第{first}行重复";
                }

                if (error is not null)
                {
                    refused.Add(row, error, field);
                    errors.Add(new ImportResidents.RowError(row, error));
                    continue;
                }

                seen[read!.Key] = row;
                rows.Add(read with { Row = row });
            }

            return (rows, errors, refused);
        }

        private sealed record Known(long Id, int DistrictId);

        private async Task<Dictionary<string, Known>> KnownEnterprisesAsync(List<BusinessRow> rows, CancellationToken ct)
        {
            var known = new Dictionary<string, Known>(StringComparer.Ordinal);
            foreach (var chunk in rows.Select(r => r.Key).Chunk(1000))
            {
                foreach (var e in await db.Enterprises.AsNoTracking().Where(e => chunk.Contains(e.CreditCode)).Select(e => new { e.CreditCode, e.Id, e.DistrictId }).ToListAsync(ct))
                {
                    known[e.CreditCode] = new Known(e.Id, e.DistrictId);
                }
            }

            return known;
        }

        private async Task<Dictionary<string, Known>> KnownShopsAsync(List<BusinessRow> rows, List<int> communityIds, CancellationToken ct)
        {
            var known = new Dictionary<string, Known>(StringComparer.Ordinal);
            foreach (var chunk in rows.Where(r => r.Code is not null).Select(r => r.Code!).Chunk(1000))
            {
                foreach (var s in await db.Shops.AsNoTracking().Where(s => s.LicenceCode != null && chunk.Contains(s.LicenceCode)).Select(s => new { s.LicenceCode, s.Id, s.DistrictId }).ToListAsync(ct))
                {
                    known[s.LicenceCode!] = new Known(s.Id, s.DistrictId);
                }
            }

            // Shops without a licence code are found by community, name and address: the district's few of them read at once.
            if (rows.Any(r => r.Code is null))
            {
                foreach (var s in await db.Shops.AsNoTracking().Where(s => s.LicenceCode == null && communityIds.Contains(s.CommunityId))
                             .Select(s => new { s.CommunityId, s.Name, s.Address, s.Id, s.DistrictId }).ToListAsync(ct))
                {
                    known[$"{s.CommunityId}|{s.Name}|{s.Address}"] = new Known(s.Id, s.DistrictId);
                }
            }

            return known;
        }

        private void Store(ImportKind kind, BusinessRow row, Known? known, int? gridId)
        {
            if (kind == ImportKind.Enterprises)
            {
                var e = known is null ? db.Enterprises.Add(new Enterprise { Name = row.Name, CreditCode = row.Code!, Address = row.Address }).Entity : db.Enterprises.Find(known.Id)!;
                (e.DistrictId, e.CommunityId, e.GridId, e.Name, e.Address, e.Contact, e.Phone, e.CodeOverride) =
                    (row.DistrictId, row.CommunityId, gridId, row.Name, row.Address, row.Contact, row.Phone, row.CodeOverride);
                return;
            }

            var s = known is null ? db.Shops.Add(new Shop { Name = row.Name, Operator = row.Operator!, Address = row.Address }).Entity : db.Shops.Find(known.Id)!;
            (s.DistrictId, s.CommunityId, s.GridId, s.Name, s.Operator, s.LicenceCode, s.Address, s.StreetFacing, s.Phone, s.CodeOverride) =
                (row.DistrictId, row.CommunityId, gridId, row.Name, row.Operator!, row.Code, row.Address, row.StreetFacing, row.Phone, row.CodeOverride);
        }
    }

    private static void MapOne(RouteGroupBuilder api, string path, ImportKind kind, string name, string summary) =>
        api.MapPost(path, async (HttpContext http, Handler handler, CancellationToken ct) =>
            {
                var (file, mode, preview) = await RowSource.FormAsync(http, ct);
                return (await handler.HandleAsync(kind, file, mode, preview, ct)).ToHttp(Results.Ok);
            })
            .Accepts<IFormFile>("multipart/form-data")
            .WithName(name)
            .WithSummary(summary)
            .Produces<ImportResidents.Response>();

    public static void Map(RouteGroupBuilder api)
    {
        MapOne(api, "/registry/enterprises/import", ImportKind.Enterprises, "ImportEnterprises",
            "导入企业(.xlsx 或 UTF-8 .csv,表单字段 file;企业名称、统一社会信用代码、村社区代码、地址,可选网格、联系人、联系电话、校验说明;mode、preview 同居民导入);按统一社会信用代码更新");
        MapOne(api, "/registry/shops/import", ImportKind.Shops, "ImportShops",
            "导入商铺(店名、经营者、村社区代码、地址,可选营业执照号码、网格、是否沿街、联系电话、校验说明;mode、preview 同居民导入);按营业执照号码(无则按村社区、店名和地址)更新");
    }
}
