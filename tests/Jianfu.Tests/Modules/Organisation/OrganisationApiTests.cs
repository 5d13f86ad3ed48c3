using System.Net;
using Jianfu.Modules.Organisation;
using Jianfu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Tests.Modules.Organisation;

public abstract class OrganisationApiTests(JianfuFactory factory)
{
    [Fact]
    public async Task Login_AnswersAWrongPasswordALockedAccountAndAnUnknownNameAlike_AndTheServerCanUnlock()
    {
        var name = await factory.CreateUserAsync(Jianfu.Modules.Organisation.Contracts.Role.Cadre, "330602108200");
        using var client = factory.Anonymous();
        var unknown = (await client.PostAsync("/api/v1/auth/login", new { userName = "no-such-user-" + name, password = "wrong-password" })).Expect(HttpStatusCode.Unauthorized);
        for (var i = 0; i < 5; i++)
        {
            var reply = (await client.PostAsync("/api/v1/auth/login", new { userName = name, password = "wrong-password" })).Expect(HttpStatusCode.Unauthorized);
            Assert.Equal(unknown.Json.Str("title"), reply.Json.Str("title"));
            Assert.Equal(unknown.Json.Str("code"), reply.Json.Str("code"));
        }

        // Locked now, and the answer to the right password says no more than the answer for a name that does not exist.
        var locked = (await client.PostAsync("/api/v1/auth/login", new { userName = name, password = "Demo-2026" })).Expect(HttpStatusCode.Unauthorized);
        Assert.Equal(unknown.Json.Str("title"), locked.Json.Str("title"));
        Assert.True(await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == name).Select(u => u.LockoutEnd > DateTimeOffset.UtcNow).SingleAsync()));

        // The recovery documented in docs/operations.md: `jianfu users unlock NAME` on the server.
        Assert.Equal(0, await factory.WithServiceAsync<IServiceProvider, int>(sp => Jianfu.Modules.Organisation.UserCommands.UnlockAsync(sp, name, CancellationToken.None)));
        (await client.PostAsync("/api/v1/auth/login", new { userName = name, password = "Demo-2026" })).Expect(HttpStatusCode.OK);
        Assert.Equal(2, await factory.WithServiceAsync<IServiceProvider, int>(sp => Jianfu.Modules.Organisation.UserCommands.UnlockAsync(sp, "no-such-user", CancellationToken.None)));
    }

    [Fact]
    public async Task UsersAdd_OnTheCommandLine_IsTheAdminPagesUseCase_WithItsChecksAndHistory()
    {
        Environment.SetEnvironmentVariable("JIANFU_NEW_PASSWORD", "Cli-Passw0rd-2026");
        Task<int> Add(string name, params (string Key, string Value)[] options) => factory.WithServiceAsync<IServiceProvider, int>(sp =>
            Jianfu.Modules.Organisation.UserCommands.AddAsync(sp, name, options.ToDictionary(o => o.Key, o => o.Value), CancellationToken.None));

        // A secretary belongs to a community, a dispatcher to a department that exists: refused as on the admin page, nothing made.
        Assert.Contains("不能授予", (await Assert.ThrowsAsync<Jianfu.Platform.Errors.CommandException>(() => Add("cli-wrong-level", ("role", "Secretary"), ("unit", "330602")))).Message);
        Assert.Contains("没有名为", (await Assert.ThrowsAsync<Jianfu.Platform.Errors.CommandException>(() =>
            Add("cli-no-department", ("role", "Dispatcher"), ("unit", "330602108"), ("department", "不存在的办")))).Message);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName!.StartsWith("cli-"))));

        Assert.Equal(0, await Add("cli-secretary", ("role", "Secretary"), ("unit", "330602108200"), ("display-name", "命令行书记")));
        using var client = factory.Anonymous();
        (await client.PostAsync("/api/v1/auth/login", new { userName = "cli-secretary", password = "Cli-Passw0rd-2026" })).Expect(HttpStatusCode.OK);
        Assert.True(await factory.WithDbAsync(db => db.OrganisationHistory.AnyAsync(h => h.Actor == "命令行" && h.Action == "新增用户 cli-secretary")));
    }

    [Fact]
    public async Task Login_ReturnsTokenAndExpiry_AndMeShowsRoleAndUnit()
    {
        using var anonymous = factory.Anonymous();
        var token = (await anonymous.PostAsync("/api/v1/auth/login", new { userName = "reviewer", password = "Demo-2026" })).Expect(HttpStatusCode.OK).Json;
        Assert.False(string.IsNullOrEmpty(token.Str("accessToken")));
        Assert.True(DateTime.Parse(token.Str("expiresAt"), System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime() > DateTime.UtcNow.AddHours(1));

        using var reviewer = await factory.LoginAsync("reviewer");
        var me = (await reviewer.GetAsync("/api/v1/me")).Expect(HttpStatusCode.OK).Json;
        Assert.Equal("reviewer", me.Str("userName"));
        Assert.Equal("330602108", me.Str("unitCode"));
        Assert.Equal(["Reviewer"], me.Items("roles").Select(r => r.GetValue<string>()));
    }

    [Fact]
    public async Task Units_ListDistrictsThenChildrenByLevel()
    {
        using var client = await factory.LoginAsync("secretary");
        var districts = (await client.GetAsync("/api/v1/units")).Expect(HttpStatusCode.OK).Json.Items().ToList();
        Assert.Contains(districts, d => d.Str("code") == "330602" && d.Str("level") == "district" && d.Str("name") == "越城区");
        var townships = (await client.GetAsync("/api/v1/units?parent=330602")).Json.Items().ToList();
        Assert.Equal(4, townships.Count);
        Assert.All(townships, t => Assert.Equal("township", t.Str("level")));
        var villages = (await client.GetAsync("/api/v1/units?parent=330602108")).Json.Items().ToList();
        Assert.Equal(15, villages.Count);
        Assert.Contains(villages, v => v.Str("code") == "330602108200" && v.Str("name") == "富盛村委会" && v.Str("level") == "community");
        (await client.GetAsync("/api/v1/units?parent=000000")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ImportDivisions_IsIdempotent_AndSkipsPlaceholders()
    {
        var shanghai = SharedData.Path("divisions", "shanghai.csv");
        var first = await factory.WithServiceAsync<ImportDivisions, ImportDivisions.Report>(import =>
            import.ImportAsync(new StreamReader(shanghai), "310104", "test", CancellationToken.None));
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.True(first.Added > 100, first.Summary);
        var second = await factory.WithServiceAsync<ImportDivisions, ImportDivisions.Report>(import =>
            import.ImportAsync(new StreamReader(shanghai), "310104", "test", CancellationToken.None));
        Assert.Equal(0, second.Added);
        Assert.Equal(first.Added, second.Unchanged);

        var placeholders = await factory.WithServiceAsync<ImportDivisions, ImportDivisions.Report>(import =>
            import.ImportAsync(new StreamReader(shanghai), "310115", "test", CancellationToken.None));
        Assert.Contains(placeholders.Notices, n => n.Contains("虚拟社区", StringComparison.Ordinal) || n.Contains("虚拟生活区", StringComparison.Ordinal));
        var stored = await factory.WithDbAsync(db => db.Units.CountAsync(u => u.Name.Contains("虚拟")));
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task ImportDivisions_WithABadRow_ImportsNothing()
    {
        var csv = "code,name,level,parent_code\n440101,测试区,district,4401\n440101001,测试街道,street,440101\n44010100100X,坏代码,village,440101001\n";
        var report = await factory.WithServiceAsync<ImportDivisions, ImportDivisions.Report>(import =>
            import.ImportAsync(new StringReader(csv), null, "test", CancellationToken.None));
        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => e.Contains("第4行", StringComparison.Ordinal));
        Assert.False(await factory.WithDbAsync(db => db.Units.AnyAsync(u => u.Code == "440101")));
    }
}

public sealed class OrganisationApiTests_Sqlite(SqliteFactory factory) : OrganisationApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class OrganisationApiTests_Postgres(PostgresFactory factory) : OrganisationApiTests(factory), IClassFixture<PostgresFactory>;
