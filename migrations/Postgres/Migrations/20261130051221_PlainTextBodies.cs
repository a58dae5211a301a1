using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Search reads the body as plain text (NewsItems."BodyText", made at save time) instead of its Markdown, so
    /// extracts show no "**" or "[text](address)" and link addresses are no longer searched. Until the start that
    /// applies this migration renders every body again (StoredBodyRefresh), "BodyText" holds the Markdown.
    /// </summary>
    public partial class PlainTextBodies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BodyText",
                table: "NewsItems",
                type: "text",
                nullable: false,
                defaultValue: "");
            migrationBuilder.Sql("""UPDATE "NewsItems" SET "BodyText" = "Body";""");
            SearchOver(migrationBuilder, "BodyText");
        }

        /// <summary>The generated search column and its GIN index (see SearchIndex) over title, summary and the given body column.</summary>
        private static void SearchOver(MigrationBuilder migrationBuilder, string body)
        {
            migrationBuilder.Sql($"""
                ALTER TABLE "NewsItems" DROP COLUMN "SearchVector";
                ALTER TABLE "NewsItems" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('newsportal', coalesce("Title", '')), 'A') ||
                    setweight(to_tsvector('newsportal', coalesce("Summary", '')), 'B') ||
                    setweight(to_tsvector('newsportal', coalesce("{body}", '')), 'C')) STORED;
                CREATE INDEX "IX_NewsItems_SearchVector" ON "NewsItems" USING GIN ("SearchVector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            SearchOver(migrationBuilder, "Body");
            migrationBuilder.DropColumn(
                name: "BodyText",
                table: "NewsItems");
        }
    }
}
