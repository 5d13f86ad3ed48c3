using Jianfu.Modules.Assessment.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Assessment;

/// <summary>A democratic evaluation: for a voter, the units to grade; for the assessment office, turnout and the aggregates per unit (never a ballot).</summary>
public static class GetBallot
{
    public sealed record UnitRef(string Code, string Name);

    public sealed record UnitTally(string UnitCode, string Name, int Excellent, int Good, int Fair, int Poor, decimal? Rate);

    public sealed record Response(
        int Id, int SetId, string Title, bool Closed, int Voters, int Voted, bool CanVote, bool HasVoted, IReadOnlyList<UnitRef> Units,
        IReadOnlyList<UnitTally>? Results);

    internal sealed class Handler(JianfuDbContext db, AssessmentAccess access, TimeProvider time)
    {
        public async Task<Result<Response>> HandleAsync(int id, CancellationToken ct)
        {
            var user = await access.UserAsync(ct);
            var ballot = await db.Ballots.AsNoTracking().Include(b => b.Voters).FirstOrDefaultAsync(b => b.Id == id, ct);
            var district = ballot is null ? null : await access.Directory.FindUnitAsync(ballot.DistrictId, ct);
            var voter = ballot?.Voters.FirstOrDefault(v => v.UserId == user.UserId);
            var keeper = district is not null && AssessmentAccess.Keeps(user, district);
            if (ballot is null || district is null || (voter is null && !keeper))
            {
                return Error.NotFound("没有这项民主测评。");
            }

            var set = await db.IndicatorSets.AsNoTracking().FirstAsync(s => s.Id == ballot.SetId, ct);
            var units = await access.AssessedAsync(district, set.Level, ct);
            List<UnitTally>? results = null;
            // Only once it is closed: tallies watched while votes come in would tell who voted what.
            if (keeper && ballot.IsClosed)
            {
                var marks = await db.BallotMarks.AsNoTracking().Where(m => m.BallotId == id).GroupBy(m => new { m.AssessedId, m.Grade })
                    .Select(g => new { g.Key.AssessedId, g.Key.Grade, Count = g.Count() }).ToListAsync(ct);
                results = units.Select(u =>
                {
                    int Of(BallotGrade g) => marks.Where(m => m.AssessedId == u.Id && m.Grade == g).Sum(m => m.Count);
                    var total = marks.Where(m => m.AssessedId == u.Id).Sum(m => m.Count);
                    var rate = total == 0 ? (decimal?)null : ScoringScheme.Round(marks.Where(m => m.AssessedId == u.Id).Sum(m => m.Grade.Fraction() * m.Count) / total * 100m);
                    return new UnitTally(u.Code, u.Name, Of(BallotGrade.Excellent), Of(BallotGrade.Good), Of(BallotGrade.Fair), Of(BallotGrade.Poor), rate);
                }).ToList();
            }

            return new Response(ballot.Id, ballot.SetId, ballot.Title, ballot.IsClosed, ballot.Voters.Count, ballot.Voters.Count(v => v.VotedAt != null),
                voter is { VotedAt: null } && !ballot.IsClosed, voter?.VotedAt is not null, units.Select(u => new UnitRef(u.Code, u.Name)).ToList(), results);
        }

        public async Task<Error?> CloseAsync(int id, CancellationToken ct)
        {
            var user = await access.UserAsync(ct);
            var ballot = await db.Ballots.FirstOrDefaultAsync(b => b.Id == id, ct);
            var district = ballot is null ? null : await access.Directory.FindUnitAsync(ballot.DistrictId, ct);
            if (ballot is null || district is null || !AssessmentAccess.Keeps(user, district))
            {
                return Error.NotFound("没有这项民主测评。");
            }

            if (ballot.IsClosed)
            {
                return Error.Conflict("这项民主测评已经结束。");
            }

            var now = time.UtcNow();
            ballot.IsClosed = true;
            ballot.ClosedAt = now;
            return await access.SaveWithEventAsync(district.Id, "ballot", () => ballot.Id, user, now, "结束民主测评", ballot.Title, ct);
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/assessment/ballots/{id:int}", async (int id, Handler handler, CancellationToken ct) => (await handler.HandleAsync(id, ct)).ToHttp(Results.Ok))
            .WithName("GetBallot")
            .WithSummary("民主测评:参加人员看到要测评的单位;区考核办看到投票人数,结束后看到各单位的汇总结果(不显示任何个人的选票)")
            .Produces<Response>();
        api.MapPost("/assessment/ballots/{id:int}/close", async (int id, Handler handler, CancellationToken ct) =>
                await handler.CloseAsync(id, ct) is { } error ? error.ToProblem() : Results.NoContent())
            .WithName("CloseBallot")
            .WithSummary("结束民主测评(区考核办)")
            .Produces(StatusCodes.Status204NoContent);
    }
}
