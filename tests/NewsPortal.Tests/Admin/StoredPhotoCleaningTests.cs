using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Gif;
using Microsoft.Extensions.Logging.Abstractions;
using NewsPortal.Core.Media;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Admin;

/// <summary>
/// BAD-34 for photos stored before uploads were cleaned, or restored from an old backup: the portal removes their
/// metadata itself, once, and leaves everything else in the folder as it was.
/// </summary>
public sealed class StoredPhotoCleaningTests : IDisposable
{
    private const ushort TurnedRight = 6;
    private readonly string _dataFolder = NewsPortalFactory.NewDataFolder();
    private string MediaFolder => Path.Combine(_dataFolder, "media");

    public StoredPhotoCleaningTests() => System.IO.Directory.CreateDirectory(MediaFolder);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_dataFolder)) System.IO.Directory.Delete(_dataFolder, recursive: true);
    }

    private string Store(byte[] image, string extension)
    {
        var path = Path.Combine(MediaFolder, Guid.NewGuid().ToString("N") + extension);
        File.WriteAllBytes(path, image);
        File.SetLastWriteTimeUtc(path, new DateTime(2014, 10, 31, 12, 0, 0, DateTimeKind.Utc));
        return path;
    }

    private static StoredPhotoCleaner Cleaner() => new(NullLogger<StoredPhotoCleaner>.Instance);

    [Fact]
    public async Task A_portal_started_on_old_photos_serves_them_without_their_GPS_position()
    {
        var photo = Path.GetFileName(Store(TestImages.FromACamera(TestImages.PlainJpeg, TurnedRight), ".jpg"));
        using var factory = NewsPortalFactory.StartingOn(_dataFolder);
        factory.KeepDataFolder = true;
        var reader = factory.CreateClient();

        var marker = Path.Combine(MediaFolder, StoredPhotoCleaner.MarkerName);
        for (var waited = 0; !File.Exists(marker) && waited < 100; waited++) await Task.Delay(100);
        var served = await reader.GetByteArrayAsync($"/media/{photo}");

        Assert.Empty(ImageMetadataReader.ReadMetadata(new MemoryStream(served)).OfType<GpsDirectory>());
        Assert.Equal(TestImages.WithOnlyOrientation(TestImages.PlainJpeg, TurnedRight), served);
    }

    [Fact]
    public async Task Each_kind_of_photo_is_rewritten_without_metadata_and_clean_ones_are_not_touched()
    {
        var jpeg = Store(TestImages.FromACamera(TestImages.PlainJpeg, TurnedRight), ".jpg");
        var gif = Store(TestImages.GifFromAnEditor(), ".gif");
        var cleanPng = Store(TestImages.TinyPng, ".png");
        var before = File.GetLastWriteTimeUtc(cleanPng);

        var rewritten = await Cleaner().CleanAsync(MediaFolder);

        Assert.Equal(2, rewritten);
        Assert.Equal(TestImages.WithOnlyOrientation(TestImages.PlainJpeg, TurnedRight), await File.ReadAllBytesAsync(jpeg));
        Assert.Empty(ImageMetadataReader.ReadMetadata(gif).OfType<GifCommentDirectory>());
        Assert.Equal(before, File.GetLastWriteTimeUtc(cleanPng));
        Assert.Empty(System.IO.Directory.EnumerateFiles(MediaFolder, "*.part"));
    }

    [Fact]
    public async Task A_photo_whose_structure_cannot_be_followed_stays_published_as_it_is()
    {
        var damaged = TestImages.FromACamera(TestImages.PlainJpeg, TurnedRight)[..200];
        var path = Store(damaged, ".jpg");

        await Cleaner().CleanAsync(MediaFolder);

        Assert.Equal(damaged, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task The_pass_runs_once_per_folder_and_files_the_portal_did_not_name_are_left_alone()
    {
        var notOurs = Path.Combine(MediaFolder, "README.txt");
        await File.WriteAllTextAsync(notOurs, "operator's notes");
        await Cleaner().CleanAsync(MediaFolder);
        var addedLater = Store(TestImages.FromACamera(TestImages.PlainJpeg, TurnedRight), ".jpg");

        var rewritten = await Cleaner().CleanAsync(MediaFolder);

        Assert.Equal(0, rewritten);
        Assert.Equal(TestImages.FromACamera(TestImages.PlainJpeg, TurnedRight), await File.ReadAllBytesAsync(addedLater));
        Assert.Equal("operator's notes", await File.ReadAllTextAsync(notOurs));
    }
}
