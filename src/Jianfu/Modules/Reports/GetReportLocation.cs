using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>
/// The QR location of a community or township office: created on first request, revocable. Only the district's
/// list keeper (who handles the reports) prints posters.
/// </summary>
internal static class GetReportLocation
{
    public sealed record Response(string Token, string Url, string PosterUrl);

    public sealed record RevokeRequest(string? Token);

    public sealed class Handler(JianfuDbContext db, ICurrentUserAccessor current, IOrganisationDirectory directory, IConfiguration config, IHttpContextAccessor http, TimeProvider time)
    {
        public async Task<Result<ReportLocation>> GetOrCreateAsync(string unitCode, bool requireKeeper, CancellationToken ct)
        {
            var unit = await directory.FindUnitAsync(unitCode.Trim(), ct);
            if (unit is null || unit.Level == UnitLevel.District)
            {
                return Error.NotFound($"单位代码“{unitCode}”不是镇街或村(社区)。");
            }

            var user = await current.GetAsync(ct);
            if (requireKeeper && !user.CanAct(Role.CatalogueAdmin, unit))
            {
                return Error.Forbidden("只有区清单管理员(减负办)可以生成和打印线索反馈二维码。");
            }

            var location = await db.ReportLocations.FirstOrDefaultAsync(l => l.UnitId == unit.Id && l.IsActive, ct);
            if (location is not null)
            {
                return location;
            }

            location = new ReportLocation
            {
                Token = ReportLocation.NewToken(), UnitId = unit.Id, UnitCode = unit.Code, UnitName = unit.Name, DistrictId = unit.DistrictId,
                CreatedAt = time.UtcNow(), CreatedBy = user.IsAuthenticated ? user.DisplayName : "系统",
            };
            db.ReportLocations.Add(location);
            if (await db.TrySaveAsync(ct) is null)
            {
                return location;
            }

            // Somebody asked for this office's poster at the same moment: one token is in force, and it is theirs.
            var first = await db.ReportLocations.FirstOrDefaultAsync(l => l.UnitId == unit.Id && l.IsActive, ct);
            return first is null ? Error.Stale() : first;
        }

        public async Task<Result<Response>> HandleAsync(string unitCode, CancellationToken ct)
        {
            var location = await GetOrCreateAsync(unitCode, requireKeeper: true, ct);
            return location.IsSuccess ? Describe(location.Value) : location.Error!;
        }

        /// <param name="token">The token the keeper saw and means to revoke: if another keeper renewed it meanwhile, nothing is revoked.</param>
        public async Task<Result<Response>> RevokeAsync(string unitCode, string? token, CancellationToken ct)
        {
            var existing = await GetOrCreateAsync(unitCode, requireKeeper: true, ct);
            if (!existing.IsSuccess)
            {
                return existing.Error!;
            }

            if (!string.IsNullOrEmpty(token) && token != existing.Value.Token)
            {
                return Error.Stale();
            }

            var user = await current.GetAsync(ct);
            existing.Value.IsActive = false;
            existing.Value.RevokedAt = time.UtcNow();
            existing.Value.RevokedBy = user.DisplayName;
            if (await db.TrySaveAsync(ct) is { } notRevoked)
            {
                return notRevoked;
            }

            return await HandleAsync(unitCode, ct);
        }

        public Response Describe(ReportLocation location)
        {
            var baseUrl = Platform.Web.PublicAddress.BaseUrl(config, http.HttpContext?.Request);
            return new Response(location.Token, $"{baseUrl}/r/{location.Token}", $"{baseUrl}/report-locations/{location.UnitCode}/poster");
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/report-locations/{unitCode}", async (string unitCode, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(unitCode, ct)).ToHttp(Results.Ok))
            .WithName("GetReportLocation")
            .WithSummary("镇街或村(社区)办公场所的线索反馈二维码:token、反映页网址、海报网址(清单管理员)")
            .Produces<Response>();
        api.MapPost("/report-locations/{unitCode}/revoke", async (string unitCode, RevokeRequest? request, Handler handler, CancellationToken ct) =>
                (await handler.RevokeAsync(unitCode, request?.Token, ct)).ToHttp(Results.Ok))
            .WithName("RevokeReportLocation")
            .WithSummary("作废旧二维码并生成新的(旧海报随即失效);token 为要作废的二维码令牌,已被他人作废时返回 409")
            .Produces<Response>();
    }
}
