using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PhotoAndLinksAsJsonValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Photo and Links keep their columns and JSON; only the mapping changed (owned JSON entities to JSON values).
            // A value converter never sees NULL, and an item's links are a list, never absent.
            migrationBuilder.Sql("UPDATE \"NewsItems\" SET \"Links\" = '[]' WHERE \"Links\" IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
