using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jianfu.Platform.Database.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddGridWorkerRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RowVersion",
                table: "Grids",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WorkerPhone",
                table: "Grids",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WorkerSetAt",
                table: "Grids",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorkerSetBy",
                table: "Grids",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Grids");

            migrationBuilder.DropColumn(
                name: "WorkerPhone",
                table: "Grids");

            migrationBuilder.DropColumn(
                name: "WorkerSetAt",
                table: "Grids");

            migrationBuilder.DropColumn(
                name: "WorkerSetBy",
                table: "Grids");
        }
    }
}
