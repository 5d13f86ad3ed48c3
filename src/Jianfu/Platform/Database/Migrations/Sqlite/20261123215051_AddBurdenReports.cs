using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jianfu.Platform.Database.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Receipt = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LocationId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RelatedTaskId = table.Column<int>(type: "INTEGER", nullable: true),
                    RelatedDispatchId = table.Column<int>(type: "INTEGER", nullable: true),
                    RelatedTitle = table.Column<string>(type: "TEXT", nullable: true),
                    ContactProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReporterUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ReporterName = table.Column<string>(type: "TEXT", nullable: true),
                    AttachmentName = table.Column<string>(type: "TEXT", nullable: true),
                    AttachmentKey = table.Column<string>(type: "TEXT", nullable: true),
                    AttachmentContentType = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    VerifyDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VerifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VerificationNote = table.Column<string>(type: "TEXT", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ResponsibleDepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    ResponsibleBody = table.Column<string>(type: "TEXT", nullable: true),
                    RectificationRequestedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RectifyDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RectificationResponse = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RectifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublicReply = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BurdenReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportLocations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Token = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportLocations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true)
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
