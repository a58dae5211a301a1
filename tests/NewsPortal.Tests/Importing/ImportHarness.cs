using System.Net.Http.Headers;
using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Core.Import;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Importing;

/// <summary>Runs the app's importer on in-memory files and looks at what the database holds.</summary>
public static class ImportHarness
{
    public static ImportSource File(string name, string text, bool bom = false) =>
        File(name, (bom ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(text)).ToArray());

    public static ImportSource File(string name, byte[] bytes) => new(name, bytes.Length, () => new MemoryStream(bytes, writable: false));

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        return buffer.ToArray();
    }

    public static Task<ImportReport> RunAsync(NewsPortalFactory factory, bool dryRun, params ImportSource[] files) =>
        factory.WithScopeAsync(services => services.GetRequiredService<NewsImporter>().RunAsync(files, dryRun, "import test"));

    /// <summary>A fingerprint of all content, to prove a failed import wrote nothing.</summary>
    public static Task<string> ContentStateAsync(NewsPortalFactory factory) =>
        factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<NewsDbContext>();
            var items = await db.NewsItems.CountAsync();
            var revisions = await db.Revisions.CountAsync();
            var batches = await db.ImportBatches.CountAsync();
            var bodies = await db.NewsItems.SumAsync(i => i.Body.Length);
            return $"{items}/{revisions}/{batches}/{bodies}";
        });

    public static string JsonItem(string title, string date = "2013-02-01", string extra = "") =>
        $$"""{"title": "{{title}}", "date": "{{date}}", "body": "Body of {{title}}."{{extra}}}""";

    /// <summary>Uploads a file through the import page, as its form does: the dry run's answer.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(EditorSession editor, string fileName, byte[] content)
    {
        var (_, page) = await editor.GetAsync("/admin/import");
        var form = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("form[action='/admin/import'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await editor.Client.PostAsync("/admin/import", form);
    }
}
