using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using ScrapeDsl.Examples;
using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary>
/// <c>value: html</c> sanitizes the already-parsed element (imported into a scratch document) instead of serializing
/// it and letting HtmlSanitizer parse the string again. That must give what HtmlSanitizer's string API gives for the
/// element's inner HTML, read in the element's own context (see <c>Reference</c>), on real markup and on markup that
/// does not survive a serialize-and-parse round trip unchanged.
/// </summary>
public class HtmlContentTests
{
    private static readonly HtmlSanitizer s_reference = new();

    public static IEnumerable<object[]> ExamplePages() =>
        ExampleCatalog.Discover(RepositoryPaths.RulesFolder, out _)
            .Select(example => example.PagePath)
            .Distinct(StringComparer.Ordinal)
            .Select(page => new object[] { Path.GetRelativePath(RepositoryPaths.RulesFolder, page) });

    /// <summary>
    /// A page shaped like a spec table of a Japanese tech article (weekly.ascii.jp): rows, header and data cells with
    /// presentational attributes, a caption, column groups, head and foot, a nested table, plus what the sanitizer must
    /// change inside table parts (an event handler, a relative link, a style) and a select; and an inline SVG logo as
    /// news pages have them (mashable.com), with an image pattern and a link.
    /// </summary>
    private const string TablesAndSvgPage = """
        <!doctype html>
        <html><head><title>Palm Phone</title></head><body>
        <article>
        <p>Palm Phoneの主なスペック:</p>
        <table class="style1" width="440">
        <caption>「Palm Phone」の主なスペック</caption>
        <colgroup span="1" width="180"><col><col width="260"></colgroup>
        <thead><tr class="header" align="center"><th colspan="2">「Palm Phone」の主なスペック</th></tr></thead>
        <tbody>
        <tr onclick="track()"><th align="right" width="180">メーカー</th><td align="center" width="260">Palm</td></tr>
        <tr><th align="right">価格</th><td align="center" style="color: red; position: fixed">4万4800円</td></tr>
        <tr><th align="right">詳細</th><td><a href="/palm/specs.html" onmouseover="x()">仕様</a> <table><tr><td>入れ子</td></tr></table></td></tr>
        </tbody>
        <tfoot><tr><td colspan="2"><script>track()</script>2018年11月</td></tr></tfoot>
        </table>
        <svg width="96" height="50" viewBox="0 0 96 50"><title>Palm</title><defs><pattern id="p1"><use xlink:href="#i1"></use></pattern><image id="i1" width="96" height="50" xlink:href="data:image/png;base64,AAAA"></image></defs><a href="/palm" onclick="track()"><text x="0" y="40">Palm</text></a></svg>
        <select name="lang"><option value="ja" selected>日本語</option><optgroup label="other"><option>English</option></optgroup></select>
        </article>
        </body></html>
        """;

    [Theory]
    [MemberData(nameof(ExamplePages))]
    public void Every_element_of_an_example_page_gives_what_the_string_api_gives(string page)
    {
        var (compared, _) = CompareEveryElement(File.ReadAllText(Path.Combine(RepositoryPaths.RulesFolder, page)));

        Assert.True(compared > 20, $"only {compared} elements compared on {page}");
    }

    [Fact]
    public void Every_element_of_a_page_with_tables_and_svg_gives_what_the_string_api_gives_in_the_elements_own_context()
    {
        var (compared, inOwnContext) = CompareEveryElement(TablesAndSvgPage);

        // table, colgroup, thead, tbody, tfoot, the five rows, the nested table, its tbody and row; svg, title, defs,
        // pattern, use, image, a, text.
        Assert.Equal(13 + 8, inOwnContext);
        Assert.True(compared > 40, $"only {compared} elements compared");
    }

    [Fact]
    public void The_reference_for_a_table_part_is_the_string_api_on_its_inner_html_in_table_context()
    {
        // In a body context '<th …>メーカー</th><td …>Palm</td>' loses its cells (the string API gave "メーカーPalm");
        // in a row it keeps them, and is still sanitized: in the third row the link loses its event handler and its
        // address becomes absolute.
        var document = new HtmlParser(Page.ParserOptions).ParseDocument(TablesAndSvgPage);
        var baseUri = new Uri("https://example.com/news/2025/page.html");
        var rows = document.QuerySelectorAll("tbody > tr");

        Assert.Equal("<th align=\"right\" width=\"180\">メーカー</th><td align=\"center\" width=\"260\">Palm</td>", Reference(rows[0], baseUri));
        Assert.StartsWith("<th align=\"right\">詳細</th><td><a href=\"https://example.com/palm/specs.html\">仕様</a> <table>", Reference(rows[2], baseUri), StringComparison.Ordinal);
        Assert.Equal("メーカーPalm", s_reference.Sanitize(rows[0].InnerHtml, baseUri.AbsoluteUri).Trim());
    }

    [Fact]
    public void The_reference_for_an_svg_element_reads_its_children_as_svg()
    {
        // In a body context the SVG <image> is an <img>, which the sanitizer keeps; in its own context it is SVG, which
        // the sanitizer drops. The link keeps its name and is still sanitized.
        var document = new HtmlParser(Page.ParserOptions).ParseDocument(TablesAndSvgPage);
        var baseUri = new Uri("https://example.com/news/2025/page.html");
        var defs = document.QuerySelector("defs")!;
        var svg = document.QuerySelector("svg")!;

        Assert.Equal("", Reference(defs, baseUri));
        Assert.Equal("<img width=\"96\" height=\"50\">", s_reference.Sanitize(defs.InnerHtml, baseUri.AbsoluteUri).Trim());
        Assert.Equal("<a href=\"https://example.com/palm\"></a>", Reference(svg, baseUri));
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

    /// <summary>
    /// Compares <see cref="HtmlContent.Of(IElement, Uri?)"/> with <see cref="Reference"/> on every element of a page parsed
    /// as the runtime parses (comments kept without their text): the elements HtmlContent meets in extraction. Returns how
    /// many were compared, and how many of them against a reference read in the element's own context.
    /// </summary>
    private static (int Compared, int InOwnContext) CompareEveryElement(string html)
    {
        var document = new HtmlParser(Page.ParserOptions).ParseDocument(html);
        var baseUri = new Uri("https://example.com/news/2025/page.html");
        var compared = 0;
        var inOwnContext = 0;
        foreach (var element in document.Body!.QuerySelectorAll("*").Where(e => e.InnerHtml.Length < 20_000))
        {
            Assert.Equal(Reference(element, baseUri), HtmlContent.Of(element, baseUri));
            compared++;
            inOwnContext += IsForeign(element) || TableContext(element).Open.Length > 0 ? 1 : 0;
        }

        return (compared, inOwnContext);
    }

    /// <summary>
    /// What HtmlSanitizer's string API gives for the element's inner HTML, read where it stands. The string API parses
    /// its input in a body context, which reads the inner HTML of most elements as the page's parse did, but not:
    /// <list type="bullet">
    /// <item>the parts of a table whose children the parser reads in a table insertion mode (<see cref="TableContext"/>):
    /// in a body their rows, cells, columns and sections are misplaced tags and are dropped, leaving bare text. Their
    /// inner HTML is given to the string API inside the table markup that restores that mode, and that markup, which the
    /// sanitizer keeps (allowed tags without attributes), is taken off the result.</item>
    /// <item>SVG and MathML elements, whose children are foreign content (a body reads an SVG <c>&lt;image&gt;</c> as
    /// <c>&lt;img&gt;</c>). The string API cannot be given their context: it removes the <c>&lt;svg&gt;</c> or
    /// <c>&lt;math&gt;</c> that would set it, with everything inside. Their inner HTML is parsed as a fragment in the
    /// element's own context by the sanitizer's parser, then sanitized and serialized by the same sanitizer.</item>
    /// </list>
    /// Every other element is compared with the string API on its inner HTML as it is.
    /// </summary>
    private static string Reference(IElement element, Uri baseUri)
    {
        if (IsForeign(element))
        {
            return SanitizedInOwnContext(element, baseUri);
        }

        var (open, close) = TableContext(element);
        var sanitized = s_reference.Sanitize(open + element.InnerHtml + close, baseUri.AbsoluteUri).Trim();
        if (open.Length == 0)
        {
            return sanitized;
        }

        Assert.StartsWith(open, sanitized, StringComparison.Ordinal);
        Assert.EndsWith(close, sanitized, StringComparison.Ordinal);
        return sanitized.Substring(open.Length, sanitized.Length - open.Length - close.Length).Trim();
    }

    /// <summary>
    /// The markup around an element's inner HTML that gives it the element's own insertion mode: "in table" for
    /// <c>table</c>, "in table body" for <c>thead</c>, <c>tbody</c> and <c>tfoot</c>, "in row" for <c>tr</c>, "in column
    /// group" for <c>colgroup</c>; none for every other element (a cell or a caption reads its content as a body does).
    /// </summary>
    private static (string Open, string Close) TableContext(IElement element) =>
        element.NamespaceUri != NamespaceNames.HtmlUri ? (string.Empty, string.Empty) : element.LocalName switch
        {
            "table" => ("<table>", "</table>"),
            "thead" or "tbody" or "tfoot" => ("<table><" + element.LocalName + ">", "</" + element.LocalName + "></table>"),
            "tr" => ("<table><tbody><tr>", "</tr></tbody></table>"),
            "colgroup" => ("<table><colgroup>", "</colgroup></table>"),
            _ => (string.Empty, string.Empty),
        };

    private static bool IsForeign(IElement element) => element.NamespaceUri == NamespaceNames.SvgUri || element.NamespaceUri == NamespaceNames.MathMlUri;

    /// <summary>The inner HTML parsed in the element's own context (the HTML fragment parsing algorithm), sanitized into a body of a new document.</summary>
    private static string SanitizedInOwnContext(IElement element, Uri baseUri)
    {
        var parser = s_reference.HtmlParserFactory();
        var document = parser.ParseDocument("<!doctype html><html><body></body></html>");
        var body = document.Body!;
        foreach (var node in parser.ParseFragment(element.InnerHtml, element).ToList())
        {
            body.AppendChild(document.Import(node, deep: true));
        }

        s_reference.SanitizeDom(document, body, baseUri.AbsoluteUri);
        return body.ChildNodes.ToHtml(s_reference.OutputFormatter).Trim();
    }
}
