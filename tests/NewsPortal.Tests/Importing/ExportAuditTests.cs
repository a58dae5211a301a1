using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Auditing;
using NewsPortal.Core.Data;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Importing;

/// <summary>SEC-45: an export takes the site's content out, so it is in the audit log with who, what and which items.</summary>
public sealed class ExportAuditTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private Task<List<AuditEvent>> ExportEventsByAsync(string userName) =>
        factory.WithScopeAsync(services => services.GetRequiredService<NewsDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.Kind == AuditEventKind.Export && e.UserName == userName).ToListAsync());

    [Fact]
    public async Task A_download_from_the_export_page_is_audited_with_the_editor_format_and_selection()
    {
        var editor = await EditorSession.SignInAsync(factory);

        var response = await editor.Client.GetAsync("/admin/export?format=markdown&section=Speech&year=2012");
        await response.Content.ReadAsByteArrayAsync();

        var recorded = Assert.Single(await ExportEventsByAsync(editor.Email));
        Assert.Equal("markdown export", recorded.Subject);
        Assert.Equal("section speech, year 2012", recorded.Detail);
    }

    [Fact]
    public async Task A_download_of_everything_is_audited_as_everything()
    {
        var editor = await EditorSession.SignInAsync(factory);

        await (await editor.Client.GetAsync("/admin/export?format=json")).Content.ReadAsByteArrayAsync();

        var recorded = Assert.Single(await ExportEventsByAsync(editor.Email));
        Assert.Equal(("json export", "everything"), (recorded.Subject, recorded.Detail));
    }

    [Fact]
    public async Task A_refused_export_request_is_not_recorded_as_an_export()
    {
        var editor = await EditorSession.SignInAsync(factory);

        await editor.Client.GetAsync("/admin/export?format=xml");

        Assert.Empty(await ExportEventsByAsync(editor.Email));
    }

    [Fact]
    public async Task The_export_command_is_audited_as_the_command_line_with_format_and_file()
    {
        _ = factory.Server; // creates and migrates the database the command will use
        var file = Path.Combine(factory.DataFolder, $"export-{Guid.NewGuid():N}.zip");

        var (exitCode, output) = await PortalCommand.RunAsync(factory, [], "export", file, "--format", "markdown");

        Assert.True(exitCode == 0, output);
        var recorded = Assert.Single(await ExportEventsByAsync("command line"), e => e.Detail!.Contains(file));
        Assert.Equal("markdown export", recorded.Subject);
        Assert.StartsWith($"everything, to {file}, run as ", recorded.Detail);
    }
}
