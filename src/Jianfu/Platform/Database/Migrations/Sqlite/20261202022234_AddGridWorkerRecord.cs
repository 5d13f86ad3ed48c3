using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jianfu.Platform.Database.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WorkerPhone",
                table: "Grids",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WorkerSetAt",
                table: "Grids",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorkerSetBy",
                table: "Grids",
                type: "TEXT",
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
