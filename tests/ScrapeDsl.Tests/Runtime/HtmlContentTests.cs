using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using ScrapeDsl.Examples;
using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary>
/// <c>value: html</c> sanitizes the already-parsed element (imported into a scratch document) instead of serializing
/// it and letting HtmlSanitizer parse the string again. That must give what HtmlSanitizer's string API gives for the
/// element's inner HTML, on real markup and on markup that does not survive a serialize-and-parse round trip unchanged.
/// </summary>
public class HtmlContentTests
{
    private static readonly HtmlSanitizer s_reference = new();

    public static IEnumerable<object[]> ExamplePages() =>
        ExampleCatalog.Discover(RepositoryPaths.RulesFolder, out _)
            .Select(example => example.PagePath)
            .Distinct(StringComparer.Ordinal)
            .Select(page => new object[] { Path.GetRelativePath(RepositoryPaths.RulesFolder, page) });

    [Theory]
    [MemberData(nameof(ExamplePages))]
    public void Every_element_of_an_example_page_gives_what_the_string_api_gives(string page)
    {
        // Parsed as the runtime parses (comments kept without their text), the elements HtmlContent meets in extraction.
        var document = new HtmlParser(Page.ParserOptions).ParseDocument(File.ReadAllText(Path.Combine(RepositoryPaths.RulesFolder, page)));
        var baseUri = new Uri("https://example.com/news/2025/page.html");
        var compared = 0;
        foreach (var element in document.Body!.QuerySelectorAll("*").Where(e => e.InnerHtml.Length < 20_000))
        {
            Assert.Equal(Reference(element, baseUri), HtmlContent.Of(element, baseUri));
            compared++;
        }

        Assert.True(compared > 20, $"only {compared} elements compared on {page}");
    }

    [Theory]
    [InlineData("<p>one<p>two")]                                                // implied end tags
    [InlineData("<table><tr><td>cell</td></tr></table>")]                      // implied tbody
    [InlineData("<b>bold <i>both</b> italic</i>")]                             // mis-nested: adoption agency
    [InlineData("<a href='/x'>outer <a href='/y'>inner</a></a>")]             // nested links
    [InlineData("<p style='color: red; position: fixed'>styled</p>")]          // style sanitizing needs CSS
    [InlineData("<form><input name=a onfocus=steal()></form><!-- comment -->")] // forms and comments dropped
    [InlineData("<svg><script>steal()</script><a xlink:href='javascript:x'>s</a></svg>")]
    [InlineData("<template><p>inert</p></template><noscript><p>no</p></noscript>")]
    [InlineData("<img src='data:image/png;base64,AAAA' srcset='/a.png 1x, /b.png 2x'>")]
    [InlineData("text &amp; &lt;escaped&gt; &nbsp;")]
    [InlineData("<script>if (a < b) document.write('<p>x</p>')</script><style>p { color: red }</style>")]
    public void Tricky_markup_gives_what_the_string_api_gives(string html)
    {
        var document = new HtmlParser().ParseDocument("<div id=x>" + html + "</div>");
        var element = document.GetElementById("x")!;
        var baseUri = new Uri("https://example.com/news/2025/page.html");

        Assert.Equal(Reference(element, baseUri), HtmlContent.Of(element, baseUri));
    }

    [Theory]
    [InlineData("<script id=x><!-- new Image().src = '//counter' --></script>")]
    [InlineData("<textarea id=x><b>not bold</b></textarea>")]
    [InlineData("<noscript id=x><img src='/pixel.gif'></noscript>")]
    public void Raw_text_elements_give_what_the_string_api_gives(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var element = document.GetElementById("x")!;
        var baseUri = new Uri("https://example.com/news/2025/page.html");

        Assert.Equal(Reference(element, baseUri), HtmlContent.Of(element, baseUri));
    }

    [Fact]
    public void The_callers_document_is_left_unchanged()
    {
        var document = new HtmlParser().ParseDocument("<div id=x><p onclick='steal()'>Text</p><script>x()</script></div>");
        var element = document.GetElementById("x")!;
        var before = document.DocumentElement.OuterHtml;

        Assert.Equal("<p>Text</p>", HtmlContent.Of(element, null));
        Assert.Equal("<p>Text</p>", HtmlContent.Of(element, null)); // the scratch document is clean for the next call
        Assert.Equal(before, document.DocumentElement.OuterHtml);
    }

    private static string Reference(IElement element, Uri baseUri) => s_reference.Sanitize(element.InnerHtml, baseUri.AbsoluteUri).Trim();
}
