using Jianfu.Modules.Assessment.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Jianfu.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// A resident rates a community from its QR code, without logging in: the district's three to five questions, each
/// 1–5, and an optional comment. Every accepted rating is stored (by <see cref="RatingWriter"/>, before the 201); one
/// that trips the limits is kept but not counted:
/// a second rating of the community from the same device in a month, or more than
/// Jianfu:Assessment:RatingsPerAddressPerDay (default 20) from one address in a day. Bursts are refused with 429
/// (Jianfu:Assessment:RatingsPerAddressPerMinute, default 10; RatingsPerPosterPerMinute, default 600).
/// Neither device nor address is stored: only keys made from them with the poster's secret.
/// </summary>
public static class SubmitRating
{
    /// <param name="Device">The phone's rating cookie (the page sends it); without it the address and browser stand for the device.</param>
    public sealed record Request(string? Token, IReadOnlyList<int>? Answers, string? Comment, string? Device = null);

    public sealed record Response(long Id, bool Counted, string Message);

    /// <summary>What the rating page shows: the community, the questions, and how a rating is used.</summary>
    public sealed record Form(string UnitName, IReadOnlyList<string> Questions);

    internal sealed class Limits(IConfiguration config) : IDisposable
    {
        public PerMinuteLimiter ByAddress { get; } = new(config.GetValue("Jianfu:Assessment:RatingsPerAddressPerMinute", 10));

        public PerMinuteLimiter ByPoster { get; } = new(config.GetValue("Jianfu:Assessment:RatingsPerPosterPerMinute", 600));

        public int PerAddressPerDay { get; } = Math.Max(1, config.GetValue("Jianfu:Assessment:RatingsPerAddressPerDay", 20));

        public void Dispose()
        {
            ByAddress.Dispose();
            ByPoster.Dispose();
        }
    }

    internal sealed class Handler(JianfuDbContext db, Limits limits, RatingWriter writer, TimeProvider time)
    {
        private static readonly CompiledQuery<string, RatingPoster?> PosterByToken = new(() =>
            EF.CompileAsyncQuery((JianfuDbContext db, string token, CancellationToken ct) => db.RatingPosters.AsNoTracking().FirstOrDefault(p => p.Token == token)));

        /// <summary>Never cached: a revoked poster stops taking ratings at once, on every node.</summary>
        private async Task<RatingPoster?> PosterAsync(string? token, CancellationToken ct) =>
            token?.Trim() is { Length: > 0 and <= 32 } t && await PosterByToken.RunAsync(db, t, ct) is { IsActive: true } poster ? poster : null;

        private static readonly CompiledQuery<int, string?> QuestionsOf = new(() =>
            EF.CompileAsyncQuery((JianfuDbContext db, int district, CancellationToken ct) => db.RatingQuestionnaires.AsNoTracking().Where(q => q.DistrictId == district).Select(q => q.Questions).FirstOrDefault()));

        public async Task<IReadOnlyList<string>> QuestionsAsync(int districtId, CancellationToken ct) =>
            await QuestionsOf.RunAsync(db, districtId, ct) is { } text
                ? text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : RatingQuestionnaire.Default;

        public async Task<Form?> FormAsync(string? token, CancellationToken ct) =>
            await PosterAsync(token, ct) is { } poster ? new Form(poster.UnitName, await QuestionsAsync(poster.DistrictId, ct)) : null;

        public async Task<Result<Response>> HandleAsync(Request r, string? address, string? browser, CancellationToken ct)
        {
            var poster = await PosterAsync(r.Token, ct);
            if (poster is null)
            {
                return Error.NotFound("二维码无效或已停用,请扫描村(社区)张贴的最新二维码。");
            }

            if ((limits.ByPoster.Refusal(poster.Token) ?? limits.ByAddress.Refusal(address ?? "unknown")) is { } wait)
            {
                return new Error("rate-limited", "提交过于频繁,请稍后再试。", StatusCodes.Status429TooManyRequests) { RetryAfter = wait };
            }

            var questions = await QuestionsAsync(poster.DistrictId, ct);
            if (r.Answers is not { } answers || answers.Count != questions.Count || answers.Any(a => a is < 1 or > 5))
            {
                return new Error("answers-invalid", $"请为全部{questions.Count}个问题打分,每题1至5分。");
            }

            var comment = string.IsNullOrWhiteSpace(r.Comment) ? null : r.Comment.Trim();
            if (comment?.Length > Rating.MaxComment)
            {
                return new Error("comment-too-long", $"意见建议不超过{Rating.MaxComment}字,当前{comment.Length}字。");
            }

            // Checked here, before the writer: a rating it could not store would answer the resident with a server error.
            if (comment is not null && StoredText.Problem(comment) is { } problem)
            {
                return new Error("comment-invalid", $"意见建议{problem},请删去后再提交。");
            }

            var now = time.UtcNow();
            var month = Rating.MonthOf(now.ChinaDate());
            var device = poster.Pseudonym(string.IsNullOrWhiteSpace(r.Device) ? $"{address}|{browser}" : r.Device.Trim(), month);
            var addressKey = poster.Pseudonym(address ?? "unknown", month);
            var rating = new Rating
            {
                PosterId = poster.Id, DistrictId = poster.DistrictId, UnitId = poster.UnitId, Month = month, At = now, Answers = string.Join(',', answers),
                Average = answers.Average(), Comment = comment, DeviceKey = device, AddressKey = addressKey,
            };
            // Whether it counts is decided by the one writer, against what is stored: two ratings of one phone at once count once.
            await writer.StoreAsync(rating, CancellationToken.None);
            return new Response(rating.Id, rating.Counted, rating.Counted ? "感谢您的评价!评价计入本村(社区)本月的群众满意度。"
                : rating.NotCountedReason == Rating.DeviceAlreadyCounted ? "感谢您的评价!本月您已评价过这个村(社区),这次的评价已收到,但每部手机每月只计一次。"
                : "感谢您的评价!同一网络今天的评价已经很多,这次的评价已收到,但不计入满意度。");
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/ratings", async (Request request, Handler handler, HttpContext http, CancellationToken ct) =>
                (await handler.HandleAsync(request, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString(), ct))
                .ToHttp(r => Results.Created($"/api/v1/ratings/{r.Id}", r)))
            .AllowAnonymous()
            .WithName("SubmitRating")
            .WithSummary("群众评价村(社区)(无需登录,凭二维码 token):answers 为各题1至5分,comment 可选;同一设备每月计一次,过于频繁返回 429")
            .Produces<Response>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
