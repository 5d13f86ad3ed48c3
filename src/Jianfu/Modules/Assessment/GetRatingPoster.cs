using Jianfu.Modules.Assessment.Domain;
using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// A community's residents' rating QR code: made on first request by the district's assessment office or the
/// community's secretary (who prints it), revoked and renewed by the assessment office. One in force per community.
/// </summary>
public static class GetRatingPoster
{
    public sealed record Response(string UnitCode, string UnitName, string Token, string Url, string PosterUrl);

    public sealed record RevokeRequest(string? Token);

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access, IConfiguration config, IHttpContextAccessor http, TimeProvider time)
    {
        public async Task<Result<RatingPoster>> GetOrCreateAsync(string unitCode, CancellationToken ct)
        {
            var user = await access.UserAsync(ct);
            var unit = await access.Directory.FindUnitAsync(unitCode.Trim(), ct);
            if (unit is null || unit.Level != UnitLevel.Community)
            {
                return Error.NotFound($"单位代码“{unitCode}”不是村(社区)。");
            }

            if (!user.CanAct(Role.Assessor, unit) && !user.Grants.Any(g => g.Role == Role.Secretary && g.Unit.Id == unit.Id))
            {
                return Error.Forbidden("只有区考核办和本村(社区)书记可以打印群众评价二维码。");
            }

            var poster = await db.RatingPosters.FirstOrDefaultAsync(p => p.UnitId == unit.Id && p.IsActive, ct);
            if (poster is not null)
            {
                return poster;
            }

            var now = time.UtcNow();
            poster = new RatingPoster
            {
                Token = RatingPoster.NewToken(), Salt = RatingPoster.NewSalt(), DistrictId = unit.DistrictId, UnitId = unit.Id, UnitCode = unit.Code, UnitName = unit.Name,
                CreatedAt = now, CreatedBy = AssessmentAccess.ActorOf(user),
            };
            db.RatingPosters.Add(poster);
            if (await access.SaveWithEventAsync(unit.DistrictId, "poster", () => poster.Id, user, now, "生成群众评价二维码", unit.Name, ct) is null)
            {
                return poster;
            }

            // Asked for at the same moment by someone else: one poster is in force, and it is theirs.
            var first = await db.RatingPosters.FirstOrDefaultAsync(p => p.UnitId == unit.Id && p.IsActive, ct);
            return first is null ? Error.Stale() : first;
        }

        /// <param name="token">The token the keeper saw and means to revoke: if it was renewed meanwhile, nothing is revoked.</param>
        public async Task<Result<Response>> RevokeAsync(string unitCode, string? token, CancellationToken ct)
        {
            var poster = await GetOrCreateAsync(unitCode, ct);
            if (!poster.IsSuccess)
            {
                return poster.Error!;
            }

            var user = await access.UserAsync(ct);
            var district = await access.Directory.FindUnitAsync(poster.Value.DistrictId, ct);
            if (district is null || !AssessmentAccess.Keeps(user, district))
            {
                return Error.Forbidden("只有区考核办可以作废群众评价二维码。");
            }

            if (!string.IsNullOrEmpty(token) && token != poster.Value.Token)
            {
                return Error.Stale();
            }

            var now = time.UtcNow();
            poster.Value.IsActive = false;
            poster.Value.RevokedAt = now;
            poster.Value.RevokedBy = AssessmentAccess.ActorOf(user);
            if (await access.SaveWithEventAsync(district.Id, "poster", () => poster.Value.Id, user, now, "作废群众评价二维码", poster.Value.UnitName, ct) is { } notSaved)
            {
                return notSaved;
            }

            var renewed = await GetOrCreateAsync(unitCode, ct);
            return renewed.IsSuccess ? Describe(renewed.Value) : renewed.Error!;
        }

        public Response Describe(RatingPoster poster)
        {
            var baseUrl = Platform.Web.PublicAddress.BaseUrl(config, http.HttpContext?.Request);
            return new Response(poster.UnitCode, poster.UnitName, poster.Token, $"{baseUrl}/rate/{poster.Token}", $"{baseUrl}/assessment/rating-posters/{poster.UnitCode}");
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/assessment/rating-posters/{unitCode}", async (string unitCode, Handler handler, CancellationToken ct) =>
                (await handler.GetOrCreateAsync(unitCode, ct)).ToHttp(p => Results.Ok(handler.Describe(p))))
            .WithName("GetRatingPoster")
            .WithSummary("村(社区)的群众评价二维码:token、评价页网址、海报网址(区考核办、本村社区书记)")
            .Produces<Response>();
        api.MapPost("/assessment/rating-posters/{unitCode}/revoke", async (string unitCode, RevokeRequest? request, Handler handler, CancellationToken ct) =>
                (await handler.RevokeAsync(unitCode, request?.Token, ct)).ToHttp(Results.Ok))
            .WithName("RevokeRatingPoster")
            .WithSummary("作废群众评价二维码并生成新的(旧二维码随即失效;区考核办)")
            .Produces<Response>();
    }
}
