using Jianfu.Modules.Hotline.Domain;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Platform.Database;

/// <summary>Hotline's tables on the one context; their mapping is in HotlineMapping.cs beside this file.</summary>
public abstract partial class JianfuDbContext
{
    internal DbSet<HotlineOrder> HotlineOrders => Set<HotlineOrder>();

    internal DbSet<HotlineOrderHistory> HotlineOrderHistory => Set<HotlineOrderHistory>();

    internal DbSet<RoutingModel> RoutingModels => Set<RoutingModel>();
}
