using System;
using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary><c>type: url</c> values are absolute: relative ones resolve against <c>&lt;base href&gt;</c>, else the page URL.</summary>
public class UrlResolutionTests
{
    private static Uri? ReadUrl(string html, Uri? pageUrl = null)
    {
        var page = Page.Parse(html, pageUrl ?? TestPage.Url, Array.Empty<Selector>());
        return page.ReadUrl(page.Root, new FieldRef("image"), new[] { TestPage.Attr("img", "src") }, null, required: false);
    }

    [Fact]
    public void Absolute_url_is_kept()
    {
        Assert.Equal(
            "https://s0.rbk.ru/v6_top_pics/media/img/6/75/347489413865756.jpeg",
            ReadUrl("<img src='https://s0.rbk.ru/v6_top_pics/media/img/6/75/347489413865756.jpeg'>")!.AbsoluteUri);
    }

    [Fact]
    public void Relative_url_resolves_against_the_page_url()
    {
        Assert.Equal("https://example.com/news/img/a.png", ReadUrl("<img src='../img/a.png'>")!.AbsoluteUri);
    }

    [Fact]
    public void Root_relative_url_resolves_against_the_page_host()
    {
        Assert.Equal("https://example.com/img/a.png", ReadUrl("<img src='/img/a.png'>")!.AbsoluteUri);
    }

    [Fact]
    public void Relative_base_href_resolves_against_the_page_url_and_relative_urls_against_it()
    {
        var url = ReadUrl("<html><head><base href='/static/v2/'></head><body><img src='img/a.png'></body></html>");

        Assert.Equal("https://example.com/static/v2/img/a.png", url!.AbsoluteUri);
    }

    [Fact]
    public void Absolute_base_href_wins_over_the_page_url()
    {
        var url = ReadUrl("<html><head><base href='https://cdn.example.net/assets/'></head><body><img src='a.png'></body></html>");

        Assert.Equal("https://cdn.example.net/assets/a.png", url!.AbsoluteUri);
    }

    [Fact]
    public void Protocol_relative_url_takes_the_scheme_of_the_page()
    {
        var url = ReadUrl("<img src='//cdn.example.net/a.png'>", new Uri("http://example.com/page"));

        Assert.Equal("http://cdn.example.net/a.png", url!.AbsoluteUri);
    }

    [Fact]
    public void Protocol_relative_url_without_a_page_url_becomes_https()
    {
        Assert.True(Conversions.TryUrl("//cdn.example.net/a.png", null, out var url));

        Assert.Equal("https://cdn.example.net/a.png", url.AbsoluteUri);
    }

    [Fact]
    public void Entities_in_an_href_are_decoded()
    {
        var url = ReadUrl("<img src='https://pro.rbc.ru/demo/1?from=newsfeed&amp;utm_source=rbc.ru'>");

        Assert.Equal("https://pro.rbc.ru/demo/1?from=newsfeed&utm_source=rbc.ru", url!.AbsoluteUri);
    }
}
