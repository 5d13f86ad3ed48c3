using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Catalogue;

/// <summary>
/// The list keeper weighs the three admission criteria and admits the item (into the draft being revised, or
/// mid-year into the published version, which is recorded as an amendment) or declines it with a reason.
/// </summary>
internal static class DecideAdmissionRequest
{
    public sealed record Request(string? Decision, bool? RequiredByLaw, bool? CustomaryAssistance, bool? WithinCapacity, string? Reason, string? ScreeningCode = null, string? Into = null);

    public sealed class Handler(JianfuDbContext db, CatalogueAccess access, TimeProvider time)
    {
        public async Task<Result<ListAdmissionRequests.AdmissionResponse>> HandleAsync(int id, Request r, CancellationToken ct)
        {
            var request = await db.AdmissionRequests.FirstOrDefaultAsync(a => a.Id == id, ct);
            if (request is null)
            {
                return Error.NotFound($"准入申请{id}不存在。");
            }

            var keeper = await access.RequireKeeperAsync(request.DistrictId, ct);
            if (!keeper.IsSuccess)
            {
                return keeper.Error!;
            }

            if (request.Status != AdmissionStatus.Pending)
            {
                return Error.Conflict("该申请已处理。");
            }

            var (byLaw, customary, capacity) = (r.RequiredByLaw ?? false, r.CustomaryAssistance ?? false, r.WithinCapacity ?? false);
            var now = time.UtcNow();
            (request.RequiredByLaw, request.CustomaryAssistance, request.WithinCapacity) = (byLaw, customary, capacity);
            request.DecidedAt = now;
            request.DecidedBy = keeper.Value.User.DisplayName;
            switch (r.Decision?.Trim().ToLowerInvariant())
            {
                case "decline":
                    if (string.IsNullOrWhiteSpace(r.Reason))
                    {
                        return Error.Validation("reason", "不予准入须写明理由。");
                    }

                    request.Status = AdmissionStatus.Declined;
                    request.DecisionReason = r.Reason.Trim();
                    access.Record(request.DistrictId, null, keeper.Value.User, now, "不予准入", $"{request.ProposedName}:{request.DecisionReason}");
                    break;
                case "admit":
                    if (ScreeningCodes.WhyNotAdmissible(byLaw, customary, capacity) is { } why)
                    {
                        return Error.Validation("criteria", why);
                    }

                    var target = await TargetVersionAsync(request.DistrictId, r.Into, ct);
                    if (!target.IsSuccess)
                    {
                        return target.Error!;
                    }

                    var version = target.Value;
                    var codes = version.Items.Select(i => i.ScreeningCode).ToHashSet(StringComparer.Ordinal);
                    if (request.ParentCode is not null && !codes.Contains(request.ParentCode))
                    {
                        return Error.Validation("parentCode", $"上级事项编码“{request.ParentCode}”不在{version.Year}年版清单中。");
                    }

                    var code = string.IsNullOrWhiteSpace(r.ScreeningCode) ? ScreeningCodes.Next(request.ProposedKind, request.ParentCode, codes) : r.ScreeningCode.Trim();
                    if (codes.Contains(code))
                    {
                        return Error.Conflict($"编码“{code}”已被使用(含已停用事项),过筛编码不得复用。");
                    }

                    version.Items.Add(new DutyItem
                    {
                        VersionId = version.Id, ScreeningCode = code, Name = request.ProposedName, Kind = request.ProposedKind, ParentCode = request.ParentCode,
                        BasisDocument = request.BasisDocument, BasisArticle = request.BasisArticle, ResponsibleDepartment = request.DepartmentName,
                        Description = request.Reason.Length > 2000 ? request.Reason[..2000] : request.Reason,
                        RequiredByLaw = byLaw, CustomaryAssistance = customary, WithinCapacity = capacity, Status = DutyItemStatus.Active,
                    });
                    request.Status = AdmissionStatus.Admitted;
                    request.ScreeningCode = code;
                    request.AdmittedIntoVersionId = version.Id;
                    request.DecisionReason = r.Reason?.Trim();
                    access.Record(request.DistrictId, version.Id, keeper.Value.User, now,
                        version.Status == VersionStatus.Published ? $"年中修订:准入新增事项 {code}" : $"准入新增事项 {code}",
                        $"{request.ProposedName}(申请:{request.DepartmentName})");
                    break;
                default:
                    return Error.Validation("decision", "决定只能是 admit(准入)或 decline(不予准入)。");
            }

            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return ListAdmissionRequests.AdmissionResponse.From(request);
        }

        /// <summary>The draft under revision when there is one (or when asked), else the published version (a mid-year amendment).</summary>
        private async Task<Result<CatalogueVersion>> TargetVersionAsync(int districtId, string? into, CancellationToken ct)
        {
            var versions = await db.CatalogueVersions.Include(v => v.Items)
                .Where(v => v.DistrictId == districtId && v.Status != VersionStatus.Superseded).ToListAsync(ct);
            var draft = versions.FirstOrDefault(v => v.Status == VersionStatus.Draft);
            var published = versions.FirstOrDefault(v => v.Status == VersionStatus.Published);
            var chosen = into?.ToLowerInvariant() switch
            {
                "published" => published,
                "draft" => draft,
                _ => draft ?? published,
            };
            return chosen is null ? Error.Conflict("没有可以准入的清单版本(草稿或已发布)。") : chosen;
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/catalogue/admission-requests/{id:int}/decision", async (int id, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(Results.Ok))
            .WithName("DecideAdmissionRequest")
            .WithSummary("清单管理员按三条标准决定准入(admit,可指定 into=draft|published)或不予准入(decline,须写理由)")
            .Produces<ListAdmissionRequests.AdmissionResponse>();
}
