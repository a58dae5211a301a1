using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NewestFirstIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NewsItems_PublishedOn_Status_DeletedAtUtc_PublishAtUtc",
                table: "NewsItems");

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_PublishedOn_Id_Status_DeletedAtUtc_PublishAtUtc",
                table: "NewsItems",
                columns: new[] { "PublishedOn", "Id", "Status", "DeletedAtUtc", "PublishAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_NewsItems_PublishedOn_Id_Status_DeletedAtUtc_PublishAtUtc",
                table: "NewsItems");

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_PublishedOn_Status_DeletedAtUtc_PublishAtUtc",
                table: "NewsItems",
                columns: new[] { "PublishedOn", "Status", "DeletedAtUtc", "PublishAtUtc" });
        }
    }
}
