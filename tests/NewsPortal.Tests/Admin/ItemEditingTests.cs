using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Core.News;
using NewsPortal.Tests.Fixtures;

namespace NewsPortal.Tests.Admin;

public sealed class ItemEditingTests(NewsPortalFactory factory) : IClassFixture<NewsPortalFactory>
{
    private static Dictionary<string, string> NewItemFields(string title, string body = "First paragraph.\n\nSecond *paragraph*.", string status = "Published") => new()
    {
        ["Title"] = title,
        ["PublishedOn"] = "2013-04-05",
        ["Status"] = status,
        ["Body"] = body,
        ["Summary"] = "Written by a test.",
        ["Links[0].Kind"] = "Speech",
        ["Links[0].Text"] = "Read the full speech",
        ["Links[0].Url"] = "https://example.org/speech",
    };

    private async Task<int> CreateItemAsync(EditorSession editor, string title, string status = "Published")
    {
        var response = await editor.SubmitAsync("/admin/items/new", "/admin/items/new", NewItemFields(title, status: status));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/admin/items/\d+/edit\?saved=1$", location);
        return int.Parse(location.Split('/')[3]);
    }

    private Task<NewsItem> ItemAsync(int id) =>
        factory.WithScopeAsync(services => services.GetRequiredService<NewsDbContext>().NewsItems.AsNoTracking().SingleAsync(i => i.Id == id));

    private static async Task<IDocument> PageOf(HttpResponseMessage response) => await Html.ParseAsync(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task An_item_written_in_the_form_is_published_for_readers()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var title = $"Published from the form {Guid.NewGuid():N}";

        var id = await CreateItemAsync(editor, title);

        var item = await ItemAsync(id);
        var (response, page) = await factory.CreateClient().GetPageAsync($"/news/{item.Slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(title, page.QuerySelector("article h1")!.Text());
        Assert.Equal("5 April 2013", page.QuerySelector("article .news-date")!.Text());
        Assert.Equal("paragraph", page.QuerySelector("article .news-body em")!.Text());
        Assert.Equal("https://example.org/speech", page.QuerySelector("article .related-link a")!.GetAttribute("href"));
        Assert.Equal(editor.Email, item.CreatedBy);
    }

    [Fact]
    public async Task A_missing_title_is_reported_next_to_the_field_and_the_body_is_kept()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var fields = NewItemFields("", body: "Text the editor must not lose.");

        var response = await editor.SubmitAsync("/admin/items/new", "/admin/items/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageOf(response);
        Assert.Equal("Give the item a title.", page.QuerySelector("[data-valmsg-for='Title']")!.Text());
        Assert.Equal("Text the editor must not lose.", page.QuerySelector("textarea[name='Body']")!.TextContent.Trim());
        Assert.Equal("Read the full speech", page.QuerySelector("input[name='Links[0].Text']")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("here", "Links[0].Text")]
    [InlineData("javascript:alert(1)", "Links[0].Url")]
    public async Task Bad_links_are_refused_with_a_reason(string value, string field)
    {
        var editor = await EditorSession.SignInAsync(factory);
        var fields = NewItemFields("Item with a bad link");
        fields[field] = value;

        var page = await PageOf(await editor.SubmitAsync("/admin/items/new", "/admin/items/new", fields));

        Assert.NotEmpty(page.QuerySelector($"[data-valmsg-for='{field}']")!.Text());
    }

    [Fact]
    public async Task Preview_renders_the_body_with_the_public_pipeline_without_saving()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var title = $"Only previewed {Guid.NewGuid():N}";
        var fields = NewItemFields(title, body: "Hello **bold** <script>alert(1)</script>");
        fields["intent"] = "preview";

        var page = await PageOf(await editor.SubmitAsync("/admin/items/new", "/admin/items/new", fields));

        Assert.Equal("bold", page.QuerySelector(".preview .news-body strong")!.Text());
        Assert.Empty(page.QuerySelectorAll(".preview script"));
        Assert.False(await factory.WithScopeAsync(s => s.GetRequiredService<NewsDbContext>().NewsItems.AnyAsync(i => i.Title == title)));
    }

    [Fact]
    public async Task The_live_preview_endpoint_returns_sanitized_html()
    {
        var editor = await EditorSession.SignInAsync(factory);

        var response = await editor.PostWithTokenFromAsync("/admin/items/new", "/admin/items/preview", new() { ["body"] = "# Heading {onclick=alert(1)}\n\n[x](javascript:alert(2))" });

        var html = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Heading", html.QuerySelector("h1")!.Text());
        Assert.Null(html.QuerySelector("h1")!.GetAttribute("onclick"));
        Assert.Empty(html.QuerySelectorAll("a"));
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_changes_nothing()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var id = await CreateItemAsync(editor, $"Guarded {Guid.NewGuid():N}");
        var before = await ItemAsync(id);

        var response = await editor.PostAsync($"/admin/items/{id}/edit",
            new() { ["Title"] = "Forged", ["PublishedOn"] = "2013-04-05", ["Version"] = before.Version.ToString(), ["Language"] = "en" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before.Title, (await ItemAsync(id)).Title);
    }

    [Fact]
    public async Task Extra_posted_fields_cannot_set_ids_or_audit_fields()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var id = await CreateItemAsync(editor, $"Mass assignment {Guid.NewGuid():N}");

        await editor.SubmitAsync($"/admin/items/{id}/edit", $"/admin/items/{id}/edit",
            new() { ["Id"] = "1", ["CreatedBy"] = "attacker", ["DeletedAtUtc"] = "2000-01-01", ["SourceAddress"] = "/x", ["Title"] = "Renamed" });

        var item = await ItemAsync(id);
        Assert.Equal("Renamed", item.Title);
        Assert.Equal(editor.Email, item.CreatedBy);
        Assert.Null(item.DeletedAtUtc);
        Assert.Null(item.SourceAddress);
        Assert.NotEqual("Renamed", (await ItemAsync(1)).Title);
    }

    [Fact]
    public async Task Drafts_are_visible_to_editors_by_their_preview_link_only()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var title = $"Draft {Guid.NewGuid():N}";
        var id = await CreateItemAsync(editor, title, status: "Draft");
        var slug = (await ItemAsync(id)).Slug;

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/news/{slug}")).StatusCode);
        var (preview, page) = await editor.GetAsync($"/admin/items/{id}/preview");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(title, page.QuerySelector("article h1")!.Text());
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserLikeClient().GetAsync($"/admin/items/{id}/preview")).StatusCode);
    }

    [Fact]
    public async Task Deleting_asks_first_and_then_the_public_address_answers_gone()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var id = await CreateItemAsync(editor, $"To be deleted {Guid.NewGuid():N}");
        var slug = (await ItemAsync(id)).Slug;

        var (confirm, confirmPage) = await editor.GetAsync($"/admin/items/{id}/delete");
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.NotNull(confirmPage.QuerySelector($"form[action='/admin/items/{id}/delete'] button"));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/news/{slug}")).StatusCode);

        var deleted = await editor.SubmitAsync($"/admin/items/{id}/delete", $"/admin/items/{id}/delete", []);

        Assert.Equal("/admin/items?notice=deleted", deleted.Headers.Location!.OriginalString);
        var (gone, gonePage) = await factory.CreateClient().GetPageAsync($"/news/{slug}");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal("Item removed", gonePage.QuerySelector("main h1")!.Text());
    }

    [Fact]
    public async Task The_list_filters_by_title_status_and_section()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var marker = Guid.NewGuid().ToString("N")[..8];
        await CreateItemAsync(editor, $"Listed draft {marker}", status: "Draft");
        await CreateItemAsync(editor, $"Listed published {marker}");

        var (_, drafts) = await editor.GetAsync($"/admin/items?search={marker}&status=Draft");
        var (_, all) = await editor.GetAsync($"/admin/items?search={marker}&sort=TitleAsc");

        Assert.Equal([$"Listed draft {marker}"], drafts.QuerySelectorAll("table.items tbody a").Select(a => a.Text()));
        Assert.Equal([$"Listed draft {marker}", $"Listed published {marker}"], all.QuerySelectorAll("table.items tbody a").Select(a => a.Text()));
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.Client.GetAsync("/admin/items?sort=PasswordHash")).StatusCode);
    }

    /// <summary>Adds <paramref name="suffix"/> to the item's slug through the edit form; returns the slug it had.</summary>
    private static async Task<string> RenameAsync(EditorSession editor, int id, string suffix)
    {
        var (_, form) = await editor.GetAsync($"/admin/items/{id}/edit");
        var values = EditorSession.FormValues(form.QuerySelector($"form[action='/admin/items/{id}/edit']")!);
        var slug = values["Slug"];
        values["Slug"] = slug + suffix;
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync($"/admin/items/{id}/edit", values)).StatusCode);
        return slug;
    }

    [Fact]
    public async Task Renaming_an_item_keeps_its_old_address_working_with_a_permanent_redirect()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var oldSlug = await RenameAsync(editor, await CreateItemAsync(editor, $"Renamed later {Guid.NewGuid():N}"), "-renamed");
        using var reader = factory.CreateClient(new() { AllowAutoRedirect = false });

        var item = await reader.GetAsync($"/news/{oldSlug}");
        var revision = await reader.GetAsync($"/news/{oldSlug}/revisions/1");
        var timeMap = await reader.GetAsync($"/news/{oldSlug}/timemap");

        Assert.Equal(HttpStatusCode.MovedPermanently, item.StatusCode);
        Assert.Equal($"/news/{oldSlug}-renamed", item.Headers.Location!.OriginalString);
        Assert.Equal($"/news/{oldSlug}-renamed/revisions/1", revision.Headers.Location!.OriginalString);
        Assert.Equal($"/news/{oldSlug}-renamed/timemap", timeMap.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(item.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task A_former_slug_taken_by_another_item_serves_that_item()
    {
        var editor = await EditorSession.SignInAsync(factory);
        var slug = await RenameAsync(editor, await CreateItemAsync(editor, $"Gave up its slug {Guid.NewGuid():N}"), "-moved");
        var fields = NewItemFields("Took the freed slug");
        fields["Slug"] = slug;
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync("/admin/items/new", "/admin/items/new", fields)).StatusCode);

        var (response, page) = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetPageAsync($"/news/{slug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Took the freed slug", page.QuerySelector("article h1")!.Text());
    }

    [Fact]
    public async Task A_pasted_control_character_is_refused_next_to_its_field()
    {
        var editor = await EditorSession.SignInAsync(factory);

        var page = await PageOf(await editor.SubmitAsync("/admin/items/new", "/admin/items/new", NewItemFields("Title with a \u000B vertical tab")));

        Assert.Equal("Remove the invisible control character (it was probably pasted in).", page.QuerySelector("[data-valmsg-for='Title']")!.Text());
    }

    [Theory]
    [InlineData("Links[0].Text", "Read the\u000Bfull speech")]
    [InlineData("Links[0].Url", "https://example.org/spe\u0007ech")]
    public async Task A_pasted_control_character_in_a_link_is_refused_as_the_importer_would(string field, string value)
    {
        var editor = await EditorSession.SignInAsync(factory);
        var fields = NewItemFields($"Item with a pasted link {Guid.NewGuid():N}");
        fields[field] = value;

        var response = await editor.SubmitAsync("/admin/items/new", "/admin/items/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Remove the invisible control character (it was probably pasted in).", (await PageOf(response)).QuerySelector($"[data-valmsg-for='{field}']")!.Text());
    }
}
