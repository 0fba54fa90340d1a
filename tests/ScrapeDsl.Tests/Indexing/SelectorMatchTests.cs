using System.IO;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Xunit;

namespace ScrapeDsl.Tests.Indexing;

/// <summary>
/// <c>Selector.Matches</c> answers selectors of types, classes and combinators itself (<c>ClassSelectors</c>) and rules
/// out elements by their keys before asking AngleSharp about the others; every answer must be AngleSharp's own
/// <c>Match</c>, on every element of real pages and of a page with unusual names, cases and siblings.
/// </summary>
public class SelectorMatchTests
{
    private const string Unusual = """
        <!DOCTYPE html><html><body>
          <p class="title">plain</p><P CLASS="Title x">upper</P><p CLASS="title x">upper attribute</p><p class=" title	x
        ">spaces</p><p class="titles">longer</p><div class="title">div</div>
          <svg class="title"><foreignObject class="title fo"></foreignObject><text class="title">t</text></svg>
          <my-el class="a b"></my-el><h1 class="a b c">h</h1><h1 class="b a">h</h1><span class="a-b_c"></span>
          <div class="a"><div class="b">text<span class="c"></span><!-- c --><span class="d"></span><p class="d">p</p></div></div>
          <a class="item" href="/a" data-x='{"p":"x"}'>A</a><a class="item" href="/c" data-x='{"p":null}'>C</a>
          <ul><li class="li">1</li><li class="li">2</li><li class="li">3</li></ul>
          <div><div><div><p>deep</p></div></div></div><div id="Main" class="page"><p class="title">in main</p><p id="x" class="d">x</p><p class="d"></p></div>
        </body></html>
        """;

    private static readonly string[] Selectors =
    {
        ".title", "p.title", "P.title", "p.Title", ".title.x", "p.title.x", "div.title", "svg.title", "foreignObject.fo",
        "foreignobject.fo", "text.title", "h1.a.b", "H1.b", ".a.b", ".a-b_c", "span.a-b_c", "my-el.a", "p", ".b .a",
        "a.article__header__category", "h1.article__header__title-in", "time.article__header__date", "a.article__tags__item",
        "p.title", "span.t", "a.news-feed__item", ".xTlfF.sapCZ", "div.fox-fallback",
        ".b .a", "body .title", "html > body", "svg text.title", "svg > .title", "div > p.title", ".title + .title", "p ~ p",
        "p + div", ".title ~ svg .fo", "h1 + h1.b", ".a > .b + .c ~ .d", "h1.a ~ span", ".hero figcaption, article, .title",
        ".js-news-feed-list > a.news-feed__item", ".article__main-image img", ".article__text p", ".rQqmM > .xTlfF.Vxqj",
        ".xTlfF.sapCZ + span", ".byline__text > a .byline__name", ".single-hero__image figcaption, .single-content, article",
        ".news-feed__item__title", "#articleContent > p.title", "div p", "div div div p", "body > div > div", "#Main .title",
        "#main .title", "div#Main.page", "#x.d", "p#x", "#articleContent", "#x + .d", "#articleContent #articleContent",
        "a.item:not([data-x*='\"p\":null'])", ".feed > a.item:not([data-x])", "li.li:nth-child(3)", "p.d:first-child",
        "p.d:last-child", "[itemprop=description]", ".article__main-image__title [itemprop=description]", "span:not(.t)",
        ":is(.a, .b) .c", ".a:has(.b)", "*.a", "a[href].item", ".title[class~=x]", "p:not(.title).d", ".b > :not(p)",
        "my-el.a", ".a .b:empty", "[class*=itl].title", "div.page > p:nth-of-type(2)", ".xTlfF:not(.sapCZ)",
    };

    [Theory]
    [InlineData(null)]
    [InlineData("quirks")]
    [InlineData("rbc.ru/fixtures/2025-06-03-politics-south-korea-election.html")]
    [InlineData("epaper.zeit.de/fixtures/article.html")]
    [InlineData("abcnews.go.com/fixtures/article.html")]
    public void Matches_is_AngleSharps_Match(string? page)
    {
        var html = page switch
        {
            null => Unusual,
            "quirks" => Unusual.Replace("<!DOCTYPE html>", string.Empty), // no doctype: quirks mode, where ids and classes may compare differently
            _ => File.ReadAllText(Path.Combine(RepositoryPaths.RulesFolder, page)),
        };
        foreach (var parser in new[] { new HtmlParser(), new HtmlParser(new HtmlParserOptions { IsPreservingAttributeNames = true }) })
        {
            var document = parser.ParseDocument(html);
            var matched = 0;
            foreach (var selector in Selectors.Select(Selector.Parse))
            {
                foreach (var element in document.All)
                {
                    var expected = selector.Compiled.Match(element, null);

                    Assert.True(expected == selector.Matches(element, null), $"{selector} on <{element.LocalName} class='{element.ClassName}'>");
                    Assert.True(expected == selector.MatchesCandidate(element, null), $"{selector} (candidate) on <{element.LocalName} class='{element.ClassName}'>");
                    matched += expected ? 1 : 0;
                }
            }

            Assert.True(matched > 3, "the selectors match almost nothing on this page: " + matched);
        }
    }
}
