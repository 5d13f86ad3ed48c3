using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Organisation;

/// <summary>
/// Who acts when the district's IT team runs `jianfu users …` on the server: whoever may run commands there may
/// administer the whole installation, so the operator holds Admin over every top unit. The use cases behind the admin
/// pages then run unchanged, with their checks, their transaction and their history ("命令行" as the actor).
/// </summary>
internal sealed class CommandLineOperator(JianfuDbContext db) : ICurrentUserAccessor
{
    public const string Name = "命令行";

    public async Task<CurrentUser> GetAsync(CancellationToken ct = default)
    {
        var tops = await db.Units.AsNoTracking().Where(u => u.ParentId == null).ToListAsync(ct);
        return new CurrentUser("command-line", Name, Name, tops.Select(u => new GrantInfo(Role.Admin, u.ToInfo(), null)).ToList());
    }

    /// <summary>A use case of the admin pages (CreateUser, ManageDepartments…) with the operator acting.</summary>
    public static T Handler<T>(IServiceProvider services)
        where T : class
    {
        var db = services.GetRequiredService<JianfuDbContext>();
        return ActivatorUtilities.CreateInstance<T>(services, new AdminAccess(db, new CommandLineOperator(db)));
    }
}
