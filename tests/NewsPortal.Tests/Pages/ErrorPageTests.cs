using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Pages;

/// <summary>Adds an address that fails, to see what a reader gets when something breaks.</summary>
public sealed class FailingPageFactory : NewsPortalFactory
{
    public const string SecretDetail = "connection to db-internal-7 refused";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddControllers().AddApplicationPart(typeof(FailingController).Assembly));
    }
}

/// <summary>Only in this test's app: an address whose action fails.</summary>
public sealed class FailingController : Microsoft.AspNetCore.Mvc.Controller
{
    [Microsoft.AspNetCore.Mvc.HttpGet("/test-failure")]
    public Microsoft.AspNetCore.Mvc.IActionResult Fail() => throw new InvalidOperationException(FailingPageFactory.SecretDetail);
}

public sealed class ErrorPageTests(FailingPageFactory factory) : IClassFixture<FailingPageFactory>
{
    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/news/no-such-item")]
    [InlineData("/news/%27")]
    public async Task An_unknown_address_shows_the_not_found_page_in_the_site_chrome(string path)
    {
        var (response, page) = await factory.CreateClient().GetPageAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("main h1")!.Text());
        Assert.NotNull(page.QuerySelector(".archive-banner"));
        Assert.NotNull(page.QuerySelector("nav.left-nav"));
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/search");
    }

    [Theory]
    [InlineData("/error")]
    [InlineData("/error/200")]
    [InlineData("/error/301")]
    [InlineData("/error/500")]
    [InlineData("/error/99")]
    [InlineData("/error/999")]
    public async Task An_error_page_asked_for_by_its_address_is_not_found(string path)
    {
        var (response, page) = await factory.CreateClient().GetPageAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page not found", page.QuerySelector("main h1")!.Text());
    }

    [Fact]
    public async Task Posting_to_an_unknown_address_answers_404()
    {
        var response = await factory.CreateClient().PostAsync("/no-such-page", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_failure_shows_a_plain_error_page_without_internals()
    {
        var response = await factory.CreateClient().GetAsync("/test-failure");
        var body = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(body);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Something went wrong", page.QuerySelector("main h1")!.Text());
        Assert.DoesNotContain(FailingPageFactory.SecretDetail, body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain(".cs:line", body);
    }
}
