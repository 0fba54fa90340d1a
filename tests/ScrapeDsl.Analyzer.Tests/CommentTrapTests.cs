using System.Linq;
using ScrapeDsl.Language;
using Xunit;

namespace ScrapeDsl.Analyzer.Tests;

/// <summary>SCR052: an unquoted selector followed by " #id", which YAML silently reads as a comment.</summary>
public sealed class CommentTrapTests
{
    private static RuleDiagnostic[] Read(string yaml, string path = "site/rule.scrape.yaml") =>
        RuleReader.Read(path, yaml).Diagnostics.ToArray();

    [Fact]
    public void An_id_selector_read_as_a_comment_is_reported_at_the_comment_with_the_quoted_selector()
    {
        var yaml = "name: Article\nfields:\n  body:\n    css: article #main-text\n";

        var diagnostic = Assert.Single(Read(yaml));

        Assert.Equal("SCR052", diagnostic.Id);
        Assert.Equal(RuleSeverity.Warning, diagnostic.Severity);
        Assert.Equal("The selector is read as 'article': the text after ' #' is a YAML comment; quote the selector: \"article #main-text\"", diagnostic.Message);
        Assert.Equal(new SourceSpan(yaml.IndexOf('#'), "#main-text".Length, 4, 18, 4, 28), diagnostic.Span);
    }

    [Fact]
    public void The_rule_still_reads_the_selector_as_yaml_does()
    {
        var file = RuleReader.Read("site/rule.scrape.yaml", "name: Article\nfields:\n  body: article #main-text\n");

        Assert.Equal("article", file.Rule!.Fields.Single().Sources.Single().Css!.Text);
    }

    [Theory]
    [InlineData("fields:\n  body: article #main\n")]
    [InlineData("fields:\n  body: { css: h1, fallback: [\n    article #main\n  ] }\n")]
    [InlineData("fields:\n  body:\n    css: h1\n    fallback:\n      - article #main\n")]
    [InlineData("fields:\n  body:\n    css: h1\n    fallback:\n      - css: article #main\n")]
    [InlineData("remove:\n  - aside #related\nfields:\n  body: h1\n")]
    [InlineData("remove: aside #related\nfields:\n  body: h1\n")]
    [InlineData("fields:\n  body:\n    css: h1\n    remove:\n      - .share #buttons\n")]
    [InlineData("fields:\n  body: article\t#main\n")]
    [InlineData("fields:\n  body: article #главный\n")]
    public void Every_kind_of_selector_value_is_checked(string rest)
    {
        Assert.Equal(new[] { "SCR052" }, Read("name: Article\n" + rest).Select(d => d.Id));
    }

    [Fact]
    public void A_partial_is_checked_too()
    {
        Assert.Equal(new[] { "SCR052" }, Read("remove: [ .ad ]\nfields:\n  body: article #main\n", "site/_common.scrape.yaml").Select(d => d.Id));
    }

    [Theory]
    [InlineData("  body: article   # the main text\n")]
    [InlineData("  body: \"article #main-text\"\n")]
    [InlineData("  body: 'article #main-text'   #todo\n")]
    [InlineData("  body: article#main-text\n")]
    [InlineData("  body: article #\n")]
    [InlineData("  body:\n    css: article\n    # main-text\n")]
    [InlineData("  body: { css: article, attr: title }   #note\n")]
    [InlineData("  body: { const: text }   #note\n")]
    public void Real_comments_quoted_selectors_and_non_selectors_are_not_reported(string field)
    {
        Assert.Empty(Read("name: Article\nfields:\n" + field));
    }

    [Fact]
    public void A_real_comment_after_the_id_is_left_out_of_the_suggested_selector()
    {
        var diagnostic = Assert.Single(Read("name: Article\nfields:\n  body: article #main-text  # the body\n"));

        Assert.EndsWith("quote the selector: \"article #main-text\"", diagnostic.Message);
    }

    [Fact]
    public void A_selector_with_double_quotes_is_suggested_in_single_quotes()
    {
        var diagnostic = Assert.Single(Read("name: Article\nfields:\n  body: a[title=\"x\"] #main\n"));

        Assert.EndsWith("quote the selector: 'a[title=\"x\"] #main'", diagnostic.Message);
    }

    [Fact]
    public void Columns_count_from_the_line_start_after_a_byte_order_mark()
    {
        var yaml = "\uFEFFname: Article\nfields:\n  body: article #main\n";

        var diagnostic = Assert.Single(Read(yaml));

        Assert.Equal((3, 17), (diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.Equal(yaml.IndexOf('#'), diagnostic.Span.Start);
    }
}
