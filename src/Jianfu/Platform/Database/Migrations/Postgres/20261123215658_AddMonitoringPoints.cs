using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jianfu.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddMonitoringPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MonitoringPoints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitCode = table.Column<string>(type: "text", nullable: false),
                    UnitName = table.Column<string>(type: "text", nullable: false),
                    DesignatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DesignatedBy = table.Column<string>(type: "text", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringPoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringActivity",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PointId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Who = table.Column<string>(type: "text", nullable: false),
                    Learned = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    LinkedReceipts = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringActivity", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringActivity_MonitoringPoints_PointId",
                        column: x => x.PointId,
                        principalTable: "MonitoringPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringActivity_PointId",
                table: "MonitoringActivity",
                column: "PointId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringPoints_DistrictId_IsActive",
                table: "MonitoringPoints",
                columns: new[] { "DistrictId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringPoints_UnitId",
                table: "MonitoringPoints",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MonitoringActivity");

            migrationBuilder.DropTable(
                name: "MonitoringPoints");
        }
    }
}
