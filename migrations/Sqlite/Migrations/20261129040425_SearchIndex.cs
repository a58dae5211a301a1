using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search (SQLite FTS5) over title, summary and body, kept in step with NewsItems by triggers,
            // so every save and import is searchable at once. A future migration that rebuilds NewsItems must
            // recreate these triggers.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE NewsItemsSearch USING fts5(
                    Title, Summary, Body,
                    content='NewsItems', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER NewsItemsSearch_Insert AFTER INSERT ON NewsItems BEGIN
                    INSERT INTO NewsItemsSearch(rowid, Title, Summary, Body) VALUES (new.Id, new.Title, new.Summary, new.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER NewsItemsSearch_Delete AFTER DELETE ON NewsItems BEGIN
                    INSERT INTO NewsItemsSearch(NewsItemsSearch, rowid, Title, Summary, Body) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER NewsItemsSearch_Update AFTER UPDATE OF Title, Summary, Body ON NewsItems BEGIN
                    INSERT INTO NewsItemsSearch(NewsItemsSearch, rowid, Title, Summary, Body) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body);
                    INSERT INTO NewsItemsSearch(rowid, Title, Summary, Body) VALUES (new.Id, new.Title, new.Summary, new.Body);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO NewsItemsSearch(NewsItemsSearch) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS NewsItemsSearch_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS NewsItemsSearch_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS NewsItemsSearch_Update;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS NewsItemsSearch;");
        }
    }
}
