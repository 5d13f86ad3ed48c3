using Jianfu.Modules.Assessment.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>
/// A member of the group casts their one ballot: a grade for every assessed unit. That they voted is recorded on
/// their name; what they voted is stored apart, under random keys and with no voter, in the same transaction.
/// </summary>
public static class CastBallot
{
    /// <param name="Grades">Unit code → 1 优秀, 2 良好, 3 一般, 4 较差.</param>
    public sealed record Request(IReadOnlyDictionary<string, int>? Grades);

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access, TimeProvider time)
    {
        public async Task<Error?> HandleAsync(int ballotId, Request r, CancellationToken ct)
        {
            var user = await access.UserAsync(ct);
            var ballot = await db.Ballots.Include(b => b.Voters).FirstOrDefaultAsync(b => b.Id == ballotId, ct);
            var voter = ballot?.Voters.FirstOrDefault(v => v.UserId == user.UserId);
            if (ballot is null || voter is null)
            {
                return Error.NotFound("没有请您参加的这项民主测评。");
            }

            if (ballot.IsClosed)
            {
                return Error.Conflict("这项民主测评已经结束。");
            }

            if (voter.VotedAt is not null)
            {
                return Error.Conflict("您已经投过票了,每人只能投一次。");
            }

            var set = await db.IndicatorSets.AsNoTracking().FirstAsync(s => s.Id == ballot.SetId, ct);
            var district = (await access.Directory.FindUnitAsync(ballot.DistrictId, ct))!;
            var units = await access.AssessedAsync(district, set.Level, ct);
            var grades = r.Grades ?? new Dictionary<string, int>();
            if (units.Any(u => !grades.ContainsKey(u.Code)) || grades.Keys.Any(k => units.All(u => u.Code != k)) || grades.Values.Any(g => !Enum.IsDefined((BallotGrade)g)))
            {
                return Error.Validation("grades", $"请为全部{units.Count}个单位各选一个等次(1优秀、2良好、3一般、4较差)。");
            }

            voter.VotedAt = time.UtcNow();
            db.BallotMarks.AddRange(units.OrderBy(_ => Random.Shared.Next()).Select(u => new BallotMark { Id = Guid.NewGuid(), BallotId = ballot.Id, AssessedId = u.Id, Grade = (BallotGrade)grades[u.Code] }));
            return await db.TrySaveAsync(ct);
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/assessment/ballots/{id:int}/votes", async (int id, Request request, Handler handler, CancellationToken ct) =>
                await handler.HandleAsync(id, request, ct) is { } error ? error.ToProblem() : Results.NoContent())
            .WithName("CastBallot")
            .WithSummary("投民主测评票:为每个被测评单位选一个等次(1优秀、2良好、3一般、4较差);每人一票,不记录谁投了什么")
            .Produces(StatusCodes.Status204NoContent);
}
