using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Catalogue;

/// <summary>Admission requests: all of the district's for the list keeper, their own department's for a department.</summary>
internal static class ListAdmissionRequests
{
    public sealed record AdmissionResponse(
        int Id, string Status, string Name, string Kind, string? ParentCode, string LegalBasis, string Reason, string Department, string Applicant,
        DateTime CreatedAt, bool? RequiredByLaw, bool? CustomaryAssistance, bool? WithinCapacity, string? DecisionReason, string? ScreeningCode, string? DecidedBy)
    {
        public static AdmissionResponse From(AdmissionRequest a) => new(
            a.Id, a.Status.ToString(), a.ProposedName, a.ProposedKind.ToString(), a.ParentCode,
            string.IsNullOrEmpty(a.BasisArticle) ? a.BasisDocument : $"{a.BasisDocument} {a.BasisArticle}", a.Reason, a.DepartmentName,
            a.ApplicantName, DateTime.SpecifyKind(a.CreatedAt, DateTimeKind.Utc), a.RequiredByLaw, a.CustomaryAssistance, a.WithinCapacity,
            a.DecisionReason, a.ScreeningCode, a.DecidedBy);
    }

    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current)
    {
        public async Task<Result<List<AdmissionResponse>>> HandleAsync(CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var keeperDistricts = user.GrantsOf(Role.CatalogueAdmin).Select(g => g.Unit.DistrictId).ToList();
            var departments = user.GrantsOf(Role.Dispatcher).Select(g => g.Department?.Id).Where(id => id is not null).ToList();
            if (keeperDistricts.Count == 0 && !user.Has(Role.Dispatcher))
            {
                return Error.Forbidden("只有清单管理员和职能部门人员可以查看准入申请。");
            }

            var rows = await db.AdmissionRequests.AsNoTracking()
                .Where(a => keeperDistricts.Contains(a.DistrictId) || a.ApplicantId == user.UserId || departments.Contains(a.DepartmentId))
                .OrderBy(a => a.Status == AdmissionStatus.Pending ? 0 : 1).ThenByDescending(a => a.CreatedAt)
                .Take(500)
                .ToListAsync(ct);
            return rows.Select(AdmissionResponse.From).ToList();
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/catalogue/admission-requests", async (Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(ct)).ToHttp(Results.Ok))
            .WithName("ListAdmissionRequests")
            .WithSummary("准入申请列表:待处理在前")
            .Produces<List<AdmissionResponse>>();
}
