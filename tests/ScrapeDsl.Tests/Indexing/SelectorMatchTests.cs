using System.IO;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Xunit;

namespace ScrapeDsl.Tests.Indexing;

/// <summary>
/// <c>Selector.Matches</c> answers some selectors without AngleSharp (a compound of classes, with or without a type,
/// read from the class attribute) and rules out elements by their keys before asking it; every answer must be
/// AngleSharp's own <c>Match</c>, on every element of real pages and of a page with unusual names and cases.
/// </summary>
public class SelectorMatchTests
{
    private const string Unusual = """
        <!DOCTYPE html><html><body>
          <p class="title">plain</p><P CLASS="Title x">upper</P><p CLASS="title x">upper attribute</p><p class=" title	x
        ">spaces</p><p class="titles">longer</p><div class="title">div</div>
          <svg class="title"><foreignObject class="title fo"></foreignObject><text class="title">t</text></svg>
          <my-el class="a b"></my-el><h1 class="a b c">h</h1><h1 class="b a">h</h1><span class="a-b_c"></span>
        </body></html>
        """;

    private static readonly string[] Selectors =
    {
        ".title", "p.title", "P.title", "p.Title", ".title.x", "p.title.x", "div.title", "svg.title", "foreignObject.fo",
        "foreignobject.fo", "text.title", "h1.a.b", "H1.b", ".a.b", ".a-b_c", "span.a-b_c", "my-el.a", "p", ".b .a",
        "a.article__header__category", "h1.article__header__title-in", "time.article__header__date", "a.article__tags__item",
        "p.title", "span.t", "a.news-feed__item", ".xTlfF.sapCZ", "div.fox-fallback",
    };

    [Theory]
    [InlineData(null)]
    [InlineData("rbc.ru/fixtures/2025-06-03-politics-south-korea-election.html")]
    [InlineData("epaper.zeit.de/fixtures/article.html")]
    [InlineData("abcnews.go.com/fixtures/article.html")]
    public void Matches_is_AngleSharps_Match(string? page)
    {
        var html = page is null ? Unusual : File.ReadAllText(Path.Combine(RepositoryPaths.RulesFolder, page));
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
