using Microsoft.EntityFrameworkCore.Migrations;

namespace Jianfu.Platform.Database;

/// <summary>
/// Before the unique indexes of the Trustworthy migration: rows that concurrent requests could duplicate before those
/// indexes existed are folded into one, so that a district's existing database upgrades without a failed start.
/// Plain SQL that SQLite and PostgreSQL read alike. The first poster and monitoring point stay in force, the newest
/// routing model stays active, and a community keeps the first of its duplicated tasks with the history of all.
/// </summary>
internal static class RaceDuplicates
{
    public static void Fold(MigrationBuilder migration)
    {
        migration.Sql("""
            UPDATE "ReportLocations" SET "IsActive" = FALSE
            WHERE "IsActive" AND "Id" NOT IN (SELECT MIN("Id") FROM "ReportLocations" WHERE "IsActive" GROUP BY "UnitId");
            """);
        migration.Sql("""
            UPDATE "MonitoringPoints" SET "IsActive" = FALSE
            WHERE "IsActive" AND "Id" NOT IN (SELECT MIN("Id") FROM "MonitoringPoints" WHERE "IsActive" GROUP BY "UnitId");
            """);
        migration.Sql("""
            UPDATE "RoutingModels" SET "IsActive" = FALSE
            WHERE "IsActive" AND "Id" NOT IN (SELECT MAX("Id") FROM "RoutingModels" WHERE "IsActive" GROUP BY "DistrictId");
            """);
        migration.Sql("""
            UPDATE "DispatchHistory" SET "TaskId" = (
                SELECT MIN(k."Id") FROM "CommunityTasks" k
                JOIN "CommunityTasks" t ON t."DispatchId" = k."DispatchId" AND t."CommunityId" = k."CommunityId"
                WHERE t."Id" = "DispatchHistory"."TaskId")
            WHERE "TaskId" IN (SELECT "Id" FROM "CommunityTasks"
                WHERE "Id" NOT IN (SELECT MIN("Id") FROM "CommunityTasks" GROUP BY "DispatchId", "CommunityId"));
            """);
        migration.Sql("""
            DELETE FROM "CommunityTasks"
            WHERE "Id" NOT IN (SELECT MIN("Id") FROM "CommunityTasks" GROUP BY "DispatchId", "CommunityId");
            """);
    }
}
