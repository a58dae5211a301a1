using System.Net;
using AngleSharp.Dom;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Admin;

/// <summary>What an editor learns from a form with mistakes: every problem at once, next to its field and in a summary.</summary>
public sealed class ItemFormValidationTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private static async Task<IDocument> PageOf(HttpResponseMessage response) => await Html.ParseAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Three mistakes: one a field's own rule finds (the title), two that need the whole form (schedule, link text).</summary>
    private static Dictionary<string, string> FormWithThreeMistakes() => new()
    {
        ["Title"] = "",
        ["PublishedOn"] = "2013-04-05",
        ["Status"] = "Scheduled",
        ["Body"] = "Text the editor must not lose.",
        ["Links[0].Kind"] = "Speech",
        ["Links[0].Text"] = "here",
        ["Links[0].Url"] = "https://example.org/speech",
    };

    [Fact]
    public async Task Every_mistake_is_reported_at_once_not_one_round_after_another()
    {
        var editor = await EditorSession.SignInAsync(factory);

        var response = await editor.SubmitAsync("/admin/items/new", "/admin/items/new", FormWithThreeMistakes());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageOf(response);
        Assert.Equal("Give the item a title.", page.QuerySelector("[data-valmsg-for='Title']")!.Text());
        Assert.Equal("Give the time from which the scheduled item is public.", page.QuerySelector("[data-valmsg-for='PublishAt']")!.Text());
        Assert.StartsWith("\"here\" does not say where the link goes", page.QuerySelector("[data-valmsg-for='Links[0].Text']")!.Text());
        Assert.Equal("Text the editor must not lose.", page.QuerySelector("textarea[name='Body']")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_summary_above_the_form_links_each_mistake_to_its_field()
    {
        var editor = await EditorSession.SignInAsync(factory);

        var page = await PageOf(await editor.SubmitAsync("/admin/items/new", "/admin/items/new", FormWithThreeMistakes()));

        var links = page.QuerySelectorAll(".form-errors[role='alert'] li a").ToList();
        Assert.Equal(["Title", "PublishAt", "Links[0].Text"], links.Select(a => page.GetElementById(a.GetAttribute("href")![1..])?.GetAttribute("name")));
        Assert.Equal(["Give the item a title.", "Give the time from which the scheduled item is public."], links.Take(2).Select(a => a.Text()));
    }

    [Fact]
    public async Task A_refused_field_is_marked_invalid_and_names_its_message_for_screen_readers()
    {
        var editor = await EditorSession.SignInAsync(factory);

        var page = await PageOf(await editor.SubmitAsync("/admin/items/new", "/admin/items/new", FormWithThreeMistakes()));

        foreach (var name in new[] { "Title", "PublishAt", "Links[0].Text" })
        {
            var field = page.QuerySelector($"[name='{name}']")!;
            Assert.Equal("true", field.GetAttribute("aria-invalid"));
            var message = field.GetAttribute("aria-describedby")!.Split(' ').Select(page.GetElementById).Last()!;
            Assert.Equal(page.QuerySelector($"[data-valmsg-for='{name}']"), message);
            Assert.NotEmpty(message.Text());
        }
        var slug = page.QuerySelector("[name='Slug']")!;
        Assert.Null(slug.GetAttribute("aria-invalid"));
        Assert.Equal("slug-help", slug.GetAttribute("aria-describedby"));
    }
}
