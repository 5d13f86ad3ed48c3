using Jianfu.Modules.Assessment.Domain;
using Jianfu.Modules.Notifications.Contracts;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;

namespace Jianfu.Modules.Assessment;

/// <summary>The assessment office opens a democratic evaluation (民主测评) of a published set's units among a named group of users.</summary>
public static class CreateBallot
{
    /// <param name="Voters">The user names of the group; each casts one ballot.</param>
    public sealed record Request(string? Title, IReadOnlyList<string>? Voters);

    public sealed record Response(int Id, int Voters);

    public const int MaxVoters = 2000;

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access, INotifier notifier, TimeProvider time)
    {
        public async Task<Result<Response>> HandleAsync(int setId, Request r, CancellationToken ct)
        {
            var found = await access.SetToKeepAsync(setId, ct);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            var (user, district, set) = found.Value;
            if (set.Status != SetStatus.Published)
            {
                return Error.Conflict("只有已发布的指标体系可以组织民主测评。");
            }

            if (!set.Indicators.Any(i => i.Source == IndicatorSource.Democratic))
            {
                return Error.Validation("title", "这个指标体系没有民主测评指标。");
            }

            var title = r.Title?.Trim() ?? "";
            if (title.Length is 0 or > Ballot.MaxTitle)
            {
                return Error.Validation("title", $"请填写测评名称(不超过{Ballot.MaxTitle}字)。");
            }

            var names = (r.Voters ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct().ToList();
            if (names.Count is < 3 or > MaxVoters)
            {
                return Error.Validation("voters", $"参加测评的人员应为3至{MaxVoters}人(填写用户名)。");
            }

            var voters = new List<BallotVoter>();
            foreach (var name in names)
            {
                var voter = await access.Directory.FindUserAsync(name, ct);
                if (voter is null)
                {
                    return Error.Validation("voters", $"用户“{name}”不存在。");
                }

                voters.Add(new BallotVoter { UserId = voter.Id, DisplayName = voter.DisplayName });
            }

            var now = time.UtcNow();
            var ballot = new Ballot { SetId = set.Id, DistrictId = district.Id, Title = title, CreatedAt = now, CreatedBy = AssessmentAccess.ActorOf(user), Voters = voters };
            db.Ballots.Add(ballot);
            if (await access.SaveWithEventAsync(district.Id, "ballot", () => ballot.Id, user, now, "发起民主测评", $"{title},{voters.Count}人", ct, async () =>
                {
                    await db.SaveChangesAsync(ct);
                    voters.ForEach(v => notifier.Queue(v.UserId, "ballot", "请参加民主测评", title, $"/assessment/ballots/{ballot.Id}"));
                }) is { } notSaved)
            {
                return notSaved;
            }

            return new Response(ballot.Id, voters.Count);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/assessment/sets/{id:int}/ballots", async (int id, Request request, Handler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, request, ct)).ToHttp(r => Results.Created($"/api/v1/assessment/ballots/{r.Id}", r)))
            .WithName("CreateBallot")
            .WithSummary("发起民主测评:参加人员(用户名)每人一票,只公布汇总结果(区考核办)")
            .Produces<Response>(StatusCodes.Status201Created);
}
