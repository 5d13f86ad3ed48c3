using Jianfu.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Platform.Database;

/// <summary>Cases's tables on the one context; their mapping is in CasesMapping.cs beside this file.</summary>
public abstract partial class JianfuDbContext
{
    internal DbSet<CommunityCase> Cases => Set<CommunityCase>();
}
