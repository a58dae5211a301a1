using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Every statement that changes news items or their revisions sends NOTIFY on the channel the instances listen to
    /// (Hosting/PostgresChangeChannel). PostgreSQL delivers it with the commit and drops it with a rollback, and it comes
    /// from any writer: an instance, the `import` command, or an operator's own SQL.
    /// </summary>
    public partial class ContentChangeNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION newsportal_content_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    -- Identical notifications in one transaction are folded into one.
                    PERFORM pg_notify('newsportal_content_changed', '');
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "NewsItems_content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "NewsItems"
                    FOR EACH STATEMENT EXECUTE FUNCTION newsportal_content_changed();
                CREATE TRIGGER "Revisions_content_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Revisions"
                    FOR EACH STATEMENT EXECUTE FUNCTION newsportal_content_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "Revisions_content_changed" ON "Revisions";
                DROP TRIGGER "NewsItems_content_changed" ON "NewsItems";
                DROP FUNCTION newsportal_content_changed();
                """);
        }
    }
}
