using Jianfu.Modules.Assessment.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>The assessment office sets the three to five questions residents answer about their community.</summary>
public static class SetRatingQuestions
{
    public sealed record Request(string? District, IReadOnlyList<string>? Questions);

    public sealed record Response(string District, IReadOnlyList<string> Questions);

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access, SubmitRating.Handler ratings, TimeProvider time)
    {
        public async Task<Result<Response>> GetAsync(string? districtCode, CancellationToken ct)
        {
            var user = await access.UserAsync(ct);
            var district = string.IsNullOrWhiteSpace(districtCode) ? null : await access.Directory.FindUnitAsync(districtCode.Trim(), ct);
            if (district is null || !AssessmentAccess.Reads(user, district))
            {
                return Error.NotFound("请填写本区的行政区划代码。");
            }

            return new Response(district.Code, await ratings.QuestionsAsync(district.Id, ct));
        }

        public async Task<Result<Response>> HandleAsync(Request r, CancellationToken ct)
        {
            var keeper = await access.KeeperOfAsync(r.District, ct);
            if (!keeper.IsSuccess)
            {
                return keeper.Error!;
            }

            var (user, district) = keeper.Value;
            var questions = (r.Questions ?? []).Select(q => q?.Trim() ?? "").Where(q => q.Length > 0).ToList();
            if (questions.Count is < RatingQuestionnaire.MinQuestions or > RatingQuestionnaire.MaxQuestions ||
                questions.Any(q => q.Length > RatingQuestionnaire.MaxQuestion || q.Contains('\n')) || questions.Distinct().Count() != questions.Count)
            {
                return Error.Validation("questions", $"请设置{RatingQuestionnaire.MinQuestions}至{RatingQuestionnaire.MaxQuestions}个不重复的问题,每个不超过{RatingQuestionnaire.MaxQuestion}字。");
            }

            var now = time.UtcNow();
            var questionnaire = await db.RatingQuestionnaires.FirstOrDefaultAsync(q => q.DistrictId == district.Id, ct);
            if (questionnaire is null)
            {
                questionnaire = new RatingQuestionnaire { DistrictId = district.Id, Questions = "", UpdatedBy = "" };
                db.RatingQuestionnaires.Add(questionnaire);
            }

            questionnaire.Questions = string.Join('\n', questions);
            questionnaire.UpdatedAt = now;
            questionnaire.UpdatedBy = AssessmentAccess.ActorOf(user);
            if (await access.SaveWithEventAsync(district.Id, "questionnaire", () => questionnaire.Id, user, now, "设置群众评价问题", string.Join(";", questions), ct) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(district.Code, questions);
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/assessment/rating-questions", async (string? district, Handler handler, CancellationToken ct) => (await handler.GetAsync(district, ct)).ToHttp(Results.Ok))
            .WithName("GetRatingQuestions")
            .WithSummary("本区群众评价的问题(3至5个,每题1至5分)")
            .Produces<Response>();
        api.MapPut("/assessment/rating-questions", async (Request request, Handler handler, CancellationToken ct) => (await handler.HandleAsync(request, ct)).ToHttp(Results.Ok))
            .WithName("SetRatingQuestions")
            .WithSummary("设置本区群众评价的问题(区考核办;3至5个)")
            .Produces<Response>();
    }
}
