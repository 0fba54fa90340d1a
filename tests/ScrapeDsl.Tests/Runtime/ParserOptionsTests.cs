using System;
using System.IO;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ScrapeDsl.Examples;
using ScrapeDsl.Rules;
using ScrapeDsl.Tests.Interpreter;
using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary>
/// The runtime parses without element positions and comment text (<see cref="Page.ParserOptions"/>) because no rule
/// can see them. These tests hold that claim to the example pages.
/// </summary>
public sealed class ParserOptionsTests
{
    // The differential test's list, which that test checks is not empty.
    [Theory]
    [MemberData(nameof(CompiledAndInterpretedAgreeTests.Examples), MemberType = typeof(CompiledAndInterpretedAgreeTests))]
    public void Every_example_page_gives_the_result_it_gives_with_AngleSharps_defaults(ExampleCase example)
    {
        var html = PageText.Decode(File.ReadAllBytes(example.PagePath));
        var extractor = ScrapeRules.Registry.Get(example.RuleName) ?? throw new InvalidOperationException(example.RuleName + " is not in the compiled registry");

        var withDefaults = ResultJson.Serialize(extractor.ExtractUntyped(new HtmlParser().ParseDocument(html), example.Url));
        var asTheRuntimeParses = ResultJson.Serialize(extractor.ExtractUntyped(html, example.Url));

        Assert.Equal(withDefaults, asTheRuntimeParses);
    }

    [Fact]
    public void The_runtime_keeps_comments_in_place_without_their_text()
    {
        // AngleSharp's SkipComments keeps each comment node (so sibling and :empty tests see the tree they would) and
        // skips building its text. Without this the test above would compare two identical parses.
        var page = Page.Parse("<p id=a>one<!-- two -->three</p>", null, Array.Empty<Selector>());
        var paragraph = page.Document.GetElementById("a")!;

        Assert.Equal(3, paragraph.ChildNodes.Length);
        Assert.Equal(string.Empty, Assert.IsAssignableFrom<IComment>(paragraph.ChildNodes[1]).Data);
        Assert.Equal("onethree", paragraph.TextContent);
    }

    [Fact]
    public void Sanitized_html_leaves_comments_out_as_before()
    {
        // value: html is the one value that serializes nodes; HtmlSanitizer drops comments whether or not they kept their text.
        var url = new Uri("https://example.org/a");
        var page = Page.Parse("<div id=a>one <!-- two --><b>three</b></div>", url, Array.Empty<Selector>());

        Assert.Equal("one <b>three</b>", HtmlContent.Of(page.Document.GetElementById("a")!, url));
        Assert.Equal("one <b>three</b>", new Ganss.Xss.HtmlSanitizer().Sanitize("one <!-- two --><b>three</b>", url.AbsoluteUri));
    }
}
