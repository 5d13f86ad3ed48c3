using Jianfu.Modules.Dispatch.Domain;
using Microsoft.EntityFrameworkCore;
using DispatchEntity = Jianfu.Modules.Dispatch.Domain.Dispatch;

namespace Jianfu.Platform.Database;

/// <summary>Dispatch's tables on the one context; their mapping is in DispatchMapping.cs beside this file.</summary>
public abstract partial class JianfuDbContext
{
    internal DbSet<DispatchEntity> Dispatches => Set<DispatchEntity>();

    internal DbSet<DispatchTarget> DispatchTargets => Set<DispatchTarget>();

    internal DbSet<CommunityTask> CommunityTasks => Set<CommunityTask>();

    internal DbSet<CoAssignee> CoAssignees => Set<CoAssignee>();

    internal DbSet<DispatchHistory> DispatchHistory => Set<DispatchHistory>();
}
