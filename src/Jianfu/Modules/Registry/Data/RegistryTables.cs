using Jianfu.Modules.Registry.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Platform.Database;

/// <summary>Registry's tables on the one context; their mapping is in RegistryMapping.cs beside this file.</summary>
public abstract partial class JianfuDbContext
{
    internal DbSet<Resident> Residents => Set<Resident>();

    internal DbSet<PastResidence> PastResidences => Set<PastResidence>();

    internal DbSet<ImportRun> RegistryImports => Set<ImportRun>();

    internal DbSet<House> Houses => Set<House>();

    internal DbSet<Grid> Grids => Set<Grid>();

    internal DbSet<Tag> Tags => Set<Tag>();

    internal DbSet<ResidentTag> ResidentTags => Set<ResidentTag>();

    internal DbSet<Enterprise> Enterprises => Set<Enterprise>();

    internal DbSet<Shop> Shops => Set<Shop>();

    internal DbSet<LedgerTemplate> LedgerTemplates => Set<LedgerTemplate>();

    internal DbSet<AccessLogEntry> RegistryAccessLog => Set<AccessLogEntry>();

    internal DbSet<DataRequest> DataRequests => Set<DataRequest>();
}
