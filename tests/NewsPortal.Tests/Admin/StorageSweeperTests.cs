using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Import;
using NewsPortal.Core.Media;
using NewsPortal.Core.News;
using NewsPortal.Tests.Builders;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Admin;

/// <summary>REL-05: abandoned files are cleared; photos in use, and fresh uploads, are kept.</summary>
public sealed class StorageSweeperTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    [Fact]
    public async Task Old_orphans_and_half_written_files_go_and_everything_in_use_stays()
    {
        var media = factory.Services.GetRequiredService<MediaStore>().Folder;
        var uploads = factory.Services.GetRequiredService<ImportUploadStore>().Folder;
        Directory.CreateDirectory(media);
        Directory.CreateDirectory(uploads);
        string Name() => Guid.NewGuid().ToString("N") + ".jpg";
        var (used, orphan, fresh, partial) = (Name(), Name(), Name(), Name() + ".part");
        var upload = Guid.NewGuid().ToString("N") + ".upload";
        var old = DateTime.UtcNow.AddDays(-2);
        foreach (var name in new[] { used, orphan, partial })
        {
            await File.WriteAllTextAsync(Path.Combine(media, name), "x");
            File.SetLastWriteTimeUtc(Path.Combine(media, name), old);
        }
        await File.WriteAllTextAsync(Path.Combine(media, fresh), "x");
        await File.WriteAllTextAsync(Path.Combine(uploads, upload), "[]");
        File.SetLastWriteTimeUtc(Path.Combine(uploads, upload), old);
        var builder = new NewsItemBuilder();
        builder.Build().Photo = new NewsPhoto { FileName = used, AltText = "A photo in use" };
        await builder.SaveAsync(factory.Services);

        var removed = await factory.WithScopeAsync(s => s.GetRequiredService<StorageSweeper>().SweepAsync(media, uploads));

        Assert.Equal(3, removed);
        Assert.True(File.Exists(Path.Combine(media, used)));
        Assert.True(File.Exists(Path.Combine(media, fresh)));
        Assert.False(File.Exists(Path.Combine(media, orphan)));
        Assert.False(File.Exists(Path.Combine(media, partial)));
        Assert.False(File.Exists(Path.Combine(uploads, upload)));
    }
}
