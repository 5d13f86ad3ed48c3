using System.Globalization;
using System.Threading.Channels;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Registry.Data;
using Jianfu.Modules.Registry.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Jianfu.Modules.Registry;

/// <summary>
/// Residents come in as a sheet (.xlsx or UTF-8 .csv) from the household register or the district's data base. Every row
/// is checked — the ID number's check character and birth date, the community code, the phone, the tags — and errors
/// are given by row number in Chinese. The keeper chooses: the whole file or nothing (<c>all-or-nothing</c>, the
/// default), or the valid rows (<c>valid-rows</c>); a preview checks and counts without writing. A resident already in
/// the registry, by ID number, is updated. The file is read as a stream, in chunks, in one transaction.
/// </summary>
public static class ImportResidents
{
    public const int ChunkSize = 50_000;
    public const int MaxErrorsShown = 1000;

    /// <summary>Rows written at which the planner's statistics are refreshed (ANALYZE) after the import.</summary>
    public const int StatisticsAfter = 10_000;

    public sealed record RowError(int Row, string Message);

    /// <param name="ImportId">The import's record (GET /api/v1/registry/imports).</param>
    /// <param name="ErrorFile">Where the refused rows are downloaded as a file to correct and import again, when there are any.</param>
    public sealed record Response(int Imported, int Updated, IReadOnlyList<RowError> Errors, int ErrorCount, bool Written, bool Preview, long ImportId, string? ErrorFile);

    internal sealed class Handler(JianfuDbContext db, RegistryAccess access, ImportRecord record, TimeProvider time)
    {
        public async Task<Result<Response>> HandleAsync(IFormFile? file, string? mode, bool preview, CancellationToken ct)
        {
            var user = await access.UserAsync(ct);
            var district = RegistryAccess.KeptDistrict(user);
            if (district is null)
            {
                return Error.Forbidden("只有区数据管理员可以导入人口数据。");
            }

            if (RowSource.Refuse(file, out var csv) is { } refused)
            {
                return refused;
            }

            await using var stream = file!.OpenReadStream();
            return await ImportAsync(stream, csv, district, mode, preview, user.DisplayName, user.UserId ?? "", file.FileName, ct);
        }

        /// <summary>The import itself, also for `jianfu registry import` (the operator acting).</summary>
        public async Task<Result<Response>> ImportAsync(
            Stream stream, bool csv, UnitInfo district, string? mode, bool preview, string actor, string actorId, string fileName, CancellationToken ct)
        {
            if (RowSource.ValidRowsOnly(mode) is not { } validRows)
            {
                return RowSource.WrongMode;
            }

            var communities = (await access.Directory.CommunitiesWithinAsync(district.Path, ct))
                .ToDictionary(u => u.Code, u => (u.DistrictId, u.ParentId ?? u.Id, u.Id), StringComparer.Ordinal);
            if (!await db.Tags.AnyAsync(t => t.DistrictId == district.Id, ct))
            {
                // A district starts with the usual tags (Tag.Defaults); its own are added to the directory beside them.
                db.Tags.AddRange(Tag.Defaults.Select(t => new Tag { DistrictId = district.Id, Name = t.Name, Group = t.Group, Level = TagLevel.District }));
                if (await db.TrySaveAsync(ct) is { } notSaved && !await db.Tags.AnyAsync(t => t.DistrictId == district.Id, ct))
                {
                    return notSaved;
                }
            }

            var tags = await db.Tags.AsNoTracking().Where(t => t.DistrictId == district.Id).ToDictionaryAsync(t => t.Name, t => t.Id, StringComparer.Ordinal, ct);
            var communityIds = communities.Values.Select(c => c.Item3).ToList();
            var grids = await RegistryGrids.OfAsync(db, communityIds, ct);

            var source = RowSource.Open(stream, csv, ResidentFile.Shape);
            if (!source.IsSuccess)
            {
                return source.Error!;
            }

            var writer = ResidentBulkWriter.For(db);
            // One connection for the whole import: the transaction, the stage tables and the session's settings live on it.
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                // Before the transaction: on SQLite beginning one waits for the other import's write to end.
                if (!await writer.TryLockAsync(db, district.Id, ct))
                {
                    return Error.Conflict("本区正在导入另一份居民数据,请等它完成后再导入。");
                }

                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await writer.PrepareAsync(db, ct);
                await RehashHousesAsync(district.Id, ct);
                return await ImportRowsAsync(source.Value, communities, tags, grids, writer, district, validRows, preview, actor, actorId, fileName, ct);
            }
            finally
            {
                // After the transaction has ended, committed or rolled back; the lock is released on this same connection.
                await writer.ReleaseAsync(db, district.Id, CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }

        private async Task<Result<Response>> ImportRowsAsync(
            RowSource source, Dictionary<string, (int, int, int)> communities, Dictionary<string, int> tags, Dictionary<(int, string), int> grids, ResidentBulkWriter writer,
            UnitInfo district, bool validRows, bool preview, string actor, string actorId, string fileName, CancellationToken ct)
        {
            var today = time.Today();
            var now = time.UtcNow();
            var errors = new List<RowError>();
            var refused = new ImportRecord.Refusals(ResidentFile.Shape);
            var seen = new Dictionary<long, int>();
            var (inserted, updated) = (0, 0);

            // Reading and checking the file on this thread, writing the chunks already checked on another: the two cores
            // share the work, and the context is used by the writer alone.
            var chunks = Channel.CreateBounded<List<ResidentRow>>(2);
            var writing = Task.Run(async () =>
            {
                try
                {
                    await foreach (var chunk in chunks.Reader.ReadAllAsync(ct))
                    {
                        if (preview)
                        {
                            var (n, k) = await writer.CountAsync(db, chunk, ct);
                            (inserted, updated) = (inserted + n, updated + k);
                            continue;
                        }

                        await RegistryGrids.AddMissingAsync(db, chunk.Where(r => r.Grid is not null).Select(r => (r.CommunityId, r.Grid!)), grids, ct);
                        var (i, u) = await writer.WriteAsync(db, chunk, grids, source.Has(ResidentFile.TagsField), actor, now, today, ct);
                        (inserted, updated) = (inserted + i, updated + u);
                    }
                }
                catch (Exception e)
                {
                    chunks.Writer.TryComplete(e);
                    throw;
                }
            }, ct);

            Error? unreadable = null;
            try
            {
                var chunk = new List<ResidentRow>(ChunkSize);
                foreach (var (row, field) in source.Rows)
                {
                    var read = ResidentFile.Check(field, today, communities, tags, out var error);
                    if (read is not null && seen.TryGetValue(Key(read.IdNumber), out var first))
                    {
                        error = $"公民身份号码“{CitizenId.Mask(read.IdNumber)}”与第{first}行重复";
                    }

                    if (error is not null)
                    {
                        refused.Add(row, error, field);
                        if (refused.Count <= MaxErrorsShown)
                        {
                            errors.Add(new RowError(row, error));
                        }

                        continue;
                    }

                    seen[Key(read!.IdNumber)] = row;
                    if (validRows || refused.Count == 0)
                    {
                        chunk.Add(read);
                        if (chunk.Count == ChunkSize)
                        {
                            await chunks.Writer.WriteAsync(chunk, ct);
                            chunk = new List<ResidentRow>(ChunkSize);
                        }
                    }
                }

                if (chunk.Count > 0)
                {
                    await chunks.Writer.WriteAsync(chunk, ct);
                }
            }
            catch (InvalidDataException e)
            {
                unreadable = Error.Validation("file", e.Message);
            }
            catch (ChannelClosedException)
            {
                // The writer failed: its exception is thrown below.
            }

            chunks.Writer.TryComplete();
            await writing;
            if (unreadable is not null)
            {
                return unreadable;
            }

            if (seen.Count == 0 && refused.Count == 0)
            {
                return Error.Validation("file", "文件中没有居民数据。");
            }

            var write = !preview && (validRows || refused.Count == 0) && inserted + updated > 0;
            if (write)
            {
                access.Log(actorId, actor, district.Id, AccessKind.Import, $"导入居民数据:{(fileName.Length > 200 ? fileName[..200] : fileName)}", district.Code, inserted + updated);
                await db.SaveChangesAsync(ct);
                await db.Database.CommitTransactionAsync(ct);
                if (inserted + updated >= StatisticsAfter)
                {
                    await writer.RefreshStatisticsAsync(db, ct);
                }
            }
            else
            {
                await db.Database.RollbackTransactionAsync(ct);
            }

            var run = new ImportRun
            {
                DistrictId = district.Id, Kind = ImportKind.Residents, FileName = fileName, At = now, UserId = actorId, UserName = actor, ValidRowsOnly = validRows,
                Preview = preview, Written = write, Imported = write || preview ? inserted : 0, Updated = write || preview ? updated : 0,
            };
            var id = await record.SaveAsync(run, ResidentFile.Shape, refused, ct);
            return new Response(run.Imported, run.Updated, errors, refused.Count, write, preview, id, ImportRecord.ErrorFileUrl(id, refused.Count));
        }

        /// <summary>Houses stored before <see cref="House.KeyHash"/> existed get it, once, so that this import finds them.</summary>
        private async Task RehashHousesAsync(int districtId, CancellationToken ct)
        {
            var stale = await db.Houses.Where(h => h.DistrictId == districtId && h.KeyHash < 0).ToListAsync(ct);
            foreach (var house in stale)
            {
                house.KeyHash = House.HashOf(house.Key);
            }

            await db.SaveChangesAsync(ct);
        }

        /// <summary>An ID number as a number, for the duplicate check of millions of rows: 17 digits and the check character.</summary>
        private static long Key(string idNumber) => long.Parse(idNumber.AsSpan(0, 17), CultureInfo.InvariantCulture) * 11 + "0123456789X".IndexOf(idNumber[17], StringComparison.Ordinal);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/registry/residents/import", async (HttpContext http, Handler handler, CancellationToken ct) =>
            {
                var (file, mode, preview) = await RowSource.FormAsync(http, ct);
                return (await handler.HandleAsync(file, mode, preview, ct)).ToHttp(Results.Ok);
            })
            .Accepts<IFormFile>("multipart/form-data")
            .WithName("ImportResidents")
            .WithSummary("导入居民(.xlsx 或 UTF-8 .csv,表单字段 file;mode=all-or-nothing 全部正确才导入(默认)或 valid-rows 只导入正确的行;preview=true 只检查不写入);按公民身份号码更新已有居民")
            .Produces<Response>();
}
