using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The configuration "newsportal" matches like SQLite's FTS5 tokenizer: words as written (no stemming),
            // diacritics ignored ("Malmstrom" finds "Malmström"). unaccent is a trusted extension: the database
            // owner may create it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
            migrationBuilder.Sql("""
                CREATE TEXT SEARCH CONFIGURATION newsportal (COPY = simple);
                ALTER TEXT SEARCH CONFIGURATION newsportal ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
                """);
            // Kept up to date by PostgreSQL itself; the model does not know the column, so EF never writes it.
            // Weights: title A, summary B, body C (ts_rank counts A highest).
            migrationBuilder.Sql("""
                ALTER TABLE "NewsItems" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('newsportal', coalesce("Title", '')), 'A') ||
                    setweight(to_tsvector('newsportal', coalesce("Summary", '')), 'B') ||
                    setweight(to_tsvector('newsportal', coalesce("Body", '')), 'C')) STORED;
                CREATE INDEX "IX_NewsItems_SearchVector" ON "NewsItems" USING GIN ("SearchVector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX "IX_NewsItems_SearchVector";
                ALTER TABLE "NewsItems" DROP COLUMN "SearchVector";
                DROP TEXT SEARCH CONFIGURATION newsportal;
                """);
        }
    }
}
