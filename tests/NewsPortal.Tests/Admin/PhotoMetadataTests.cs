using System.Net;
using System.Net.Http.Headers;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.Gif;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Photoshop;
using MetadataExtractor.Formats.Xmp;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Media;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Admin;

/// <summary>
/// BAD-34: a published photo carries no metadata about where and with what it was taken; the picture itself, and the way
/// it is turned, stay exactly as uploaded. Metadata is read back with MetadataExtractor, independently of the app's code.
/// </summary>
public sealed class PhotoMetadataTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private const ushort TurnedRight = 6; // "rotate 90° clockwise to display", as phones held upright write it

    private static IReadOnlyList<MetadataExtractor.Directory> MetadataOf(byte[] image) => ImageMetadataReader.ReadMetadata(new MemoryStream(image));

    private async Task<byte[]> StoreAsync(byte[] image)
    {
        var media = factory.Services.GetRequiredService<MediaStore>();
        var saved = await media.SaveAsync(new MemoryStream(image));
        Assert.True(saved.FileName is not null, saved.Error);
        return await File.ReadAllBytesAsync(media.PathOf(saved.FileName)!);
    }

    [Fact]
    public async Task A_photo_uploaded_with_the_item_form_is_published_without_its_GPS_position_camera_or_comments()
    {
        var original = TestImages.FromACamera(TestImages.PlainJpeg, TurnedRight);
        Assert.Single(MetadataOf(original).OfType<GpsDirectory>());
        var editor = await EditorSession.SignInAsync(factory);
        var (_, page) = await editor.GetAsync("/admin/items/new");
        var values = EditorSession.FormValues(page.QuerySelector("form[action='/admin/items/new']")!);
        values["Title"] = $"Phone photo {Guid.NewGuid():N}";
        values["PublishedOn"] = "2012-01-02";
        values["Status"] = "Published";
        values["PhotoAltText"] = "A red and a blue field";
        var content = new MultipartFormDataContentFrom(values);
        var photo = new ByteArrayContent(original);
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(photo, "PhotoUpload", "IMG_0001.jpg");

        var response = await editor.Client.PostAsync("/admin/items/new", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, form) = await editor.GetAsync(response.Headers.Location!.OriginalString);
        var served = await factory.CreateClient().GetByteArrayAsync($"/media/{form.QuerySelector("input[name='PhotoFileName']")!.GetAttribute("value")}");
        var metadata = MetadataOf(served);
        Assert.Empty(metadata.OfType<GpsDirectory>());
        Assert.Empty(metadata.OfType<XmpDirectory>());
        Assert.Empty(metadata.OfType<PhotoshopDirectory>());
        Assert.Empty(metadata.OfType<IptcDirectory>());
        Assert.Empty(metadata.OfType<JpegCommentDirectory>());
        var exif = Assert.Single(metadata.OfType<ExifIfd0Directory>());
        Assert.Equal([ExifDirectoryBase.TagOrientation], exif.Tags.Select(t => t.Type));
        Assert.Equal(TurnedRight, exif.GetUInt16(ExifDirectoryBase.TagOrientation));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_compressed_picture_is_kept_byte_for_byte_and_only_the_orientation_of_the_EXIF_remains(bool progressive)
    {
        var picture = progressive ? TestImages.PlainProgressiveJpeg : TestImages.PlainJpeg;

        var stored = await StoreAsync(TestImages.FromACamera(picture, TurnedRight));

        Assert.Equal(TestImages.WithOnlyOrientation(picture, TurnedRight), stored);
    }

    [Fact]
    public async Task An_upright_photo_keeps_no_EXIF_at_all()
    {
        var stored = await StoreAsync(TestImages.FromACamera(TestImages.PlainJpeg, orientation: 1));

        Assert.Equal(TestImages.PlainJpeg, stored);
    }

    [Fact]
    public async Task A_photo_without_metadata_is_stored_unchanged()
    {
        Assert.Equal(TestImages.PlainJpeg, await StoreAsync(TestImages.PlainJpeg));
        Assert.Equal(TestImages.TinyPng, await StoreAsync(TestImages.TinyPng));
    }

    [Fact]
    public async Task A_png_loses_its_text_and_EXIF_chunks_but_keeps_its_orientation_and_its_pixels()
    {
        var original = TestImages.PngFromACamera(TurnedRight);

        var stored = await StoreAsync(original);

        Assert.Equal([.. TestImages.TinyPng[..33], .. TestImages.Chunk("eXIf", TestImages.OrientationOnlyExif(TurnedRight)), .. TestImages.TinyPng[33..]], stored);
    }

    [Fact]
    public async Task A_webp_loses_its_XMP_and_EXIF_chunks_but_keeps_its_orientation_and_its_picture()
    {
        var stored = await StoreAsync(TestImages.WebpFromACamera(TurnedRight));

        Assert.Equal(TestImages.ExtendedWebp(TestImages.WebpExifFlag, TestImages.WebpChunk("EXIF", TestImages.OrientationOnlyExif(TurnedRight))), stored);
    }

    [Fact]
    public async Task An_upright_webp_keeps_no_EXIF_and_says_so_in_its_flags()
    {
        var stored = await StoreAsync(TestImages.WebpFromACamera(orientation: 1));

        Assert.Equal(TestImages.ExtendedWebp(flags: 0), stored);
        Assert.Equal(TestImages.TinyWebp, await StoreAsync(TestImages.TinyWebp));
    }

    [Fact]
    public async Task A_gif_loses_its_comment_and_XMP_but_keeps_its_frames_and_its_looping()
    {
        var original = TestImages.GifFromAnEditor();
        Assert.Single(MetadataOf(original).OfType<GifCommentDirectory>());
        Assert.Single(MetadataOf(original).OfType<XmpDirectory>());

        var stored = await StoreAsync(original);

        Assert.Equal(TestImages.TinyGifWith(TestImages.GifLoopForever), stored);
        Assert.Empty(MetadataOf(stored).OfType<GifCommentDirectory>());
        Assert.Empty(MetadataOf(stored).OfType<XmpDirectory>());
        Assert.Single(MetadataOf(stored).OfType<GifAnimationDirectory>());
        Assert.Equal(TestImages.TinyGif, await StoreAsync(TestImages.TinyGif));
    }

    [Fact]
    public async Task A_gif_that_ends_before_its_trailer_is_refused()
    {
        var cut = TestImages.GifFromAnEditor()[..40];

        var saved = await factory.Services.GetRequiredService<MediaStore>().SaveAsync(new MemoryStream(cut));

        Assert.Null(saved.FileName);
        Assert.Equal("The image file is damaged: its structure could not be read.", saved.Error);
    }

    [Fact]
    public async Task A_jpeg_whose_structure_breaks_off_is_refused_rather_than_stored_with_its_metadata()
    {
        var photo = TestImages.FromACamera(TestImages.PlainJpeg, TurnedRight);
        // Cut inside the Huffman tables that follow the frame header: the size is readable, the rest is not.
        var startOfFrame = photo.AsSpan().IndexOf((byte[])[0xFF, 0xC0]);
        var cut = photo[..(startOfFrame + 30)];

        var saved = await factory.Services.GetRequiredService<MediaStore>().SaveAsync(new MemoryStream(cut));

        Assert.Null(saved.FileName);
        Assert.Equal("The image file is damaged: its structure could not be read.", saved.Error);
    }
}
