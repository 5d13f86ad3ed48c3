using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Catalogue;

/// <summary>Adds an item to a draft version, or edits one. Published versions change only by admission or retirement.</summary>
internal static class SaveItem
{
    public sealed record Request(
        string? ScreeningCode,
        string? Name,
        string? Kind,
        string? ParentCode,
        string? BasisDocument,
        string? BasisArticle,
        string? ResponsibleDepartment,
        string? Description,
        bool? RequiredByLaw,
        bool? CustomaryAssistance,
        bool? WithinCapacity);

    public sealed record ItemDetail(
        string ScreeningCode, string Name, string Kind, string Status, string? ParentCode, string BasisDocument, string BasisArticle,
        string ResponsibleDepartment, string Description, bool RequiredByLaw, bool CustomaryAssistance, bool WithinCapacity,
        string? RetiredReason, string? RetiredOn)
    {
        public static ItemDetail From(DutyItem i) => new(
            i.ScreeningCode, i.Name, i.Kind.ToString(), i.Status.ToString(), i.ParentCode, i.BasisDocument, i.BasisArticle,
            i.ResponsibleDepartment, i.Description, i.RequiredByLaw, i.CustomaryAssistance, i.WithinCapacity, i.RetiredReason,
            i.RetiredOn?.ToString("yyyy-MM-dd"));
    }

    /// <summary>The API's field for each column of the Excel sheet, so that a client knows which of its fields is wrong.</summary>
    private static readonly Dictionary<string, string> Fields = new()
    {
        [CatalogueSheet.Code] = "screeningCode", [CatalogueSheet.Name] = "name", [CatalogueSheet.Kind] = "kind",
        [CatalogueSheet.Parent] = "parentCode", [CatalogueSheet.BasisDocument] = "basisDocument", [CatalogueSheet.BasisArticle] = "basisArticle",
        [CatalogueSheet.Department] = "responsibleDepartment", [CatalogueSheet.Description] = "description",
        [CatalogueSheet.ByLaw] = "requiredByLaw", [CatalogueSheet.Customary] = "customaryAssistance", [CatalogueSheet.Capacity] = "withinCapacity",
    };

    /// <summary>Validates one item with the same rules as an Excel row; every problem is added, not only the first.</summary>
    public static DutyItem? Parse(Request r, IReadOnlySet<string> versionCodes, DateOnly today, Problems problems)
    {
        var kind = r.Kind is null ? null : Enum.TryParse<DutyKind>(r.Kind, true, out var k) ? CatalogueSheet.KindText(k) : r.Kind;
        var row = new Dictionary<string, string?>
        {
            [CatalogueSheet.Code] = r.ScreeningCode, [CatalogueSheet.Name] = r.Name, [CatalogueSheet.Kind] = kind,
            [CatalogueSheet.Parent] = r.ParentCode, [CatalogueSheet.BasisDocument] = r.BasisDocument, [CatalogueSheet.BasisArticle] = r.BasisArticle,
            [CatalogueSheet.Department] = r.ResponsibleDepartment, [CatalogueSheet.Description] = r.Description,
            [CatalogueSheet.ByLaw] = r.RequiredByLaw == true ? "是" : "否", [CatalogueSheet.Customary] = r.CustomaryAssistance == true ? "是" : "否",
            [CatalogueSheet.Capacity] = r.WithinCapacity == true ? "是" : "否",
        };
        var (items, errors) = CatalogueSheet.Parse([row], CatalogueSheet.Headers, today, versionCodes);
        foreach (var e in errors)
        {
            // A sentence each, the column named once: "「依据文件」不能为空。", "上级事项编码“X”不在本清单中。"
            var sentence = e.Reason.StartsWith(e.Column, StringComparison.Ordinal) ? e.Reason : $"「{e.Column}」{e.Reason}";
            problems.Add(Fields.GetValueOrDefault(e.Column, "item"), sentence + "。");
        }

        return errors.Count > 0 ? null : items[0];
    }

    public sealed class Handler(JianfuDbContext db, CatalogueAccess access, TimeProvider time)
    {
        public async Task<Result<ItemDetail>> HandleAsync(int versionId, string? existingCode, Request request, CancellationToken ct)
        {
            var keeper = await access.RequireKeeperOfVersionAsync(versionId, withItems: true, ct);
            if (!keeper.IsSuccess)
            {
                return keeper.Error!;
            }

            var (user, version) = keeper.Value;
            if (version.Status != VersionStatus.Draft)
            {
                return Error.Conflict("已发布的清单不能直接修改:新增事项请走准入申请,不再适用的事项请停用。");
            }

            var codes = version.Items.Select(i => i.ScreeningCode).ToHashSet(StringComparer.Ordinal);
            var problems = new Problems();
            var parsed = Parse(request, codes, time.Today(), problems);
            if (existingCode is not null && request.ScreeningCode?.Trim() is { Length: > 0 } code && code != existingCode)
            {
                problems.Add("screeningCode", "过筛编码不能修改:同一事项跨年度保持同一编码。");
            }

            if (existingCode is not null && request.ParentCode?.Trim() == existingCode)
            {
                problems.Add("parentCode", "上级事项不能是它自己。");
            }

            if (parsed is null || problems.Any)
            {
                return problems.ToError();
            }

            var now = time.UtcNow();
            if (existingCode is null)
            {
                if (codes.Contains(parsed.ScreeningCode))
                {
                    return Error.Conflict($"编码“{parsed.ScreeningCode}”已存在于本版本(含已停用事项),过筛编码不得复用。");
                }

                parsed.VersionId = version.Id;
                version.Items.Add(parsed);
                access.Record(version.DistrictId, version.Id, user, now, $"新增事项 {parsed.ScreeningCode}", parsed.Name);
                if (await db.TrySaveAsync(ct) is { } notSaved)
                {
                    return notSaved;
                }

                return ItemDetail.From(parsed);
            }

            var item = version.Items.FirstOrDefault(i => i.ScreeningCode == existingCode);
            if (item is null)
            {
                return Error.NotFound($"本版本没有编码为“{existingCode}”的事项。");
            }

            var before = item.ContentSignature;
            (item.Name, item.Kind, item.ParentCode, item.BasisDocument, item.BasisArticle, item.ResponsibleDepartment, item.Description) =
                (parsed.Name, parsed.Kind, parsed.ParentCode, parsed.BasisDocument, parsed.BasisArticle, parsed.ResponsibleDepartment, parsed.Description);
            (item.RequiredByLaw, item.CustomaryAssistance, item.WithinCapacity) = (parsed.RequiredByLaw, parsed.CustomaryAssistance, parsed.WithinCapacity);
            if (before != item.ContentSignature)
            {
                access.Record(version.DistrictId, version.Id, user, now, $"修改事项 {item.ScreeningCode}", item.Name);
            }

            if (await db.TrySaveAsync(ct) is { } notUpdated)
            {
                return notUpdated;
            }

            return ItemDetail.From(item);
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/catalogue/versions/{id:int}/items", async (int id, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, null, request, ct)).ToHttp(i => Results.Created($"/api/v1/catalogue/versions/{id}/items/{i.ScreeningCode}", i)))
            .WithName("AddCatalogueItem")
            .WithSummary("向草稿版本新增事项")
            .Produces<ItemDetail>(StatusCodes.Status201Created);
        api.MapPut("/catalogue/versions/{id:int}/items/{code}", async (int id, string code, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, code, request, ct)).ToHttp(Results.Ok))
            .WithName("EditCatalogueItem")
            .WithSummary("修改草稿版本中的事项(编码不可改)")
            .Produces<ItemDetail>();
    }
}
