using System.Net;
using Jianfu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Tests.Modules.Organisation;

public abstract class AdminApiTests(JianfuFactory factory)
{
    [Theory]
    [InlineData("code,name,level,parent_code\n330602108901,新村\u0000村委会,village,330602108\n", "第2行")]
    [InlineData("code,name,level,parent_code\n330602108902,正常村委会,village,330602108\n330602108903,\"引号没有结束,village,330602108\n", "行")]
    [InlineData("code,name,level,parent_code\n330602108904,重复村委会,village,330602108\n330602108904,重复村委会,village,330602108\n", "第3行")]
    public async Task ADivisionCsvWithABadRow_IsRefusedWithItsLine_AndNothingIsImported(string csv, string line)
    {
        using var admin = await factory.LoginAsync("admin");
        var before = await factory.WithDbAsync(db => db.Units.CountAsync());
        var reply = await admin.PostFileAsync("/api/v1/admin/divisions", System.Text.Encoding.UTF8.GetBytes(csv), "divisions.csv");
        reply.Expect(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(reply.Json.Items("errors"), e => e.GetValue<string>().Contains(line, StringComparison.Ordinal));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Units.CountAsync()));
    }

    [Fact]
    public async Task Admin_CreatesAUser_WhoCanLogInWithTheGrantedRole_AndEveryChangeIsRecorded()
    {
        using var admin = await factory.LoginAsync("admin");
        var name = "newcadre" + Guid.NewGuid().ToString("N")[..6];
        (await admin.PostAsync("/api/v1/admin/users", new { userName = name, displayName = "孙网格", password = "Village-2026", role = "Cadre", unitCode = "330602108202", phone = "13800001111" }))
            .Expect(HttpStatusCode.Created);
        using var cadre = await factory.LoginAsync(name, "Village-2026");
        var me = (await cadre.GetAsync("/api/v1/me")).Json;
        Assert.Equal("330602108202", me.Str("unitCode"));

        var grant = (await admin.PostAsync($"/api/v1/admin/users/{name}/grants", new { role = "Secretary", unitCode = "330602108202" })).Expect(HttpStatusCode.Created).Json;
        (await admin.PostAsync($"/api/v1/admin/users/{name}/grants", new { role = "Secretary", unitCode = "330602108" })).Expect(HttpStatusCode.BadRequest);
        var listed = (await admin.GetAsync($"/api/v1/admin/users?q={name}")).Expect(HttpStatusCode.OK).Json.Items().Single();
        Assert.Equal(2, listed.Items("grants").Count());
        (await admin.DeleteAsync($"/api/v1/admin/users/{name}/grants/{grant.Int("id")}")).Expect(HttpStatusCode.NoContent);

        (await admin.PostAsync($"/api/v1/admin/users/{name}/account", new { action = "deactivate" })).Expect(HttpStatusCode.OK);
        using var anonymous = factory.Anonymous();
        (await anonymous.PostAsync("/api/v1/auth/login", new { userName = name, password = "Village-2026" })).Expect(HttpStatusCode.Unauthorized);

        var history = await factory.WithDbAsync(db => db.OrganisationHistory.Where(h => h.Action.Contains(name)).Select(h => h.Action).ToListAsync());
        Assert.Equal(4, history.Count);
        Assert.All(await factory.WithDbAsync(db => db.OrganisationHistory.Where(h => h.Action.Contains(name)).Select(h => h.Actor).ToListAsync()), a => Assert.Equal("系统管理员", a));
    }

    [Fact]
    public async Task CreateUser_WithBadInput_GetsChineseErrors_AndCreatesNothing()
    {
        using var admin = await factory.LoginAsync("admin");
        var weak = (await admin.PostAsync("/api/v1/admin/users", new { userName = "weakpw", displayName = "x", password = "123", role = "Cadre", unitCode = "330602108202" })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("密码", weak.Json.Str("title"));
        (await admin.PostAsync("/api/v1/admin/users", new { userName = "nodept", displayName = "x", password = "Village-2026", role = "Dispatcher", unitCode = "330602108" })).Expect(HttpStatusCode.BadRequest);
        (await admin.PostAsync("/api/v1/admin/users", new { userName = "outside", displayName = "x", password = "Village-2026", role = "Cadre", unitCode = "999999999999" })).Expect(HttpStatusCode.BadRequest);
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == "weakpw" || u.UserName == "nodept")));
    }

    [Fact]
    public async Task AdminEndpoints_AreForbiddenToOtherRoles()
    {
        foreach (var role in new[] { "catalogue", "dispatcher", "reviewer", "secretary", "cadre" })
        {
            using var client = await factory.LoginAsync(role);
            (await client.GetAsync("/api/v1/admin/users")).Expect(HttpStatusCode.Forbidden);
            (await client.PostAsync("/api/v1/admin/users", new { userName = "x" + role, displayName = "x", password = "Village-2026", role = "Admin", unitCode = "330602" })).Expect(HttpStatusCode.Forbidden);
            (await client.PostAsync("/api/v1/admin/units/330602108/departments", new { name = "越权部门" })).Expect(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Departments_AreAddedAndDeactivated_AndListed()
    {
        using var admin = await factory.LoginAsync("admin");
        var added = (await admin.PostAsync("/api/v1/admin/units/330602108/departments", new { name = "应急管理办公室" })).Expect(HttpStatusCode.Created).Json;
        (await admin.PostAsync("/api/v1/admin/units/330602108/departments", new { name = "应急管理办公室" })).Expect(HttpStatusCode.Conflict);
        (await admin.PutAsync($"/api/v1/admin/departments/{added.Int("id")}", new { isActive = false })).Expect(HttpStatusCode.OK);
        using var reviewer = await factory.LoginAsync("reviewer");
        var listed = (await reviewer.GetAsync("/api/v1/units/330602108/departments")).Expect(HttpStatusCode.OK).Json.Items().ToList();
        Assert.Contains(listed, d => d.Str("name") == "综合行政执法队");
        Assert.Contains(listed, d => d.Str("name") == "应急管理办公室" && !d["isActive"]!.GetValue<bool>());
    }
}

public sealed class AdminApiTests_Sqlite(SqliteFactory factory) : AdminApiTests(factory), IClassFixture<SqliteFactory>;

public sealed class AdminApiTests_Postgres(PostgresFactory factory) : AdminApiTests(factory), IClassFixture<PostgresFactory>;
