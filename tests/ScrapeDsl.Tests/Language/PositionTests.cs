using System.Linq;
using Xunit;

namespace ScrapeDsl.Tests.Language;

using ScrapeDsl.Language;

/// <summary>
/// Diagnostics are shown at the YAML line and column, so every name and selector in the model carries the position
/// an editor shows (1-based line and column) and an offset into the text the caller passed.
/// </summary>
public class PositionTests
{
    private const string Block = """
        name: Article
        # selectors checked against fixtures/
        fields:
          title: h1.headline
          lead: "p.lead"   # the overview
          byline: 'span.by'
          body:
            css: div.text
            remove:
              - .ad
        examples:
          - page: fixtures/a.html
        """;

    [Fact]
    public void Block_style_positions_point_at_the_rule_name_field_names_and_selectors()
    {
        var rule = RuleText.Valid(Block);

        RuleText.AssertAt(Block, rule.NameSpan, 1, 7, "Article");
        RuleText.AssertAt(Block, RuleText.Field(rule, "title").NameSpan, 4, 3, "title");
        RuleText.AssertAt(Block, RuleText.Field(rule, "title").Sources[0].Css!.Span, 4, 10, "h1.headline");
        RuleText.AssertAt(Block, RuleText.Field(rule, "body").Sources[0].Css!.Span, 8, 10, "div.text");
        RuleText.AssertAt(Block, RuleText.Field(rule, "body").Remove[0].Span, 10, 9, ".ad");
        RuleText.AssertAt(Block, rule.Examples[0].PageSpan, 12, 11, "fixtures/a.html");
    }

    [Fact]
    public void Quoted_selector_span_covers_the_quotes_and_its_value_does_not()
    {
        var rule = RuleText.Valid(Block);

        var lead = RuleText.Field(rule, "lead").Sources[0].Css!;
        Assert.Equal("p.lead", lead.Text);
        RuleText.AssertAt(Block, lead.Span, 5, 9, "\"p.lead\"");

        var byline = RuleText.Field(rule, "byline").Sources[0].Css!;
        Assert.Equal("span.by", byline.Text);
        RuleText.AssertAt(Block, byline.Span, 6, 11, "'span.by'");
    }

    [Fact]
    public void Comments_take_no_part_in_spans_and_do_not_shift_lines()
    {
        const string yaml = """
            name: Article   # the record
            fields:
              # the headline
              title: h1.headline    # checked on fixtures
              anchor: a#main
            """;
        var rule = RuleText.Valid(yaml);

        RuleText.AssertAt(yaml, rule.NameSpan, 1, 7, "Article");
        RuleText.AssertAt(yaml, RuleText.Field(rule, "title").Sources[0].Css!.Span, 4, 10, "h1.headline");

        // '#' right after a character is part of the value (a CSS id), not a comment.
        var anchor = RuleText.Field(rule, "anchor").Sources[0].Css!;
        Assert.Equal("a#main", anchor.Text);
        RuleText.AssertAt(yaml, anchor.Span, 5, 11, "a#main");
    }

    [Fact]
    public void Flow_style_positions_point_at_names_and_selectors()
    {
        const string flow = """{ name: Article, fields: { title: h1, lead: { css: "p.lead", attr: title } } }""";
        var rule = RuleText.Valid(flow);

        RuleText.AssertAt(flow, rule.NameSpan, 1, 9, "Article");
        RuleText.AssertAt(flow, RuleText.Field(rule, "title").NameSpan, 1, 28, "title");
        RuleText.AssertAt(flow, RuleText.Field(rule, "title").Sources[0].Css!.Span, 1, 35, "h1");
        RuleText.AssertAt(flow, RuleText.Field(rule, "lead").NameSpan, 1, 39, "lead");
        RuleText.AssertAt(flow, RuleText.Field(rule, "lead").Sources[0].Css!.Span, 1, 52, "\"p.lead\"");
    }

    [Fact]
    public void Flow_mapping_spread_over_lines_keeps_each_line()
    {
        const string yaml = """
            name: Article
            fields: {
              title: h1,
              tags: { css: a.tag, many: true }
            }
            """;
        var rule = RuleText.Valid(yaml);

        RuleText.AssertAt(yaml, RuleText.Field(rule, "title").Sources[0].Css!.Span, 3, 10, "h1");
        RuleText.AssertAt(yaml, RuleText.Field(rule, "tags").NameSpan, 4, 3, "tags");
        RuleText.AssertAt(yaml, RuleText.Field(rule, "tags").Sources[0].Css!.Span, 4, 16, "a.tag");
    }

    [Fact]
    public void Crlf_line_endings_give_the_same_lines_and_columns_as_lf()
    {
        var crlf = Block.Replace("\n", "\r\n");
        var rule = RuleText.Valid(crlf);

        RuleText.AssertAt(crlf, rule.NameSpan, 1, 7, "Article");
        RuleText.AssertAt(crlf, RuleText.Field(rule, "title").Sources[0].Css!.Span, 4, 10, "h1.headline");
        RuleText.AssertAt(crlf, RuleText.Field(rule, "lead").Sources[0].Css!.Span, 5, 9, "\"p.lead\"");
        RuleText.AssertAt(crlf, RuleText.Field(rule, "body").Remove[0].Span, 10, 9, ".ad");
    }

    [Fact]
    public void Bom_at_the_start_is_not_part_of_the_first_key()
    {
        var rule = RuleText.Valid("\uFEFF" + Block);

        Assert.Equal("Article", rule.Name);
    }

    [Fact]
    public void Bom_does_not_count_as_a_column_and_offsets_still_index_the_callers_text()
    {
        var withBom = "\uFEFF" + Block;
        var rule = RuleText.Valid(withBom);

        RuleText.AssertAt(withBom, rule.NameSpan, 1, 7, "Article");
        RuleText.AssertAt(withBom, RuleText.Field(rule, "title").Sources[0].Css!.Span, 4, 10, "h1.headline");
        RuleText.AssertAt(withBom, RuleText.Field(rule, "body").Remove[0].Span, 10, 9, ".ad");
    }

    [Fact]
    public void Bom_with_crlf_and_flow_style_on_the_first_line_keeps_positions()
    {
        var text = "\uFEFF{ name: Article, fields: { title: h1 } }\r\n";
        var rule = RuleText.Valid(text);

        RuleText.AssertAt(text, rule.NameSpan, 1, 9, "Article");
        RuleText.AssertAt(text, RuleText.Field(rule, "title").Sources[0].Css!.Span, 1, 35, "h1");
    }

    [Fact]
    public void Diagnostic_on_the_first_line_after_a_bom_is_at_column_one()
    {
        var text = "\uFEFFnmae: Article\nfields:\n  title: h1\n";
        var unknown = RuleText.Single(text, "SCR002");

        RuleText.AssertAt(text, unknown.Span, 1, 1, "nmae");
    }
}
