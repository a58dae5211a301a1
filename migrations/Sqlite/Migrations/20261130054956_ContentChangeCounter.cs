using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsPortal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// A counter that triggers raise with every change to news items or their revisions, whoever writes them (the site,
    /// the `import` command beside it, an operator's own SQL), and that a rollback undoes. The site polls it
    /// (Hosting/ContentChangeListener) to drop its cached pages; SQLite's data_version, polled before, also moved with
    /// every sign-in and audit entry. It is not part of the EF model: nothing but the listener reads it. A later migration
    /// that rebuilds NewsItems or Revisions (EF's SQLite table rebuild) drops their triggers and must create them again;
    /// ContentChangeCounterTests fails if it does not.
    /// </summary>
    public partial class ContentChangeCounter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "ContentChanges" ("Id" INTEGER NOT NULL PRIMARY KEY CHECK ("Id" = 1), "Count" INTEGER NOT NULL);
                INSERT INTO "ContentChanges" ("Id", "Count") VALUES (1, 0);
                CREATE TRIGGER "NewsItems_inserted" AFTER INSERT ON "NewsItems" BEGIN UPDATE "ContentChanges" SET "Count" = "Count" + 1; END;
                CREATE TRIGGER "NewsItems_updated" AFTER UPDATE ON "NewsItems" BEGIN UPDATE "ContentChanges" SET "Count" = "Count" + 1; END;
                CREATE TRIGGER "NewsItems_deleted" AFTER DELETE ON "NewsItems" BEGIN UPDATE "ContentChanges" SET "Count" = "Count" + 1; END;
                CREATE TRIGGER "Revisions_inserted" AFTER INSERT ON "Revisions" BEGIN UPDATE "ContentChanges" SET "Count" = "Count" + 1; END;
                CREATE TRIGGER "Revisions_updated" AFTER UPDATE ON "Revisions" BEGIN UPDATE "ContentChanges" SET "Count" = "Count" + 1; END;
                CREATE TRIGGER "Revisions_deleted" AFTER DELETE ON "Revisions" BEGIN UPDATE "ContentChanges" SET "Count" = "Count" + 1; END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "Revisions_deleted";
                DROP TRIGGER "Revisions_updated";
                DROP TRIGGER "Revisions_inserted";
                DROP TRIGGER "NewsItems_deleted";
                DROP TRIGGER "NewsItems_updated";
                DROP TRIGGER "NewsItems_inserted";
                DROP TABLE "ContentChanges";
                """);
        }
    }
}
