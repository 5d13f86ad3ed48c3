using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jianfu.Platform.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddReportDelegation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DelegateName",
                table: "BurdenReports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DelegateUserId",
                table: "BurdenReports",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DelegateName",
                table: "BurdenReports");

            migrationBuilder.DropColumn(
                name: "DelegateUserId",
                table: "BurdenReports");
        }
    }
}
