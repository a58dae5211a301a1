using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Search checks every full-text match against the item's status, date and section. Those columns sit after the
    /// long Body and BodyHtml in each row, so reading them from the table follows overflow pages; this covering index,
    /// looked up by id, answers them from a few small pages instead (SqliteFullTextIndex names it with INDEXED BY).
    /// SQLite only: PostgreSQL filters in the same scan as its GIN index.
    /// </summary>
    public partial class SearchFilterIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                "CREATE INDEX IX_NewsItems_SearchFilter ON NewsItems (Id, DeletedAtUtc, Status, PublishAtUtc, PublishedOn, Section);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IX_NewsItems_SearchFilter;");
        }
    }
}
