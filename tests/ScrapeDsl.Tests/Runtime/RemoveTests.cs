using AngleSharp.Html.Parser;
using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary>
/// <c>remove</c> lists: the rule's hides elements from every field (selection and values); a field's hides elements
/// from that field's value only. Both are views: the document is never changed.
/// </summary>
public class RemoveTests
{
    private const string Article = """
        <article>
          <div class="ad"><h1>Купите квартиру</h1></div>
          <h1>Real headline</h1>
          <div class="text">
            <p class="lead">The lead.</p>
            <p>First paragraph <span class="ad">ADVERTISEMENT</span>continues.</p>
            <p>Second paragraph.</p>
          </div>
        </article>
        """;

    [Fact]
    public void Rule_remove_hides_elements_from_selection()
    {
        var page = TestPage.Parse(Article, ".ad");

        Assert.Equal("Real headline", TestPage.Read(page, TestPage.Css("h1")));
    }

    [Fact]
    public void Rule_remove_hides_elements_from_text()
    {
        var page = TestPage.Parse(Article, ".ad");

        Assert.Equal("The lead.\nFirst paragraph continues.\nSecond paragraph.", TestPage.Read(page, TestPage.Css(".text")));
    }

    [Fact]
    public void Without_a_remove_list_the_same_page_gives_the_ad()
    {
        var page = TestPage.Parse(Article);

        Assert.Equal("Купите квартиру", TestPage.Read(page, TestPage.Css("h1")));
    }

    [Fact]
    public void Field_remove_hides_elements_from_that_fields_value()
    {
        var page = TestPage.Parse(Article, ".ad");

        var body = page.ReadString(page.Root, new FieldRef("body"), new[] { TestPage.Css(".text") }, TestPage.Remove(".lead"), required: false);

        Assert.Equal("First paragraph continues.\nSecond paragraph.", body);
    }

    [Fact]
    public void Field_remove_does_not_hide_elements_from_fields_read_after_it()
    {
        var page = TestPage.Parse(Article, ".ad");
        page.ReadString(page.Root, new FieldRef("body"), new[] { TestPage.Css(".text") }, TestPage.Remove(".lead"), required: false);

        Assert.Equal("The lead.", TestPage.Read(page, TestPage.Css(".lead")));
        Assert.StartsWith("The lead.", TestPage.Read(page, TestPage.Css(".text")), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_document_the_caller_owns_leaves_it_unchanged()
    {
        var document = new HtmlParser().ParseDocument(Article + "<div id=html><p onclick='x()'>Hi <a href='/a'>a</a></p><script>s()</script><i class=ad>ad</i></div>");
        var before = document.DocumentElement.OuterHtml;
        var page = Page.Open(document, TestPage.Url, TestPage.Remove(".ad"));

        TestPage.Read(page, TestPage.Css("h1"));
        page.ReadString(page.Root, new FieldRef("body"), new[] { TestPage.Css(".text") }, TestPage.Remove(".lead"), required: false);
        page.ReadString(page.Root, new FieldRef("html"), new[] { TestPage.Html("#html") }, TestPage.Remove("script"), required: false);

        Assert.Equal(before, document.DocumentElement.OuterHtml);
    }
}
