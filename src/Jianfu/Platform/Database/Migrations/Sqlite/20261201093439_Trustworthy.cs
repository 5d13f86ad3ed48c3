using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jianfu.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Trustworthy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MonitoringPoints_UnitId",
                table: "MonitoringPoints");

            migrationBuilder.DropIndex(
                name: "IX_DispatchTargets_DispatchId",
                table: "DispatchTargets");

            migrationBuilder.DropIndex(
                name: "IX_CommunityTasks_DispatchId",
                table: "CommunityTasks");

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "RoutingModels",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "ReportLocations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "MonitoringPoints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "HotlineOrders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "Dispatches",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "CommunityTasks",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "CatalogueVersions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ForwardedText",
                table: "BurdenReports",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "BurdenReports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "AdmissionRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            RaceDuplicates.Fold(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "IX_RoutingModels_OneActive",
                table: "RoutingModels",
                column: "DistrictId",
                unique: true,
                filter: "\"IsActive\"");

            migrationBuilder.CreateIndex(
                name: "IX_ReportLocations_OneActive",
                table: "ReportLocations",
                column: "UnitId",
                unique: true,
                filter: "\"IsActive\"");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringPoints_OneActive",
                table: "MonitoringPoints",
                column: "UnitId",
                unique: true,
                filter: "\"IsActive\"");

            migrationBuilder.CreateIndex(
                name: "IX_DispatchTargets_DispatchId_CommunityId",
                table: "DispatchTargets",
                columns: new[] { "DispatchId", "CommunityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityTasks_DispatchId_CommunityId",
                table: "CommunityTasks",
                columns: new[] { "DispatchId", "CommunityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueVersions_OneDraft",
                table: "CatalogueVersions",
                column: "DistrictId",
                unique: true,
                filter: "\"Status\" = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueVersions_OnePublished",
                table: "CatalogueVersions",
                column: "DistrictId",
                unique: true,
                filter: "\"Status\" = 'Published'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RoutingModels_OneActive",
                table: "RoutingModels");

            migrationBuilder.DropIndex(
                name: "IX_ReportLocations_OneActive",
                table: "ReportLocations");

            migrationBuilder.DropIndex(
                name: "IX_MonitoringPoints_OneActive",
                table: "MonitoringPoints");

            migrationBuilder.DropIndex(
                name: "IX_DispatchTargets_DispatchId_CommunityId",
                table: "DispatchTargets");

            migrationBuilder.DropIndex(
                name: "IX_CommunityTasks_DispatchId_CommunityId",
                table: "CommunityTasks");

            migrationBuilder.DropIndex(
                name: "IX_CatalogueVersions_OneDraft",
                table: "CatalogueVersions");

            migrationBuilder.DropIndex(
                name: "IX_CatalogueVersions_OnePublished",
                table: "CatalogueVersions");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "RoutingModels");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "ReportLocations");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "MonitoringPoints");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "HotlineOrders");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Dispatches");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "CommunityTasks");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "CatalogueVersions");

            migrationBuilder.DropColumn(
                name: "ForwardedText",
                table: "BurdenReports");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "BurdenReports");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "AdmissionRequests");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringPoints_UnitId",
                table: "MonitoringPoints",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_DispatchTargets_DispatchId",
                table: "DispatchTargets",
                column: "DispatchId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityTasks_DispatchId",
                table: "CommunityTasks",
                column: "DispatchId");
        }
    }
}
