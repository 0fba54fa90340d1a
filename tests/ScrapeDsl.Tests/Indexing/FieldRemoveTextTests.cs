using System.IO;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Xunit;

namespace ScrapeDsl.Tests.Indexing;

/// <summary>
/// A text value tests its field's remove list while it walks (<c>TextContent.Of(element, removed, remove)</c>); it
/// must leave out exactly what collecting the matches first leaves out (a view filled by a walk per selector, then
/// read), on every element of real pages, with the page's own removals in place.
/// </summary>
public class FieldRemoveTextTests
{
    private static readonly string[][] FieldRemoves =
    {
        new[] { ".article__text__overview", ".article__main-image" },
        new[] { "p", "span" },
        new[] { ":scope > div", "a" },
        new[] { "div > *" },
        new[] { "[class*=item]", "p.title", "img" },
    };

    [Theory]
    [InlineData("rbc.ru/fixtures/2025-06-03-politics-south-korea-election.html", "[data-role=fox-tail]", ".article__inline-item")]
    [InlineData("epaper.zeit.de/fixtures/article.html", ".caption")]
    [InlineData("abcnews.go.com/fixtures/article.html")]
    public void Testing_while_walking_leaves_out_what_collecting_first_does(string page, params string[] pageRemove)
    {
        var document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(RepositoryPaths.RulesFolder, page)));
        var pageView = new RemovedView();
        pageView.AddMatches(document.DocumentElement, pageRemove.Select(Selector.Parse).ToArray(), alreadyRemoved: null);
        var compared = 0;
        foreach (var remove in FieldRemoves)
        {
            var selectors = remove.Select(Selector.Parse).ToArray();
            foreach (var element in document.All.Where(element => element.Children.Length > 0))
            {
                var collected = new RemovedView();
                collected.AddMatches(element, selectors, pageView);
                collected.AddAll(pageView);

                Assert.Equal(TextContent.Of(element, collected), TextContent.Of(element, pageView, selectors));
                compared++;
            }
        }

        Assert.True(compared > 50, "too few elements compared: " + compared);
    }
}
