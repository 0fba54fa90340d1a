using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary>Which element a field reads, which source wins, and what the report says about it.</summary>
public class SelectionTests
{
    [Fact]
    public void Scalar_field_reads_the_first_match_in_document_order()
    {
        var page = TestPage.Parse("<p class=x>first</p><div><p class=x>second</p></div>");

        Assert.Equal("first", TestPage.Read(page, TestPage.Css(".x")));
    }

    [Fact]
    public void Selector_list_reads_the_match_that_comes_first_in_the_document_not_in_the_list()
    {
        var page = TestPage.Parse("<h2>Subtitle</h2><h1>Title</h1>");

        Assert.Equal("Subtitle", TestPage.Read(page, TestPage.Css("h1, h2")));
    }

    [Fact]
    public void Many_field_keeps_every_non_empty_match_in_document_order()
    {
        var page = TestPage.Parse("<a class=tag>Южная Корея</a><a class=tag> </a><div><a class=tag>выборы</a></div>");

        var tags = page.ReadStrings(page.Root, new FieldRef("tags"), new[] { TestPage.Css("a.tag") }, null, required: false);

        Assert.Equal(new[] { "Южная Корея", "выборы" }, tags);
    }

    [Fact]
    public void Fields_of_list_items_read_inside_their_item_only()
    {
        var page = TestPage.Parse("<ul><li><b>one</b></li><li>no bold</li><li><b>three</b></li></ul>");
        var items = page.SelectItems(page.Root, new FieldRef("items"), new[] { TestPage.Css("li") }, required: false);

        var titles = new string?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            titles[i] = page.ReadString(items[i], new FieldRef("items", i, "title"), new[] { TestPage.Css("b") }, null, required: false);
        }

        Assert.Equal(new[] { "one", null, "three" }, titles);
        Assert.Equal("items[1].title", Assert.Single(page.Problems).Field);
    }

    [Fact]
    public void Primary_source_with_a_value_reports_nothing()
    {
        var page = TestPage.Parse("<h1>Title</h1><meta property='og:title' content='OG'>");

        Assert.Equal("Title", TestPage.Read(page, TestPage.Css("h1"), TestPage.Attr("meta[property='og:title']", "content")));
        Assert.Empty(page.Problems);
    }

    [Fact]
    public void Fallback_that_supplies_the_value_is_reported_with_its_1_based_number()
    {
        var page = TestPage.Parse("<meta property='og:title' content='From og:title'><title>From title</title>");

        var value = TestPage.Read(page, TestPage.Css("h1"), TestPage.Css(".headline"), TestPage.Attr("meta[property='og:title']", "content"));

        Assert.Equal("From og:title", value);
        var problem = Assert.Single(page.Problems);
        Assert.Equal(ProblemKind.FallbackUsed, problem.Kind);
        Assert.Equal(2, problem.SourceIndex);
        Assert.False(problem.IsError);
        Assert.Contains("fallback 2", problem.Message, System.StringComparison.Ordinal);
        Assert.True(TestPage.Result(page).Success);
    }

    [Fact]
    public void First_match_with_an_empty_value_moves_on_to_the_next_source()
    {
        var page = TestPage.Parse("<h1>  </h1><h1>Second h1</h1><meta property='og:title' content='OG'>");

        var value = TestPage.Read(page, TestPage.Css("h1"), TestPage.Attr("meta[property='og:title']", "content"));

        Assert.Equal("OG", value);
        Assert.Equal(1, Assert.Single(page.Problems).SourceIndex);
    }

    [Fact]
    public void Missing_required_field_makes_the_result_unsuccessful_without_throwing()
    {
        var page = TestPage.Parse("<p>No headline here</p>");

        var title = page.ReadString(page.Root, new FieldRef("title"), new[] { TestPage.Css("h1") }, null, required: true);
        var result = TestPage.Result(page);

        Assert.Null(title);
        Assert.False(result.Success);
        Assert.Null(result.Value);
        Assert.NotNull(result.Partial);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("title", ProblemKind.Missing, true), (problem.Field, problem.Kind, problem.IsError));
    }

    [Fact]
    public void Missing_optional_field_is_reported_but_the_result_succeeds()
    {
        var page = TestPage.Parse("<p>No headline here</p>");

        TestPage.Read(page, TestPage.Css("h1"));
        var result = TestPage.Result(page);

        Assert.True(result.Success);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemKind.Missing, false), (problem.Kind, problem.IsError));
    }

    [Fact]
    public void Value_that_does_not_convert_is_reported_and_fails_a_required_field()
    {
        var page = TestPage.Parse("<span class=price>около тысячи</span>");

        var price = page.Read<decimal>(page.Root, new FieldRef("price"), new[] { TestPage.Css(".price") }, null, required: true, Conversions.TryDecimal);
        var result = TestPage.Result(page);

        Assert.Null(price);
        Assert.False(result.Success);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.ConversionFailed, problem.Kind);
        Assert.Contains("'около тысячи' is not a valid decimal", problem.Message, System.StringComparison.Ordinal);
    }
}
