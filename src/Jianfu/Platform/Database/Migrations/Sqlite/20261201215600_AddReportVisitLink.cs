using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jianfu.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddReportVisitLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "InspectionVisitId",
                table: "BurdenReports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InspectionVisitTitle",
                table: "BurdenReports",
                type: "TEXT",
                maxLength: 800,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_BurdenReports_InspectionVisitId",
                table: "BurdenReports",
                column: "InspectionVisitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BurdenReports_InspectionVisitId",
                table: "BurdenReports");

            migrationBuilder.DropColumn(
                name: "InspectionVisitId",
                table: "BurdenReports");

            migrationBuilder.DropColumn(
                name: "InspectionVisitTitle",
                table: "BurdenReports");
        }
    }
}
