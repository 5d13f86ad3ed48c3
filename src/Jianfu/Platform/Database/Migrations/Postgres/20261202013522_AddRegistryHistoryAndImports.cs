using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jianfu.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddRegistryHistoryAndImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The first bulk writer stored sex and residence by number ("1") where the context stores names ("Male"):
            // conditions on them found nobody. Written as names from now on; the rows already stored are corrected here.
            migrationBuilder.Sql("""
                UPDATE "Residents" SET
                    "Sex" = CASE "Sex" WHEN '1' THEN 'Male' WHEN '2' THEN 'Female' ELSE "Sex" END,
                    "Residence" = CASE "Residence" WHEN '1' THEN 'Own' WHEN '2' THEN 'Rent' WHEN '3' THEN 'Lodge' ELSE "Residence" END
                WHERE "Sex" IN ('1', '2') OR "Residence" IN ('1', '2', '3')
                """);

            migrationBuilder.DropIndex(
                name: "IX_Houses_CommunityId",
                table: "Houses");

            migrationBuilder.DropIndex(
                name: "IX_Houses_Key",
                table: "Houses");

            migrationBuilder.AddColumn<string>(
                name: "CodeOverride",
                table: "Shops",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "KeyHash",
                table: "Houses",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "PastResidences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResidentId = table.Column<long>(type: "bigint", nullable: false),
                    HouseId = table.Column<long>(type: "bigint", nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Residence = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: true),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PastResidences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegistryImports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ValidRowsOnly = table.Column<bool>(type: "boolean", nullable: false),
                    Preview = table.Column<bool>(type: "boolean", nullable: false),
                    Written = table.Column<bool>(type: "boolean", nullable: false),
                    Imported = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    ErrorCount = table.Column<int>(type: "integer", nullable: false),
                    ErrorFile = table.Column<byte[]>(type: "bytea", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryImports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Shops_LicenceCode",
                table: "Shops",
                column: "LicenceCode");

            // Houses already stored get a placeholder unique per house (−Id); their district's next import hashes them (House.KeyHash).
            migrationBuilder.Sql("""UPDATE "Houses" SET "KeyHash" = -"Id" """);

            migrationBuilder.CreateIndex(
                name: "IX_Houses_CommunityId_KeyHash",
                table: "Houses",
                columns: new[] { "CommunityId", "KeyHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PastResidences_ResidentId",
                table: "PastResidences",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryImports_DistrictId_At",
                table: "RegistryImports",
                columns: new[] { "DistrictId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PastResidences");

            migrationBuilder.DropTable(
                name: "RegistryImports");

            migrationBuilder.DropIndex(
                name: "IX_Shops_LicenceCode",
                table: "Shops");

            migrationBuilder.DropIndex(
                name: "IX_Houses_CommunityId_KeyHash",
                table: "Houses");

            migrationBuilder.DropColumn(
                name: "CodeOverride",
                table: "Shops");

            migrationBuilder.DropColumn(
                name: "KeyHash",
                table: "Houses");

            migrationBuilder.CreateIndex(
                name: "IX_Houses_CommunityId",
                table: "Houses",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_Houses_Key",
                table: "Houses",
                column: "Key",
                unique: true);
        }
    }
}
