using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jianfu.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddBurdenReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BurdenReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Receipt = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LocationId = table.Column<int>(type: "integer", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitName = table.Column<string>(type: "text", nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RelatedTaskId = table.Column<int>(type: "integer", nullable: true),
                    RelatedDispatchId = table.Column<int>(type: "integer", nullable: true),
                    RelatedTitle = table.Column<string>(type: "text", nullable: true),
                    ContactProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReporterUserId = table.Column<string>(type: "text", nullable: true),
                    ReporterName = table.Column<string>(type: "text", nullable: true),
                    AttachmentName = table.Column<string>(type: "text", nullable: true),
                    AttachmentKey = table.Column<string>(type: "text", nullable: true),
                    AttachmentContentType = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VerifyDue = table.Column<DateOnly>(type: "date", nullable: false),
                    VerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VerificationNote = table.Column<string>(type: "text", nullable: true),
                    Summary = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ResponsibleDepartmentId = table.Column<int>(type: "integer", nullable: true),
                    ResponsibleBody = table.Column<string>(type: "text", nullable: true),
                    RectificationRequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RectifyDue = table.Column<DateOnly>(type: "date", nullable: true),
                    RectificationResponse = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RectifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublicReply = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BurdenReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportLocations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Token = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportLocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "text", nullable: true),
                    ActorName = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportHistory_BurdenReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "BurdenReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BurdenReports_DistrictId_ReceivedAt",
                table: "BurdenReports",
                columns: new[] { "DistrictId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BurdenReports_DistrictId_Status",
                table: "BurdenReports",
                columns: new[] { "DistrictId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_BurdenReports_Receipt",
                table: "BurdenReports",
                column: "Receipt",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BurdenReports_ResponsibleDepartmentId_Status",
                table: "BurdenReports",
                columns: new[] { "ResponsibleDepartmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportHistory_ReportId_At",
                table: "ReportHistory",
                columns: new[] { "ReportId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportLocations_Token",
                table: "ReportLocations",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportLocations_UnitId_IsActive",
                table: "ReportLocations",
                columns: new[] { "UnitId", "IsActive" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportHistory");

            migrationBuilder.DropTable(
                name: "ReportLocations");

            migrationBuilder.DropTable(
                name: "BurdenReports");
        }
    }
}
