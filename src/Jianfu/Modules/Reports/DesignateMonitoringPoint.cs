using Jianfu.Modules.Organisation.Contracts;
using Jianfu.Modules.Reports.Domain;
using Jianfu.Platform.Database;
using Jianfu.Platform.Errors;
using Jianfu.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Jianfu.Modules.Reports;

/// <summary>The burden office makes a village or community a monitoring point (减负监测点).</summary>
internal static class DesignateMonitoringPoint
{
    public sealed record Request(string? UnitCode);

    public sealed class Handler(JianfuDbContext db, MonitoringPointKeeper keeping, IOrganisationDirectory directory, TimeProvider time)
    {
        public async Task<Result<MonitoringPointSummary>> HandleAsync(Request r, CancellationToken ct)
        {
            var keeper = await keeping.KeeperAsync(ct);
            if (!keeper.IsSuccess)
            {
                return keeper.Error!;
            }

            var unit = r.UnitCode is null ? null : await directory.FindUnitAsync(r.UnitCode.Trim(), ct);
            if (unit is null || unit.Level != UnitLevel.Community)
            {
                return Error.Validation("unitCode", "请选择一个村(社区)作为监测点。");
            }

            if (!keeper.Value.User.CanAct(Role.CatalogueAdmin, unit))
            {
                return Error.Forbidden($"{unit.Name}不在您的区。");
            }

            if (await db.MonitoringPoints.AnyAsync(p => p.UnitId == unit.Id && p.IsActive, ct))
            {
                return Error.Conflict($"{unit.Name}已是监测点。");
            }

            var point = new MonitoringPoint
            {
                DistrictId = unit.DistrictId, UnitId = unit.Id, UnitCode = unit.Code, UnitName = unit.Name, DesignatedOn = time.Today(),
                DesignatedBy = keeper.Value.User.DisplayName,
            };
            db.MonitoringPoints.Add(point);
            if (await db.TrySaveAsync(ct) is { } notSaved)
            {
                return notSaved;
            }

            return keeping.Describe(point, 0, time.Today());
        }
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/monitoring-points", async (Request r, Handler h, CancellationToken ct) =>
                (await h.HandleAsync(r, ct)).ToHttp(p => Results.Created($"/api/v1/monitoring-points/{p.Id}", p)))
            .WithName("DesignateMonitoringPoint").WithSummary("把一个村(社区)设为减负监测点").Produces<MonitoringPointSummary>(StatusCodes.Status201Created);
}
