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

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:void(0)")]
    [InlineData("  javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("DATA:image/png;base64,iVBORw0KGgo=")]
    [InlineData("vbscript:msgbox(1)")]
    public void Script_and_data_urls_are_a_conversion_failure_not_a_url(string href)
    {
        var page = Page.Parse("<a href=''>x</a>", TestPage.Url, Array.Empty<Selector>());
        page.Root.QuerySelector("a")!.SetAttribute("href", href);

        var url = page.ReadUrl(page.Root, new FieldRef("link"), new[] { TestPage.Attr("a", "href") }, null, required: false);

        Assert.Null(url);
        var problem = Assert.Single(page.Problems);
        Assert.Equal(ProblemKind.ConversionFailed, problem.Kind);
    }

    [Theory]
    [InlineData("javascript-guide.html", "https://example.com/news/2025/javascript-guide.html")]
    [InlineData("/data/a.png", "https://example.com/data/a.png")]
    [InlineData("data.html?q=1:2", "https://example.com/news/2025/data.html?q=1:2")]
    [InlineData("https://example.com/?next=javascript:x", "https://example.com/?next=javascript:x")]
    public void Paths_that_only_mention_a_script_scheme_are_urls(string href, string expected)
    {
        Assert.Equal(expected, ReadUrl("<img src='" + href + "'>")!.AbsoluteUri);
    }

    [Fact]
    public void A_relative_url_under_a_script_base_is_a_conversion_failure()
    {
        Assert.False(Conversions.TryUrl("a.png", new Uri("javascript:alert(1)"), out _));
    }

    [Fact]
    public void AbsoluteUrl_transform_gives_no_value_for_a_script_url()
    {
        var page = Page.Parse("<a href='javascript:alert(1)'>x</a>", TestPage.Url, Array.Empty<Selector>());
        var source = TestPage.Attr("a", "href");

        var value = page.ReadString(page.Root, new FieldRef("link"), new[] { source }, null, false, new[] { Transform.AbsoluteUrl() });

        Assert.Null(value);
    }
}
