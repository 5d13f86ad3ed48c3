using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Catalogue;

/// <summary>
/// Retires an item whose basis changed, with the reason and date. In a draft it is part of the yearly revision;
/// in the published version it is a mid-year amendment, recorded as such. The code stays listed, so it is never reused.
/// </summary>
internal static class RetireItem
{
    public sealed record Request(string? Reason);

    public sealed class Handler(JianfuDbContext db, CatalogueAccess access, TimeProvider time)
    {
        public async Task<Result<SaveItem.ItemDetail>> HandleAsync(int versionId, string code, string? reason, CancellationToken ct)
        {
            var keeper = await access.RequireKeeperOfVersionAsync(versionId, withItems: true, ct);
            if (!keeper.IsSuccess)
            {
                return keeper.Error!;
            }

            var (user, version) = keeper.Value;
            if (version.Status == VersionStatus.Superseded)
            {
                return Error.Conflict("已废止的版本不能修改。");
            }

            if (string.IsNullOrWhiteSpace(reason) || reason.Length > 500)
            {
                return Error.Validation("reason", "请写明停用原因(不超过500字),如“依据文件已废止”。");
            }

            var item = version.Items.FirstOrDefault(i => i.ScreeningCode == code);
            if (item is null)
            {
                return Error.NotFound($"本版本没有编码为“{code}”的事项。");
            }

            if (item.Status == DutyItemStatus.Retired)
            {
                return Error.Conflict($"事项 {code} 已于 {item.RetiredOn:yyyy-MM-dd} 停用。");
            }

            item.Status = DutyItemStatus.Retired;
            item.RetiredReason = reason.Trim();
            item.RetiredOn = time.Today();
            access.Record(version.DistrictId, version.Id, user, time.UtcNow(),
                version.Status == VersionStatus.Published ? $"年中修订:停用事项 {code}" : $"停用事项 {code}", $"{item.Name}:{item.RetiredReason}");
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return SaveItem.ItemDetail.From(item);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/catalogue/versions/{id:int}/items/{code}/retire", async (int id, string code, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, code, request.Reason, ct)).ToHttp(Results.Ok))
            .WithName("RetireCatalogueItem")
            .WithSummary("停用事项(须写明原因);对已发布版本即为年中修订")
            .Produces<SaveItem.ItemDetail>();
}
