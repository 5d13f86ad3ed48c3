using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jianfu.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DispatchFingerprint : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Fingerprint",
                table: "Dispatches",
                type: "bytea",
                nullable: true);

            // Each dispatch keeps its signature once; the copy on its target rows goes.
            migrationBuilder.Sql("""
                UPDATE "Dispatches" SET "Fingerprint" =
                  (SELECT t."Fingerprint" FROM "DispatchTargets" t WHERE t."DispatchId" = "Dispatches"."Id" AND t."Fingerprint" IS NOT NULL LIMIT 1)
                """);

            migrationBuilder.DropIndex(
                name: "IX_DispatchTargets_CommunityId_SubmittedAt_DispatchId_Fingerpr~",
                table: "DispatchTargets");

            migrationBuilder.DropColumn(
                name: "Fingerprint",
                table: "DispatchTargets");

            migrationBuilder.CreateIndex(
                name: "IX_DispatchTargets_CommunityId_SubmittedAt_DispatchId",
                table: "DispatchTargets",
                columns: new[] { "CommunityId", "SubmittedAt", "DispatchId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DispatchTargets_CommunityId_SubmittedAt_DispatchId",
                table: "DispatchTargets");

            migrationBuilder.DropColumn(
                name: "Fingerprint",
                table: "Dispatches");

            migrationBuilder.AddColumn<byte[]>(
                name: "Fingerprint",
                table: "DispatchTargets",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DispatchTargets_CommunityId_SubmittedAt_DispatchId_Fingerpr~",
                table: "DispatchTargets",
                columns: new[] { "CommunityId", "SubmittedAt", "DispatchId", "Fingerprint" });
        }
    }
}
