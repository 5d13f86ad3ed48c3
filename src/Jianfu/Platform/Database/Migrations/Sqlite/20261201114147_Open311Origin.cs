using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jianfu.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Open311Origin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Units",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "Units",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "Units",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressId",
                table: "BurdenReports",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AddressText",
                table: "BurdenReports",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttributesJson",
                table: "BurdenReports",
                type: "TEXT",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientRequestKey",
                table: "BurdenReports",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "BurdenReports",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "BurdenReports",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MediaUrl",
                table: "BurdenReports",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceSystem",
                table: "BurdenReports",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubmitterProtected",
                table: "BurdenReports",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_BurdenReports_ClientRequestKey",
                table: "BurdenReports",
                column: "ClientRequestKey",
                unique: true,
                filter: "\"ClientRequestKey\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BurdenReports_ClientRequestKey",
                table: "BurdenReports");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "AddressId",
                table: "BurdenReports");

            migrationBuilder.DropColumn(
                name: "AddressText",
                table: "BurdenReports");

            migrationBuilder.DropColumn(
                name: "AttributesJson",
                table: "BurdenReports");

            migrationBuilder.DropColumn(
                name: "ClientRequestKey",
                table: "BurdenReports");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "BurdenReports");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "BurdenReports");

            migrationBuilder.DropColumn(
                name: "MediaUrl",
                table: "BurdenReports");

            migrationBuilder.DropColumn(
                name: "SourceSystem",
                table: "BurdenReports");

            migrationBuilder.DropColumn(
                name: "SubmitterProtected",
                table: "BurdenReports");
        }
    }
}
