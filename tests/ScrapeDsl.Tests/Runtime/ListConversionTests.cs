using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary>
/// A list field converts each value; values that fail are reported and left out. A required list fails only when
/// no value is left, whatever order the good and bad values come in.
/// </summary>
public class ListConversionTests
{
    private static (ExtractionResult<TestPage.Empty> Result, System.Collections.Generic.IReadOnlyList<int> Values) ReadRequiredInts(string html)
    {
        var page = TestPage.Parse(html);
        var values = page.ReadAll<int>(page.Root, new FieldRef("counts"), new[] { TestPage.Css("i") }, null, required: true, Conversions.TryInt);
        return (TestPage.Result(page), values);
    }

    [Theory]
    [InlineData("<i>x</i><i>5</i>")]
    [InlineData("<i>5</i><i>x</i>")]
    public void Required_list_with_one_good_value_succeeds_whatever_the_order(string html)
    {
        var (result, values) = ReadRequiredInts(html);

        Assert.Equal(new[] { 5 }, values);
        Assert.True(result.Success);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((ProblemKind.ConversionFailed, false), (problem.Kind, problem.IsError));
    }

    [Fact]
    public void Required_list_fails_when_no_value_converts()
    {
        var (result, values) = ReadRequiredInts("<i>x</i><i>y</i>");

        Assert.Empty(values);
        Assert.False(result.Success);
        Assert.All(result.Problems, p => Assert.Equal((ProblemKind.ConversionFailed, true), (p.Kind, p.IsError)));
    }

    [Fact]
    public void Optional_list_with_no_convertible_value_succeeds_and_reports_each_value()
    {
        var page = TestPage.Parse("<i>x</i><i>y</i>");
        var values = page.ReadAll<int>(page.Root, new FieldRef("counts"), new[] { TestPage.Css("i") }, null, required: false, Conversions.TryInt);

        Assert.Empty(values);
        Assert.True(TestPage.Result(page).Success);
        Assert.Equal(2, page.Problems.Count);
    }
}
