using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Catalogue;

/// <summary>
/// Draft → Published; the version it replaces becomes Superseded. Every code of the replaced version must still be
/// in the draft (an item that lost its basis is retired, never deleted), so codes stay stable and are never reused.
/// Dispatches keep the version they were checked against.
/// </summary>
internal static class PublishVersion
{
    /// <summary>The publication itself, shared by the handler and `jianfu import catalogue --publish`.</summary>
    public static async Task<Error?> PublishAsync(JianfuDbContext db, CatalogueVersion draft, string actor, DateTime now, CancellationToken ct)
    {
        if (draft.Status != VersionStatus.Draft)
        {
            return Error.Conflict("只有草稿版本可以发布。");
        }

        if (draft.Items.Count == 0)
        {
            return Error.Validation("items", "草稿中没有事项,不能发布。");
        }

        var current = await db.CatalogueVersions.Include(v => v.Items)
            .FirstOrDefaultAsync(v => v.DistrictId == draft.DistrictId && v.Status == VersionStatus.Published, ct);
        var missing = current?.Items.Select(i => i.ScreeningCode).Except(draft.Items.Select(i => i.ScreeningCode)).ToList() ?? [];
        if (missing.Count > 0)
        {
            return Error.Validation("items",
                $"草稿缺少现行清单中的编码:{string.Join("、", missing.Take(10))}。过筛编码不得删除或复用,不再适用的事项请改为“已停用”并写明原因。");
        }

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (current is not null)
        {
            current.Status = VersionStatus.Superseded;
            current.SupersededAt = now;
            // Two published versions must never exist at once, even for a moment.
            if (await db.TrySaveAsync(ct) is { } notSuperseded)
            {
                return notSuperseded;
            }
        }

        draft.Status = VersionStatus.Published;
        draft.PublishedAt = now;
        db.CatalogueHistory.Add(new CatalogueHistory
        {
            DistrictId = draft.DistrictId, VersionId = draft.Id, At = now, Actor = actor, Action = $"发布{draft.Year}年版清单",
            Note = $"{draft.Items.Count}项" + (current is null ? "" : $",{current.Year}年版同时废止"),
        });
        if (await db.TrySaveAsync(ct) is { } notPublished)
        {
            return notPublished;
        }

        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return null;
    }

    public sealed class Handler(JianfuDbContext db, CatalogueAccess access, TimeProvider time)
    {
        public async Task<Result<ListVersions.VersionResponse>> HandleAsync(int versionId, CancellationToken ct)
        {
            var keeper = await access.RequireKeeperOfVersionAsync(versionId, withItems: true, ct);
            if (!keeper.IsSuccess)
            {
                return keeper.Error!;
            }

            var (user, draft) = keeper.Value;
            var error = await PublishAsync(db, draft, user.DisplayName, time.UtcNow(), ct);
            if (error is not null)
            {
                return error;
            }

            return ListVersions.VersionResponse.From(draft);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/catalogue/versions/{id:int}/publish", async (int id, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, ct)).ToHttp(Results.Ok))
            .WithName("PublishCatalogueVersion")
            .WithSummary("发布草稿版本,原发布版同时废止")
            .Produces<ListVersions.VersionResponse>();
}
