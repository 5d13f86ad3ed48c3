using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jianfu.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NearDuplicateFingerprints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Fingerprint",
                table: "DispatchTargets",
                type: "BLOB",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SubmittedAt",
                table: "DispatchTargets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DispatchTargets_CommunityId_SubmittedAt",
                table: "DispatchTargets",
                columns: new[] { "CommunityId", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DispatchTargets_CommunityId_SubmittedAt",
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
