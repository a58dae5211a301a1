using System.Net;
using System.Net.Http.Headers;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Importing;

public sealed class SmallUploadLimitFactory : NewsPortalFactory
{
    public SmallUploadLimitFactory() => Settings["Import:MaxUploadBytes"] = "2048";
}

/// <summary>BAD-26: an upload over the limit is refused with the limit named, and nothing is kept.</summary>
public sealed class UploadLimitTests(SmallUploadLimitFactory factory) : IClassFixture<SmallUploadLimitFactory>
{
    [Fact]
    public async Task An_upload_over_the_limit_is_refused_with_the_limit_in_the_message()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var (_, page) = await editor.GetAsync("/admin/import");
        var form = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(new byte[10_000]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "file", "big.json");

        var response = await editor.Client.PostAsync("/admin/import", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var result = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("The file is larger than the import limit of 2 KB; split it or import it from the command line.", result.QuerySelector(".warning")!.Text());
    }

    [Fact]
    public async Task An_upload_declared_over_the_limit_is_refused_before_its_body_is_read()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var bodySent = new TaskCompletionSource();
        using var upload = new StalledContent(declaredLength: 1024 * 1024, bodySent.Task);
        upload.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=stalled");
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        // The body never comes: only an answer from the headers alone can arrive.
        var response = await editor.Client.PostAsync("/admin/import", upload, patience.Token);
        bodySent.SetResult();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var result = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("The file is larger than the import limit of 2 KB; split it or import it from the command line.", result.QuerySelector(".warning")!.Text());
    }

    /// <summary>A body that declares its length, sends its first bytes and then waits, like a slow large upload.</summary>
    private sealed class StalledContent(long declaredLength, Task resume) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync("--stalled\r\n"u8.ToArray());
            await stream.FlushAsync();
            await resume;
        }

        protected override bool TryComputeLength(out long length)
        {
            length = declaredLength;
            return true;
        }
    }
}
