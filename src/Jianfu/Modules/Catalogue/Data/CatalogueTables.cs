using Jianfu.Modules.Catalogue.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Platform.Database;

/// <summary>Catalogue's tables on the one context; their mapping is in CatalogueMapping.cs beside this file.</summary>
public abstract partial class JianfuDbContext
{
    internal DbSet<CatalogueVersion> CatalogueVersions => Set<CatalogueVersion>();

    internal DbSet<DutyItem> DutyItems => Set<DutyItem>();

    internal DbSet<AdmissionRequest> AdmissionRequests => Set<AdmissionRequest>();

    internal DbSet<CatalogueHistory> CatalogueHistory => Set<CatalogueHistory>();
}
