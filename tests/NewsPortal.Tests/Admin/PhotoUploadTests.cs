using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Admin;

/// <summary>SEC-29..32: photos are verified by content, stored under generated names and served inertly.</summary>
public sealed class PhotoUploadTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private static byte[] PngDeclaring(int width, int height)
    {
        var png = (byte[])TestImages.TinyPng.Clone();
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        return png;
    }

    private static async Task<HttpResponseMessage> UploadAsync(EditorSession editor, byte[] file, string fileName, string contentType)
    {
        var (_, page) = await editor.GetAsync("/admin/items/new");
        var values = EditorSession.FormValues(page.QuerySelector("form[action='/admin/items/new']")!);
        values["Title"] = $"With a photo {Guid.NewGuid():N}";
        values["PublishedOn"] = "2012-01-02";
        values["Status"] = "Published";
        values["PhotoAltText"] = "Two people at a conference table";
        values["PhotoCaption"] = "At the conference";
        values["PhotoCredit"] = "Test";
        var content = new MultipartFormDataContentFrom(values);
        var photo = new ByteArrayContent(file);
        photo.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(photo, "PhotoUpload", fileName);
        return await editor.Client.PostAsync("/admin/items/new", content);
    }

    [Fact]
    public async Task A_real_image_is_stored_under_a_generated_name_and_served_as_an_image_only()
    {
        var editor = await EditorSession.SignInAsync(factory);

        var response = await UploadAsync(editor, TestImages.TinyPng, "../../appsettings.json", "image/png");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, form) = await editor.GetAsync(response.Headers.Location!.OriginalString);
        var stored = form.QuerySelector("input[name='PhotoFileName']")!.GetAttribute("value")!;
        Assert.Matches("^[0-9a-f]{32}\\.png$", stored);

        var served = await factory.CreateClient().GetAsync($"/media/{stored}");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", served.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(TestImages.TinyPng, await served.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("<html><script>alert(1)</script></html>", "photo.jpg", "image/jpeg")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "photo.svg", "image/svg+xml")]
    [InlineData("<% Response.Write(1) %>", "photo.jpg.aspx", "image/jpeg")]
    public async Task Files_that_are_not_images_are_refused_whatever_they_claim(string body, string fileName, string contentType)
    {
        var editor = await EditorSession.SignInAsync(factory);

        var response = await UploadAsync(editor, System.Text.Encoding.UTF8.GetBytes(body), fileName, contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("The file is not a supported image (JPEG, PNG, GIF or WebP).", page.QuerySelector("[data-valmsg-for='PhotoUpload']")!.Text());
        Assert.Equal("Two people at a conference table", page.QuerySelector("input[name='PhotoAltText']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task An_image_declaring_huge_dimensions_is_refused_before_decoding()
    {
        var editor = await EditorSession.SignInAsync(factory);

        var response = await UploadAsync(editor, PngDeclaring(30000, 30000), "bomb.png", "image/png");

        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("The image is 30000 × 30000 pixels; at most 8000 pixels per side are accepted.", page.QuerySelector("[data-valmsg-for='PhotoUpload']")!.Text());
    }

    [Theory]
    [InlineData("../../appsettings.json")]
    [InlineData("0123456789abcdef0123456789abcdef.html")]
    [InlineData("nothing.png")]
    public async Task Only_stored_photos_can_be_fetched(string name)
    {
        var response = await factory.CreateClient().GetAsync("/media/" + Uri.EscapeDataString(name));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void A_stored_name_can_never_point_outside_the_media_folder()
    {
        var media = factory.Services.GetRequiredService<NewsPortal.Core.Media.MediaStore>();

        Assert.Null(media.PathOf("../0123456789abcdef0123456789abcdef.jpg"));
        Assert.Null(media.PathOf("/a/0123456789abcdef0123456789abcdef.jpg"));
    }
}
