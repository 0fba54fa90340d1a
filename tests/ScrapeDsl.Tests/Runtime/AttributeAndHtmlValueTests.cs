using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary><c>attr</c> values are normalised text; <c>value: html</c> is sanitized markup safe to show, with absolute links.</summary>
public class AttributeAndHtmlValueTests
{
    [Fact]
    public void Attribute_value_has_its_whitespace_collapsed_and_trimmed()
    {
        var page = TestPage.Parse("<img alt='  Ли  Чжэ\n   Мён&nbsp; '>");

        Assert.Equal("Ли Чжэ Мён", TestPage.Read(page, TestPage.Attr("img", "alt")));
    }

    [Fact]
    public void Attribute_that_is_absent_or_blank_makes_the_field_missing()
    {
        var page = TestPage.Parse("<img src=''><a>no href</a>");

        Assert.Null(TestPage.Read(page, TestPage.Attr("img", "src")));
        Assert.Null(TestPage.Read(page, TestPage.Attr("a", "href")));
        Assert.Equal(2, page.Problems.Count);
    }

    [Fact]
    public void Html_value_drops_scripts()
    {
        var page = TestPage.Parse("<div id=x><p>Text</p><script>steal(document.cookie)</script></div>");

        var html = TestPage.Read(page, TestPage.Html("#x"));

        Assert.Equal("<p>Text</p>", html);
    }

    [Fact]
    public void Html_value_drops_event_handler_attributes()
    {
        var page = TestPage.Parse("<div id=x><p onclick='steal()' class=lead>Text</p><img src='https://cdn.example.com/a.png' onerror='steal()'></div>");

        var html = TestPage.Read(page, TestPage.Html("#x"))!;

        Assert.DoesNotContain("onclick", html, System.StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", html, System.StringComparison.Ordinal);
        Assert.StartsWith("<p>Text</p><img src=\"https://cdn.example.com/a.png\"", html, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Html_value_drops_javascript_urls()
    {
        var page = TestPage.Parse("<div id=x><a href='javascript:steal()'>link</a></div>");

        var html = TestPage.Read(page, TestPage.Html("#x"))!;

        Assert.DoesNotContain("javascript:", html, System.StringComparison.Ordinal);
        Assert.Contains(">link</a>", html, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Html_value_makes_relative_urls_absolute_against_the_page_url()
    {
        var page = TestPage.Parse("<div id=x><a href='../2024/old.html'>old</a><img src='/img/a.png'></div>");

        var html = TestPage.Read(page, TestPage.Html("#x"));

        Assert.Equal("<a href=\"https://example.com/news/2024/old.html\">old</a><img src=\"https://example.com/img/a.png\">", html);
    }

    [Fact]
    public void Html_value_leaves_out_rule_and_field_removed_elements()
    {
        var page = TestPage.Parse("<div id=x><p>Keep</p><div class=ad>Ad</div><p class=share>Share</p></div>", ".ad");

        var html = page.ReadString(page.Root, new FieldRef("body"), new[] { TestPage.Html("#x") }, TestPage.Remove(".share"), required: false);

        Assert.Equal("<p>Keep</p>", html);
    }

    [Fact]
    public void Html_value_leaves_out_removed_elements_that_have_no_attributes()
    {
        // Markup without attributes skips the sanitizer (HtmlContent): the removed view must still apply to it.
        var page = TestPage.Parse("<div id=x><p>Keep</p><aside>Rule removed</aside><p>Also kept <b>bold</b> <i>field removed</i></p></div>", "aside");

        var html = page.ReadString(page.Root, new FieldRef("body"), new[] { TestPage.Html("#x") }, TestPage.Remove("p > i"), required: false);

        Assert.Equal("<p>Keep</p><p>Also kept <b>bold</b> </p>", html);
    }
}
