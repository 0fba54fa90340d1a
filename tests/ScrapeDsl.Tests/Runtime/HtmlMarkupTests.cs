using System;
using System.Linq;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary>
/// <c>value: html</c> serializes with its own walk instead of AngleSharp's <c>ToHtml</c>, whose cost grows with the
/// square of an element's children. The walk must write exactly what <c>ToHtml</c> writes, and a wide element must
/// still give its whole content.
/// </summary>
public class HtmlMarkupTests
{
    [Theory]
    [InlineData("<p>one<p>two<!-- a comment --></p>")]
    [InlineData("<pre>\n\nkept line feed</pre><textarea>\nfirst</textarea><listing>\nlisted</listing>")] // the doubled first line feed
    [InlineData("<pre>no line feed</pre><pre></pre><br><img src=a.png><hr/>")]                            // void and empty elements
    [InlineData("<template><p>inert <b>content</b></p></template>after")]                                  // a template's content
    [InlineData("<svg><path d='M0 0'/><circle r=1></circle></svg><math><mi>x</mi></math>")]                // self-closing foreign elements
    [InlineData("<style>p > a { color: red }</style><script>if (a < b) x()</script><xmp><b></xmp>")]      // literal text
    [InlineData("<noscript><p>shown without scripts</p></noscript><iframe><b>raw</b></iframe>")]
    [InlineData("<table><tr><td>a<td>b</table><select><option>1<option>2</select>")]
    [InlineData("text &amp; &lt;escaped&gt; &nbsp; \"quoted\" <a href='/x?a=1&b=2' title='\"q\"'>link</a>")]
    [InlineData("<div><div><div><span>deep</span></div>tail</div></div><p></p>")]                            // closing several levels at once
    public void Writes_what_AngleSharp_writes(string html)
    {
        var element = Parse(html);

        Assert.Equal(element.ChildNodes.ToHtml(HtmlMarkupFormatter.Instance), HtmlContent.Markup(element.ChildNodes, HtmlMarkupFormatter.Instance));
    }

    [Fact]
    public void Writes_a_deeply_nested_element_without_recursion()
    {
        // Built through the DOM: the parser itself stops nesting far sooner.
        var element = Parse(string.Empty);
        var parent = (INode)element;
        for (var i = 0; i < 100_000; i++)
        {
            parent = parent.AppendChild(element.Owner!.CreateElement("span"));
        }

        parent.AppendChild(element.Owner!.CreateTextNode("deep"));

        var markup = HtmlContent.Markup(element.ChildNodes, HtmlMarkupFormatter.Instance);

        Assert.Equal(string.Concat(Enumerable.Repeat("<span>", 100_000)) + "deep" + string.Concat(Enumerable.Repeat("</span>", 100_000)), markup);
    }

    [Fact]
    public void A_wide_element_gives_all_of_its_content()
    {
        // 20,000 siblings of each kind the sanitizer path meets: kept, with an attribute it drops, and scripts it removes.
        var html = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            html.Append("<p>").Append(i).Append("</p><p onclick=x()>a</p><script>x()</script>");
        }

        var element = Parse(html.ToString());

        var value = HtmlContent.Of(element, null);

        Assert.Equal(40_000, value.Split("<p>").Length - 1);
        Assert.StartsWith("<p>0</p><p>a</p><p>1</p>", value, StringComparison.Ordinal);
        Assert.EndsWith("<p>19999</p><p>a</p>", value, StringComparison.Ordinal);
        Assert.DoesNotContain("script", value, StringComparison.Ordinal);
        Assert.Equal("<p>Text</p>", HtmlContent.Of(Parse("<p onclick=x()>Text</p>"), null)); // the next value starts clean
    }

    private static IElement Parse(string html) =>
        new HtmlParser(Page.ParserOptions).ParseDocument("<div id=x>" + html + "</div>").GetElementById("x")!;
}
