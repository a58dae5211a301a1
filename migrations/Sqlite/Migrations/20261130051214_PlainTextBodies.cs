using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Search reads the body as plain text (NewsItems.BodyText, made at save time) instead of its Markdown, so extracts
    /// show no "**" or "[text](address)" and link addresses are no longer searched. Until the start that applies this
    /// migration renders every body again (StoredBodyRefresh), BodyText holds the Markdown: search works as before.
    /// </summary>
    public partial class PlainTextBodies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BodyText",
                table: "NewsItems",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
            migrationBuilder.Sql("UPDATE NewsItems SET BodyText = Body;");
            SearchOver(migrationBuilder, "BodyText");
        }

        /// <summary>The FTS5 table and its triggers (see SearchIndex) over title, summary and the given body column.</summary>
        private static void SearchOver(MigrationBuilder migrationBuilder, string body)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS NewsItemsSearch_Insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS NewsItemsSearch_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS NewsItemsSearch_Update;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS NewsItemsSearch;");
            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE NewsItemsSearch USING fts5(
                    Title, Summary, {body},
                    content='NewsItems', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER NewsItemsSearch_Insert AFTER INSERT ON NewsItems BEGIN
                    INSERT INTO NewsItemsSearch(rowid, Title, Summary, {body}) VALUES (new.Id, new.Title, new.Summary, new.{body});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER NewsItemsSearch_Delete AFTER DELETE ON NewsItems BEGIN
                    INSERT INTO NewsItemsSearch(NewsItemsSearch, rowid, Title, Summary, {body}) VALUES ('delete', old.Id, old.Title, old.Summary, old.{body});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER NewsItemsSearch_Update AFTER UPDATE OF Title, Summary, {body} ON NewsItems BEGIN
                    INSERT INTO NewsItemsSearch(NewsItemsSearch, rowid, Title, Summary, {body}) VALUES ('delete', old.Id, old.Title, old.Summary, old.{body});
                    INSERT INTO NewsItemsSearch(rowid, Title, Summary, {body}) VALUES (new.Id, new.Title, new.Summary, new.{body});
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
            migrationBuilder.DropColumn(
                name: "BodyText",
                table: "NewsItems");
            // After the column is gone: dropping it may rebuild the table, which would drop triggers made before.
            SearchOver(migrationBuilder, "Body");
        }
    }
}
