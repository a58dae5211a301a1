using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Core.News;

namespace NewsPortal.Tests.Builders;

/// <summary>Makes items for a test with sensible defaults; each test states only what matters to it.</summary>
public sealed class NewsItemBuilder
{
    private static int _counter;
    private readonly NewsItem _item;

    public NewsItemBuilder()
    {
        var n = Interlocked.Increment(ref _counter);
        _item = new NewsItem
        {
            Slug = "",
            Title = $"Test item {n} {Guid.NewGuid():N}",
            Summary = "A summary written for a test.",
            Body = "A body written for a test.",
            PublishedOn = new DateOnly(2011, 1, 1),
            Status = NewsStatus.Published,
            Section = NewsSection.News,
        };
    }

    public NewsItemBuilder Titled(string title) { _item.Title = title; return this; }
    public NewsItemBuilder On(DateOnly date) { _item.PublishedOn = date; return this; }
    public NewsItemBuilder WithStatus(NewsStatus status, DateTime? publishAtUtc = null)
    {
        _item.Status = status;
        _item.PublishAtUtc = publishAtUtc;
        return this;
    }
    public NewsItemBuilder InSection(NewsSection section) { _item.Section = section; return this; }
    public NewsItemBuilder WithBody(string markdown) { _item.Body = markdown; return this; }
    public NewsItemBuilder InLanguage(string language) { _item.Language = language; return this; }
    public NewsItemBuilder WithPhoto(string fileName, string caption = "A caption written for a test.")
    {
        _item.Photo = new NewsPhoto { FileName = fileName, AltText = "A test photo", Caption = caption };
        return this;
    }
    public NewsItemBuilder WithLink(NewsLinkKind kind, string text, string url)
    {
        _item.Links.Add(new NewsLink { Kind = kind, Text = text, Url = url });
        return this;
    }
    public NewsItemBuilder FromSourceAddress(string address) { _item.SourceAddress = address; return this; }
    public NewsItemBuilder Tagged(params string[] tags) { _item.Tags = NewsPortal.Core.News.Tags.Normalize(tags); return this; }

    public NewsItem Build() => _item;

    /// <summary>Saves the item through the app's own writer and returns it with its slug.</summary>
    public async Task<NewsItem> SaveAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NewsWriter>().AddAsync(_item, "test");
        await scope.ServiceProvider.GetRequiredService<NewsDbContext>().SaveChangesAsync();
        return _item;
    }

    public static async Task SaveManyAsync(IServiceProvider services, IEnumerable<NewsItemBuilder> builders)
    {
        await using var scope = services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<NewsWriter>();
        foreach (var builder in builders) await writer.AddAsync(builder._item, "test");
        await scope.ServiceProvider.GetRequiredService<NewsDbContext>().SaveChangesAsync();
    }
}
