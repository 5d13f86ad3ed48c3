using System.Net;
using Jianfu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Tests.Modules.Assessment;

/// <summary>Residents' ratings from a community's QR code, without logging in, on SQLite and PostgreSQL.</summary>
public abstract class RatingsApiTests(JianfuFactory factory)
{
    private async Task<string> TokenAsync(string community)
    {
        using var assessor = await factory.LoginAsync("assessor");
        return (await assessor.GetAsync($"/api/v1/assessment/rating-posters/{community}")).Expect(HttpStatusCode.OK).Json.Str("token");
    }

    private Task<int> PosterAsync(string token) => factory.WithDbAsync(db => db.RatingPosters.Where(p => p.Token == token).Select(p => p.Id).SingleAsync());

    private static object Rating(string token, int[] answers, string? device, string? comment = null) => new { token, answers, comment, device };

    [Fact]
    public async Task AResident_Rates_OncePerDeviceAMonth_AndBadAnswersChangeNothing()
    {
        var token = await TokenAsync("330602108210");
        using var resident = factory.Anonymous();
        var first = (await resident.PostAsync("/api/v1/ratings", Rating(token, [5, 4, 4, 5], "phone-a", "干部办事很及时"))).Expect(HttpStatusCode.Created).Json;
        Assert.True(first["counted"]!.GetValue<bool>());
        var again = (await resident.PostAsync("/api/v1/ratings", Rating(token, [1, 1, 1, 1], "phone-a"))).Expect(HttpStatusCode.Created).Json;
        Assert.False(again["counted"]!.GetValue<bool>());
        Assert.Contains("每部手机每月只计一次", again.Str("message"));
        (await resident.PostAsync("/api/v1/ratings", Rating(token, [5, 4, 4], "phone-b"))).Expect(HttpStatusCode.UnprocessableEntity);
        (await resident.PostAsync("/api/v1/ratings", Rating(token, [5, 4, 4, 6], "phone-b"))).Expect(HttpStatusCode.UnprocessableEntity);
        (await resident.PostAsync("/api/v1/ratings", Rating(token, [5, 4, 4, 4], "phone-b", new string('长', 301)))).Expect(HttpStatusCode.UnprocessableEntity);
        (await resident.PostRawAsync("/api/v1/ratings", "{\"token\":\"" + token + "\",\"answers\":\"五星\"}")).Expect(HttpStatusCode.BadRequest);
        (await resident.PostAsync("/api/v1/ratings", Rating("no-such-token", [5, 5, 5, 5], "phone-b"))).Expect(HttpStatusCode.NotFound);

        var poster = await PosterAsync(token);
        var stored = await factory.WithDbAsync(db => db.Ratings.Where(r => r.PosterId == poster).Select(r => new { r.Counted, r.Answers, r.DeviceKey }).ToListAsync());
        Assert.Equal(2, stored.Count);
        Assert.Equal(1, stored.Count(r => r.Counted));
        // Neither the device nor the address is kept: only a key made from it with the poster's secret.
        Assert.DoesNotContain(stored, r => r.DeviceKey.Contains("phone-a"));
    }

    [Fact]
    public async Task ManyRatingsFromOneAddressInADay_AreKeptButNotCounted_AndABurstIsRefused()
    {
        var token = await TokenAsync("330602108220");
        using var resident = factory.Anonymous();
        var counted = new List<bool>();
        // The test factory allows five counted ratings per address and day, and twenty per poster and minute.
        for (var k = 0; k < 7; k++)
        {
            counted.Add((await resident.PostAsync("/api/v1/ratings", Rating(token, [4, 4, 4, 4], $"device-{k}"))).Expect(HttpStatusCode.Created).Json["counted"]!.GetValue<bool>());
        }

        Assert.Equal([true, true, true, true, true, false, false], counted);
        var statuses = new List<HttpStatusCode>();
        for (var k = 0; k < 20; k++)
        {
            statuses.Add((await resident.PostAsync("/api/v1/ratings", Rating(token, [4, 4, 4, 4], $"burst-{k}"))).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        var poster = await PosterAsync(token);
        Assert.Equal(7 + statuses.Count(s => s == HttpStatusCode.Created), await factory.WithDbAsync(db => db.Ratings.CountAsync(r => r.PosterId == poster)));
    }

    [Fact]
    public async Task ARevokedPoster_StopsAtOnce_AndOnlyTheOfficeOrTheSecretaryPrintsIt()
    {
        const string community = "330602108224";
        var token = await TokenAsync(community);
        using var assessor = await factory.LoginAsync("assessor");
        var renewed = (await assessor.PostAsync($"/api/v1/assessment/rating-posters/{community}/revoke", new { token })).Expect(HttpStatusCode.OK).Json.Str("token");
        Assert.NotEqual(token, renewed);
        (await assessor.PostAsync($"/api/v1/assessment/rating-posters/{community}/revoke", new { token })).Expect(HttpStatusCode.Conflict);
        using var resident = factory.Anonymous();
        (await resident.PostAsync("/api/v1/ratings", Rating(token, [5, 5, 5, 5], "phone"))).Expect(HttpStatusCode.NotFound);
        (await resident.PostAsync("/api/v1/ratings", Rating(renewed, [5, 5, 5, 5], "phone"))).Expect(HttpStatusCode.Created);

        using var secretary = await factory.LoginAsync("secretary");
        (await secretary.GetAsync($"/api/v1/assessment/rating-posters/{TestData.Village}")).Expect(HttpStatusCode.OK);
        (await secretary.GetAsync($"/api/v1/assessment/rating-posters/{community}")).Expect(HttpStatusCode.Forbidden);
        (await secretary.PostAsync($"/api/v1/assessment/rating-posters/{TestData.Village}/revoke", new { token = (string?)null })).Expect(HttpStatusCode.Forbidden);
        using var reviewer = await factory.LoginAsync("reviewer");
        (await reviewer.GetAsync($"/api/v1/assessment/rating-posters/{community}")).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TheQuestions_AreTheDistricts_ThreeToFive_AndRatingsFollowThem()
    {
        using var assessor = await factory.LoginAsync("assessor");
        (await assessor.PutAsync("/api/v1/assessment/rating-questions", new { district = TestData.DemoDistrict, questions = new[] { "只有一个问题" } })).Expect(HttpStatusCode.BadRequest);
        using var reviewer = await factory.LoginAsync("reviewer");
        (await reviewer.PutAsync("/api/v1/assessment/rating-questions", new { district = TestData.DemoDistrict, questions = new[] { "一", "二", "三" } })).Expect(HttpStatusCode.Forbidden);
        var before = (await assessor.GetAsync($"/api/v1/assessment/rating-questions?district={TestData.DemoDistrict}")).Expect(HttpStatusCode.OK).Json.Items("questions").Count();
        try
        {
            (await assessor.PutAsync("/api/v1/assessment/rating-questions", new { district = TestData.DemoDistrict, questions = new[] { "办事是否及时", "问题是否解决", "总体是否满意" } }))
                .Expect(HttpStatusCode.OK);
            var token = await TokenAsync("330602108229");
            using var resident = factory.Anonymous();
            (await resident.PostAsync("/api/v1/ratings", Rating(token, [5, 5, 5, 5], "phone"))).Expect(HttpStatusCode.UnprocessableEntity);
            (await resident.PostAsync("/api/v1/ratings", Rating(token, [5, 5, 4], "phone"))).Expect(HttpStatusCode.Created);
        }
        finally
        {
            (await assessor.PutAsync("/api/v1/assessment/rating-questions", new
            {
                district = TestData.DemoDistrict, questions = new[] { "村(社区)干部办事是否及时", "反映的问题是否得到解决", "村(社区)环境和秩序是否满意", "对村(社区)工作总体是否满意" },
            })).Expect(HttpStatusCode.OK);
        }

        Assert.Equal(4, before);
    }

    [Fact]
    public async Task CountedRatings_AreTheResidentsScore_OnTheUnitsResult()
    {
        var year = DateTime.UtcNow.AddHours(8).Year;
        var set = await factory.IndicatorSetAsync(year, "township", publish: true, "hundred", ("群众满意度", 100m, "system", "resident-rating"));
        // 陶堰街道: no other test of the class rates its communities.
        var token = await TokenAsync("330602016200");
        using var resident = factory.Anonymous();
        (await resident.PostAsync("/api/v1/ratings", Rating(token, [5, 5, 5, 5], "r1"))).Expect(HttpStatusCode.Created);
        (await resident.PostAsync("/api/v1/ratings", Rating(token, [3, 3, 3, 3], "r2"))).Expect(HttpStatusCode.Created);
        (await resident.PostAsync("/api/v1/ratings", Rating(token, [1, 1, 1, 1], "r2"))).Expect(HttpStatusCode.Created);
        using var assessor = await factory.LoginAsync("assessor");
        var line = (await assessor.GetAsync($"/api/v1/assessment/sets/{set}/units/330602016")).Expect(HttpStatusCode.OK).Json.Items("lines").Single();
        // The township's communities' counted ratings (5 and 3; the second from r2 is not counted) average 4: three quarters of the points.
        Assert.Contains("群众评价4.00分(2人次)", line.Str("basis"));
        Assert.Equal(75m, line["score"]!.GetValue<decimal>());
    }
}

public sealed class RatingsApiTests_Sqlite(SqliteFactory factory) : RatingsApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class RatingsApiTests_Postgres(PostgresFactory factory) : RatingsApiTests(factory), IClassFixture<PostgresFactory>;
