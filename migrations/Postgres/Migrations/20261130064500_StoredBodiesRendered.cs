using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsPortal.Core.Data;

#nullable disable

namespace NewsPortal.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Changes nothing: it records that every stored body has been rendered again by the current renderer. The start
    /// stops the migrations just before it, runs StoredBodyRefresh, and only then applies it, so an upgrade interrupted
    /// during the re-render is finished by the next start. For a later renderer change, add another such migration and
    /// name it in StoredBodyRefresh.Markers.
    /// </summary>
    [DbContext(typeof(NewsDbContext))]
    [Migration("20261130064500_StoredBodiesRendered")]
    public partial class StoredBodiesRendered : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
