using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsPortal.Core.Data;

#nullable disable

namespace NewsPortal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Changes nothing: it records that every stored original address is in the canonical form saves now write
    /// (OriginalAddress.Normalize: escapes in capitals, escaped unreserved characters decoded). Like StoredBodiesRendered,
    /// a marker named in StoredBodyRefresh.Markers: the start stops just before it, runs StoredBodyRefresh (which also
    /// normalises the addresses; a SQL update cannot, as neither provider can decode percent escapes), then applies it.
    /// Its timestamp should stay after every migration a deployed database may already have applied: the start then
    /// migrates to just before it; behind an applied one, the start applies everything first and the refresh is not
    /// resumable.
    /// </summary>
    [DbContext(typeof(NewsDbContext))]
    [Migration("20261130082000_SourceAddressesNormalized")]
    public partial class SourceAddressesNormalized : Migration
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
