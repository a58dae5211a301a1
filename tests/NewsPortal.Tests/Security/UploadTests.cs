using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Media;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Security;

/// <summary>
/// SEC-29..SEC-32 through the real item form and the real /media addresses. PhotoUploadTests proves the same rows
/// in-process in more depth (every refused type, the pixel bomb before decoding, name checks).
/// </summary>
[Collection(SecurePortalCollection.Name)]
public sealed class UploadTests(SecurePortal portal)
{
    [Theory]
    [InlineData("page.jpg", "image/jpeg", "<html><body><script>alert(1)</script></body></html>")]
    [InlineData("drawing.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>")]
    [InlineData("shell.php", "image/png", "<?php system($_GET['c']); ?>")]
    [InlineData("shell.aspx", "image/gif", "<%@ Page Language=\"C#\" %><% Response.Write(1); %>")]
    [InlineData("polyglot.gif", "image/gif", "GIF89a/*\u0001\u0000\u0001\u0000\u0000\u0000\u0000*/=alert(1)//;")]
    [InlineData("notes.png", "image/png", "just some text that claims to be an image")]
    public async Task SEC_29_a_file_that_is_not_a_real_image_is_refused_and_nothing_is_stored(string fileName, string contentType, string body)
    {
        var item = await portal.NewItemAsync();
        using var editor = await PortalVisitor.SignedInAsync(portal);
        var before = PhotoFiles();

        var response = await UploadAsync(editor, item.Id, fileName, contentType, Encoding.Latin1.GetBytes(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // the form again, with the reason
        var reason = (await Html.ParseAsync(await response.Content.ReadAsStringAsync())).QuerySelector("[data-valmsg-for='PhotoUpload']")?.Text();
        Assert.False(string.IsNullOrEmpty(reason), "no reason shown for the refused photo");
        Assert.Null((await portal.StoredItemAsync(item.Id)).Photo?.FileName);
        Assert.Equal(before, PhotoFiles());
    }

    [Theory]
    [InlineData("../../appsettings.json")]
    [InlineData("..\\..\\photo.png")]
    [InlineData("/etc/passwd")]
    [InlineData("photo%00.png")]
    [InlineData("\u202Egnp.exe")]
    [InlineData("<img src=x onerror=alert(1)>.png")]
    public async Task SEC_30_the_stored_name_is_generated_whatever_the_client_calls_the_file(string clientName)
    {
        var item = await portal.NewItemAsync();
        using var editor = await PortalVisitor.SignedInAsync(portal);
        var before = PhotoFiles();

        var response = await UploadAsync(editor, item.Id, clientName, "image/png", TestImages.TinyPng);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = (await portal.StoredItemAsync(item.Id)).Photo!.FileName!;
        Assert.Matches("^[0-9a-f]{32}\\.png$", stored);
        Assert.Equal(new[] { stored }, PhotoFiles().Except(before));
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(Folder, "..", "..", "appsettings.json"))));
    }

    [Fact]
    public async Task SEC_31_a_stored_photo_is_served_only_as_an_inert_image()
    {
        var item = await portal.SampleItemAsync();
        using var reader = portal.NewClient();

        var photo = await reader.GetAsync($"/media/{item.Photo!.FileName}");

        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", photo.Value("X-Content-Type-Options"));
        Assert.Contains(photo.ContentSecurityPolicies(), p => p.ContainsKey("sandbox") && p.TryGetValue("default-src", out var s) && s is ["'none'"]);
        Assert.Equal(TestImages.TinyPng, await photo.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/media/")]
    [InlineData("/media")]
    [InlineData("/media/0123456789abcdef0123456789abcdef.html")]
    [InlineData("/media/..%2F..%2Fnewsportal.db")]
    [InlineData("/media/%2e%2e%2fnewsportal.db")]
    [InlineData("/uploads/")]
    [InlineData("/photos/")]
    [InlineData("/data/")]
    public async Task SEC_31_no_listing_no_other_files_and_no_html_under_media(string path)
    {
        using var reader = portal.NewClient();

        var response = await reader.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(".png", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SEC_32_an_image_declaring_huge_dimensions_is_refused_with_the_limit()
    {
        var item = await portal.NewItemAsync();
        using var editor = await PortalVisitor.SignedInAsync(portal);
        var bomb = (byte[])TestImages.TinyPng.Clone();
        // IHDR width and height (bytes 16..23) set to 30,000 × 30,000; the CRC no longer matches, as in a crafted file.
        foreach (var offset in new[] { 16, 20 }) { bomb[offset] = 0; bomb[offset + 1] = 0; bomb[offset + 2] = 0x75; bomb[offset + 3] = 0x30; }

        var response = await UploadAsync(editor, item.Id, "bomb.png", "image/png", bomb);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reason = (await Html.ParseAsync(await response.Content.ReadAsStringAsync())).QuerySelector("[data-valmsg-for='PhotoUpload']")?.Text() ?? "";
        Assert.True(reason.Contains("pixels") || reason.Contains("not a supported image"), $"reason shown: \"{reason}\"");
        Assert.Null((await portal.StoredItemAsync(item.Id)).Photo?.FileName);
    }

    [Fact]
    public async Task SEC_32_a_flood_of_uploads_is_slowed_down()
    {
        var item = await portal.NewItemAsync();
        using var editor = await PortalVisitor.SignedInAsync(portal);
        var edit = $"/admin/items/{item.Id}/edit";
        var form = await editor.FormAsync(edit, edit);
        form["intent"] = "preview"; // nothing is saved to the item, yet every upload is received and stored
        form["PhotoAltText"] = "flood";
        var statuses = new List<HttpStatusCode>();

        for (var upload = 0; upload < 150 && !statuses.Contains(HttpStatusCode.TooManyRequests); upload++)
        {
            var content = new MultipartFormDataContentFrom(form);
            content.Add(new ByteArrayContent(TestImages.TinyPng), "PhotoUpload", "flood.png");
            statuses.Add((await editor.Client.PostAsync(edit, content)).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    private string Folder => portal.Factory.Services.GetRequiredService<MediaStore>().Folder;

    private string[] PhotoFiles() =>
        Directory.Exists(Folder) ? Directory.GetFiles(Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetFileName(f)).Order().ToArray() : [];

    private static async Task<HttpResponseMessage> UploadAsync(PortalVisitor editor, int id, string fileName, string contentType, byte[] bytes)
    {
        var edit = $"/admin/items/{id}/edit";
        var form = await editor.FormAsync(edit, edit);
        form["PhotoAltText"] = "An uploaded photo";
        var content = new MultipartFormDataContentFrom(form);
        var file = new ByteArrayContent(bytes);
        file.Headers.TryAddWithoutValidation("Content-Type", contentType);
        content.Add(file, "PhotoUpload", fileName);
        return await editor.Client.PostAsync(edit, content);
    }
}
