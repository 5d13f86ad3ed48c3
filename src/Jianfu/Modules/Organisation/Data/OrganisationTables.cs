using Jianfu.Modules.Organisation.Domain;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Platform.Database;

/// <summary>
/// Organisation's tables on the one context; their mapping is in OrganisationMapping.cs beside this file. The
/// accounts are Identity's tables with Organisation's user type, so this part also says what the context derives from.
/// </summary>
public abstract partial class JianfuDbContext : IdentityDbContext<AppUser>
{
    internal DbSet<Unit> Units => Set<Unit>();

    internal DbSet<Department> Departments => Set<Department>();

    internal DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();

    internal DbSet<OrganisationHistory> OrganisationHistory => Set<OrganisationHistory>();
}
