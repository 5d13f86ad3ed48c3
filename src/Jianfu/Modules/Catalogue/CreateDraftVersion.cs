using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Catalogue;

/// <summary>
/// Starts next year's revision (Shaoxing revises its list yearly): a draft that copies every item of the published
/// version, retired ones included, so that no code can ever be given to another item.
/// </summary>
internal static class CreateDraftVersion
{
    public sealed record Request(string? District, int? Year, string? Title);

    public sealed class Handler(JianfuDbContext db, CatalogueAccess access, TimeProvider time)
    {
        public async Task<Result<ListVersions.VersionResponse>> HandleAsync(Request request, CancellationToken ct)
        {
            var district = await access.DistrictByCodeAsync(request.District, ct);
            if (district is null)
            {
                return Error.Validation("district", "请指定有效的区县代码。");
            }

            var keeper = await access.RequireKeeperAsync(district.Id, ct);
            if (!keeper.IsSuccess)
            {
                return keeper.Error!;
            }

            if (request.Year is not { } year || year < 2000 || year > 2100)
            {
                return Error.Validation("year", "请填写有效的年度,如 2027。");
            }

            if (await db.CatalogueVersions.AnyAsync(v => v.DistrictId == district.Id && v.Year == year, ct))
            {
                return Error.Conflict($"{district.Name}{year}年版清单已存在。");
            }

            if (await db.CatalogueVersions.AnyAsync(v => v.DistrictId == district.Id && v.Status == VersionStatus.Draft, ct))
            {
                return Error.Conflict("已有一个草稿版本,请先发布或继续编辑该草稿。");
            }

            var now = time.UtcNow();
            var draft = new CatalogueVersion
            {
                DistrictId = district.Id,
                Year = year,
                Title = string.IsNullOrWhiteSpace(request.Title) ? $"{district.Name}涉村(社区)工作事项清单({year}年版)" : request.Title.Trim(),
                Status = VersionStatus.Draft,
                CreatedAt = now,
            };
            var published = await db.CatalogueVersions.Include(v => v.Items)
                .FirstOrDefaultAsync(v => v.DistrictId == district.Id && v.Status == VersionStatus.Published, ct);
            foreach (var item in published?.Items ?? [])
            {
                draft.Items.Add(item.CopyInto(0));
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.CatalogueVersions.Add(draft);
            // Two keepers starting the same year's draft at once: the unique indexes let one of them through.
            if (await db.TrySaveAsync(ct) is { } notCreated)
            {
                return notCreated;
            }

            access.Record(district.Id, draft.Id, keeper.Value.User, now, $"新建{year}年版草稿", published is null ? "空白草稿" : $"复制{published.Year}年版{published.Items.Count}项");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return ListVersions.VersionResponse.From(draft);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/catalogue/versions", async (Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(v => Results.Created($"/api/v1/catalogue/versions/{v.Id}", v)))
            .WithName("CreateCatalogueDraft")
            .WithSummary("新建下一年度清单草稿(复制当前发布版的全部事项)")
            .Produces<ListVersions.VersionResponse>(StatusCodes.Status201Created);
}
