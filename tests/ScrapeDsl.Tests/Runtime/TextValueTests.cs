using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary><c>value: text</c> is the text a reader sees: whitespace collapsed, paragraphs as lines, nothing invisible.</summary>
public class TextValueTests
{
    [Fact]
    public void Runs_of_whitespace_including_no_break_spaces_become_one_space()
    {
        var text = TestPage.Text("<p id=x>  Ким\t Мун\n\n Су&nbsp;&nbsp;— 42,59%\u00A0</p>", "#x");

        Assert.Equal("Ким Мун Су — 42,59%", text);
    }

    [Fact]
    public void Block_elements_are_separate_lines()
    {
        var text = TestPage.Text(
            "<div id=x><h2>Heading</h2><p>First paragraph.</p><ul><li>One</li><li>Two</li></ul><blockquote>Quote</blockquote></div>",
            "#x");

        Assert.Equal("Heading\nFirst paragraph.\nOne\nTwo\nQuote", text);
    }

    [Fact]
    public void Inline_elements_neither_break_lines_nor_add_spaces()
    {
        var text = TestPage.Text("<p id=x>Mo<b>sc</b>ow is a <a href='#'>city</a>.</p>", "#x");

        Assert.Equal("Moscow is a city.", text);
    }

    [Fact]
    public void Br_is_a_line_break()
    {
        var text = TestPage.Text("<p id=x>one<br>two<br/>  three</p>", "#x");

        Assert.Equal("one\ntwo\nthree", text);
    }

    [Fact]
    public void Empty_blocks_between_paragraphs_produce_no_blank_lines()
    {
        // As on RBC: the parser leaves <p></p> and an empty clearing div between two paragraphs.
        var text = TestPage.Text("<div id=x><p>One.</p><p></p><div class=clear></div><p> &nbsp; </p><br><p>Two.</p></div>", "#x");

        Assert.Equal("One.\nTwo.", text);
    }

    public static TheoryData<string, string> ElementsAndTexts()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in ScrapeDsl.Text.TextElements.Blocks)
        {
            data.Add(name, "before\ninside\nafter");
        }

        foreach (var name in ScrapeDsl.Text.TextElements.Invisible)
        {
            data.Add(name, "beforeafter");
        }

        foreach (var name in new[] { "span", "a", "b", "em", "time", "label", "custom-element", "h7" })
        {
            data.Add(name, "beforeinsideafter");
        }

        return data;
    }

    /// <summary>
    /// The runtime decides parsed names with a switch, a faster copy of the shared lists (src/Shared/TextElements.cs) that
    /// the example checks read: each listed element must do what its list says, and others nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(ElementsAndTexts))]
    public void Each_element_of_the_shared_lists_is_a_block_or_invisible_and_others_are_inline(string name, string expected)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<div id=x></div>");
        var container = document.GetElementById("x")!;
        var element = document.CreateElement(name);
        element.AppendChild(document.CreateTextNode("inside"));
        container.AppendChild(document.CreateTextNode("before"));
        container.AppendChild(element);
        container.AppendChild(document.CreateTextNode("after"));

        Assert.Equal(expected, TextContent.Of(container));
    }

    [Fact]
    public void Scripts_styles_and_noscript_contribute_no_text()
    {
        var text = TestPage.Text(
            "<div id=x>Visible<script>var hidden = 1;</script><style>p { color: red }</style><noscript>Enable JS</noscript> text</div>",
            "#x");

        Assert.Equal("Visible text", text);
    }

    [Fact]
    public void Html_comments_contribute_no_text()
    {
        var text = TestPage.Text("<span id=x>Подписка на<!-- --> РБК</span>", "#x");

        Assert.Equal("Подписка на РБК", text);
    }

    [Fact]
    public void Leading_and_trailing_whitespace_and_breaks_are_trimmed()
    {
        var text = TestPage.Text("<h1 id=x>\n                В Южной Корее\n            <br></h1>", "#x");

        Assert.Equal("В Южной Корее", text);
    }

    [Fact]
    public void Element_with_only_whitespace_is_empty_and_the_field_is_missing()
    {
        var page = TestPage.Parse("<h1> &nbsp; <span> </span></h1>");

        Assert.Null(TestPage.Read(page, TestPage.Css("h1")));
        var problem = Assert.Single(page.Problems);
        Assert.Equal(ProblemKind.Missing, problem.Kind);
        Assert.Equal("field", problem.Field);
    }

    [Fact]
    public void Character_references_are_decoded()
    {
        var text = TestPage.Text("<p id=x>&laquo;Тобуро&raquo; &amp; M&amp;A</p>", "#x");

        Assert.Equal("«Тобуро» & M&A", text);
    }
}
