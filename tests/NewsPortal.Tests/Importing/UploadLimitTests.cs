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
}
