using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jianfu.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TextIntelligence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Fingerprint",
                table: "DispatchTargets",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "DispatchTargets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    CommunityId = table.Column<int>(type: "integer", nullable: false),
                    CommunityName = table.Column<string>(type: "text", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Problem = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Actions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Helpers = table.Column<string>(type: "text", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: false),
                    Tags = table.Column<string>(type: "text", nullable: false),
                    SourceTaskId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HotlineOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CommunityId = table.Column<int>(type: "integer", nullable: true),
                    CommunityName = table.Column<string>(type: "text", nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RouteKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ScreeningCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    DutyItemName = table.Column<string>(type: "text", nullable: true),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    DepartmentName = table.Column<string>(type: "text", nullable: true),
                    PredictedLabel = table.Column<string>(type: "text", nullable: true),
                    Confidence = table.Column<float>(type: "real", nullable: true),
                    ModelVersion = table.Column<string>(type: "text", nullable: true),
                    TriageReason = table.Column<string>(type: "text", nullable: true),
                    ManualLabel = table.Column<string>(type: "text", nullable: true),
                    RoutedBy = table.Column<string>(type: "text", nullable: true),
                    RoutedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Reply = table.Column<string>(type: "text", nullable: true),
                    HandledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HotlineOrders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RoutingModels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TrainedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TrainingRows = table.Column<int>(type: "integer", nullable: false),
                    Threshold = table.Column<float>(type: "real", nullable: false),
                    CalibrationPrecision = table.Column<double>(type: "double precision", nullable: false),
                    CalibrationCoverage = table.Column<double>(type: "double precision", nullable: false),
                    Labels = table.Column<string>(type: "text", nullable: false),
                    File = table.Column<byte[]>(type: "bytea", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoutingModels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HotlineOrderHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HotlineOrderHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HotlineOrderHistory_HotlineOrders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "HotlineOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DispatchTargets_CommunityId_SubmittedAt_DispatchId_Fingerpr~",
                table: "DispatchTargets",
                columns: new[] { "CommunityId", "SubmittedAt", "DispatchId", "Fingerprint" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CommunityId_CreatedAt",
                table: "Cases",
                columns: new[] { "CommunityId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_SourceTaskId",
                table: "Cases",
                column: "SourceTaskId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HotlineOrderHistory_OrderId",
                table: "HotlineOrderHistory",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_HotlineOrders_CommunityId_Status",
                table: "HotlineOrders",
                columns: new[] { "CommunityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HotlineOrders_DepartmentId_Status",
                table: "HotlineOrders",
                columns: new[] { "DepartmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HotlineOrders_DistrictId_ExternalId",
                table: "HotlineOrders",
                columns: new[] { "DistrictId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HotlineOrders_DistrictId_Status_ReceivedAt",
                table: "HotlineOrders",
                columns: new[] { "DistrictId", "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RoutingModels_DistrictId_IsActive",
                table: "RoutingModels",
                columns: new[] { "DistrictId", "IsActive" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "HotlineOrderHistory");

            migrationBuilder.DropTable(
                name: "RoutingModels");

            migrationBuilder.DropTable(
                name: "HotlineOrders");

            migrationBuilder.DropIndex(
                name: "IX_DispatchTargets_CommunityId_SubmittedAt_DispatchId_Fingerpr~",
                table: "DispatchTargets");

            migrationBuilder.DropColumn(
                name: "Fingerprint",
                table: "DispatchTargets");

            migrationBuilder.DropColumn(
                name: "SubmittedAt",
                table: "DispatchTargets");
        }
    }
}
