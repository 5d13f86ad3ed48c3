using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Organisation.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Files;
using Jianfu.Platform.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static Jianfu.Modules.Organisation.Contracts.DemoOrganisation;

namespace Jianfu.Modules.Organisation;

/// <summary>
/// The demo district (<see cref="DemoOrganisation"/>): 越城区 of Shaoxing with four real townships and their 48
/// communities (NBS 2023 codes), their departments and the demo accounts. The first demo data to be written, and the
/// last: <see cref="MarkSeededAsync"/> records that the whole demo is in.
/// </summary>
internal sealed class OrganisationDemo(JianfuDbContext db, ImportDivisions divisions, UserManager<AppUser> users, TimeProvider time)
{
    private static readonly Dictionary<string, string[]> Departments = new()
    {
        [DistrictCode] = ["区委社会工作部", "区民政局", "区卫生健康局", "区农业农村局", "区住房和城乡建设局", "区应急管理局", "区综合行政执法局", "区人力社保局",
            "区生态环境分局", "区交通运输局", "区教育体育局", "区商务局", "区委组织部", "区委宣传部", "区委统战部", "区委政法委", "区纪委监委", "区发展和改革局",
            "区财政局", "区经济和信息化局", "区科技局", "区司法局", "区信访局", "区文化广电旅游局", "区市场监督管理局", "区统计局", "区审计局", "区退役军人事务局"],
        [TownshipCode] = ["党政办公室", "村镇建设和管理办公室", "社会事务办公室", "综合行政执法队", "便民服务中心", "平安建设办公室", "农业农村办公室"],
        ["330602001"] = ["党政办公室", "城市管理办公室", "社区事务受理服务中心", "综合行政执法队", "平安建设办公室"],
        ["330602002"] = ["党政办公室", "城市管理办公室", "社区事务受理服务中心", "综合行政执法队", "平安建设办公室"],
        ["330602016"] = ["党政办公室", "村镇建设和管理办公室", "社会事务办公室", "综合行政执法队", "农业农村办公室"],
    };

    private const string Marker = "初始化演示数据";

    /// <summary>Demo data goes only into a database without any unit.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken ct) => !await db.Units.AnyAsync(ct);

    public Task<bool> IsPresentAsync(CancellationToken ct) => db.OrganisationHistory.AnyAsync(h => h.Action == Marker, ct);

    public async Task SeedAsync(CancellationToken ct)
    {
        using (var reader = EmbeddedFile.OpenDemo(typeof(OrganisationDemo), "divisions-yuecheng.csv"))
        {
            var report = await divisions.ImportAsync(reader, null, Actor, ct);
            if (!report.Succeeded)
            {
                throw new InvalidOperationException("Demo divisions failed to import: " + string.Join("; ", report.Errors));
            }
        }

        var units = await db.Units.ToDictionaryAsync(u => u.Code, ct);
        var now = time.UtcNow();
        foreach (var (unit, names) in Departments)
        {
            db.Departments.AddRange(names.Select(n => new Department { UnitId = units[unit].Id, Name = n, UpdatedAt = now }));
        }

        await db.SaveChangesAsync(ct);
        var departments = await db.Departments.ToListAsync(ct);
        foreach (var account in Accounts)
        {
            var user = new AppUser { UserName = account.UserName, DisplayName = account.DisplayName, LockoutEnabled = true };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            var unit = units[account.Unit];
            db.RoleGrants.Add(new RoleGrant
            {
                UserId = user.Id,
                Role = account.Role,
                UnitId = unit.Id,
                DepartmentId = account.Department is null ? null : departments.Single(d => d.UnitId == unit.Id && d.Name == account.Department).Id,
                GrantedAt = now,
                GrantedBy = Actor,
            });
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task MarkSeededAsync(CancellationToken ct)
    {
        db.OrganisationHistory.Add(new OrganisationHistory { At = time.UtcNow(), Actor = Actor, Action = Marker });
        await db.SaveChangesAsync(ct);
    }
}
