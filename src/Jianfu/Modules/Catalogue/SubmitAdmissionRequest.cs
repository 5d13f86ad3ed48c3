using Jianfu.Modules.Catalogue.Contracts;
using Jianfu.Modules.Catalogue.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Catalogue;

/// <summary>准入申请: a department asks the list keeper to admit a new work item, citing its basis.</summary>
internal static class SubmitAdmissionRequest
{
    public sealed record Request(string? Name, string? Kind, string? ParentCode, string? BasisDocument, string? BasisArticle, string? Reason);

    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, CatalogueAccess access, TimeProvider time)
    {
        public async Task<Result<ListAdmissionRequests.AdmissionResponse>> HandleAsync(Request r, CancellationToken ct)
        {
            var user = await current.GetAsync(ct);
            var grant = user.GrantsOf(Role.Dispatcher).FirstOrDefault();
            if (grant is null)
            {
                return Error.Forbidden("只有职能部门人员可以提出事项准入申请。");
            }

            var problems = new Problems();
            if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 200)
            {
                problems.Add("name", "请填写事项名称(不超过200字)。");
            }

            if (!Enum.TryParse<DutyKind>(r.Kind, true, out var kind) || kind == DutyKind.Excluded)
            {
                problems.Add("kind", "事项类型应为 Statutory(依法履职)或 Assistance(协助)。");
            }

            if (string.IsNullOrWhiteSpace(r.BasisDocument) || r.BasisDocument.Length > 500)
            {
                problems.Add("basisDocument", "请写明依据的法律法规或政策文件(不超过500字)。");
            }

            if (string.IsNullOrWhiteSpace(r.Reason) || r.Reason.Length > 2000)
            {
                problems.Add("reason", "请说明为什么需要村(社区)承担(不超过2000字)。");
            }

            if (problems.Any)
            {
                return problems.ToError();
            }

            var request = new AdmissionRequest
            {
                DistrictId = grant.Unit.DistrictId,
                DepartmentId = grant.Department?.Id,
                DepartmentName = grant.Department is null ? grant.Unit.Name : $"{grant.Unit.Name} {grant.Department.Name}",
                ApplicantId = user.UserId!,
                ApplicantName = user.DisplayName,
                ProposedName = r.Name!.Trim(),
                ProposedKind = kind,
                ParentCode = string.IsNullOrWhiteSpace(r.ParentCode) ? null : r.ParentCode.Trim(),
                BasisDocument = r.BasisDocument!.Trim(),
                BasisArticle = r.BasisArticle?.Trim() ?? "",
                Reason = r.Reason!.Trim(),
                Status = AdmissionStatus.Pending,
                CreatedAt = time.UtcNow(),
            };
            db.AdmissionRequests.Add(request);
            access.Record(request.DistrictId, null, user, request.CreatedAt, "收到准入申请", $"{request.DepartmentName}:{request.ProposedName}");
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return ListAdmissionRequests.AdmissionResponse.From(request);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/catalogue/admission-requests", async (Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(request, ct)).ToHttp(a => Results.Created($"/api/v1/catalogue/admission-requests/{a.Id}", a)))
            .WithName("SubmitAdmissionRequest")
            .WithSummary("部门提出新增涉村(社区)事项的准入申请")
            .Produces<ListAdmissionRequests.AdmissionResponse>(StatusCodes.Status201Created);
}
