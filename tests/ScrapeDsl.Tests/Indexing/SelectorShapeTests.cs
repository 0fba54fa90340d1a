using System.Linq;
using Xunit;

namespace ScrapeDsl.Tests.Indexing;

/// <summary>
/// The keys the one-walk index files selectors under must be necessary conditions of a match: read from the subject
/// (last compound) outside functional pseudo-classes, ancestors only across descendant/child combinators, nothing at
/// all when the reader is unsure.
/// </summary>
public class SelectorShapeTests
{
    [Theory]
    [InlineData(".a", "Class:a")]
    [InlineData("div.a", "Class:a")]
    [InlineData("#main.a", "Id:main")]
    [InlineData("meta[property='og:title']", "Attribute:property=og:title")]
    [InlineData("meta[ name = description ]", "Attribute:name=description")]
    [InlineData("a[href]", "Attribute:href")]
    [InlineData("a[href^='http']", "Attribute:href")]
    [InlineData("img", "Tag:img")]
    [InlineData(".x .y", "Class:y")]
    [InlineData(".x > a.item:not(.ad)", "Class:item")]
    [InlineData("a:not([data-x*='\"p\":null'])", "Tag:a")]
    [InlineData("li:nth-child(2n + 1)", "Tag:li")]
    [InlineData("h1, .title", "Tag:h1|Class:title")]
    [InlineData("[data-role=fox-tail]", "Attribute:data-role=fox-tail")]
    [InlineData("a[lang|=en]", "Attribute:lang")]
    public void Subject_keys(string selector, string expected)
    {
        var shape = SelectorShape.Of(selector);
        Assert.NotNull(shape.Subjects);
        Assert.Equal(expected, string.Join("|", shape.Subjects!.Select(Describe)));
    }

    [Theory]
    [InlineData("*")]
    [InlineData(":not(.a)")]
    [InlineData(":is(.a, .b)")]
    [InlineData("div, *")]
    [InlineData(".a\\:b")]
    [InlineData("svg|rect")]
    [InlineData("[xlink|href]")]
    [InlineData(".кириллица")]
    [InlineData("a[title=\"x")]
    public void No_key_when_unsure(string selector) => Assert.Null(SelectorShape.Of(selector).Subjects);

    [Theory]
    [InlineData(".article__main-image img", "Class:article__main-image")]
    [InlineData(".js-news-feed-list > a.news-feed__item:not([data-x])", "Class:js-news-feed-list")]
    [InlineData("[itemprop=author] meta[itemprop=name]", "Attribute:itemprop=author")]
    [InlineData("main .a > .b .c", "Tag:main|Class:a|Class:b")]
    [InlineData(".a + .b", "")]
    [InlineData(".a ~ .b .c", "Class:b")]
    [InlineData(".p .a + .b", "Class:p")]
    [InlineData(".a .b, .c", "")]
    [InlineData(".a :not(.x .y) .b", "Class:a")]
    public void Ancestor_keys(string selector, string expected) =>
        Assert.Equal(expected, string.Join("|", SelectorShape.Of(selector).Ancestors.Select(Describe)));

    [Theory]
    [InlineData(".article__text", true)]
    [InlineData(" .a-b_c ", true)]
    [InlineData("div.a", true)]
    [InlineData("H1.a.b", true)]
    [InlineData(".a.b", true)]
    [InlineData("p", false)]
    [InlineData("header figure img", false)]
    [InlineData("[class*=intro] p", false)]
    [InlineData(".feed > a.item", true)]
    [InlineData(".hero figcaption, .content, article", true)]
    [InlineData("h1 + span ~ p.a", true)]
    [InlineData("my-el.a", true)]
    [InlineData("*.a", true)]
    [InlineData(".a:hover", true)]
    [InlineData(".feed > a.item:not([data-x*='\"p\":null'])", true)]
    [InlineData(".a:scope", false)]
    [InlineData("p::before", false)]
    [InlineData("p.a#x", true)]
    [InlineData("#articleContent > p.title", true)]
    [InlineData("#a[x]", false)]
    [InlineData(".a [x]", true)]
    [InlineData("svg|a", false)]
    public void Class_selectors_are_matched_apart_from_the_rest(string selector, bool expected) =>
        Assert.Equal(expected, Selector.Parse(selector).Filter.ClassSelectors is not null);

    private static string Describe(SelectorKey key) => key.Kind + ":" + key.Name + (key.Value is null ? "" : "=" + key.Value);
}
