using System.Linq;
using Xunit;

namespace ScrapeDsl.Tests.Language;

using ScrapeDsl.Language;

/// <summary>Every problem in a rule file is reported with a stable id at the offending YAML node, never thrown.</summary>
public class DiagnosticTests
{
    [Fact]
    public void Yaml_syntax_error_is_reported_on_its_line()
    {
        const string yaml = "name: Article\nfields:\n  title: h1\n   lead: p\n";
        var error = RuleText.Single(yaml, "SCR001");

        Assert.Equal((4, 8), (error.Span.StartLine, error.Span.StartColumn));
        Assert.StartsWith("YAML syntax error: ", error.Message, System.StringComparison.Ordinal);
        Assert.Equal(RuleSeverity.Error, error.Severity);
    }

    [Theory]
    [InlineData("nested key", "name: Article\nfields:\n  title: h1\n  tags:\n    css: a.tag\n\tmany: true\n", 6, 1)]
    [InlineData("tab after spaces", "name: Article\nfields:\n  title: h1\n  lead:\n  \t css: p\n", 5, 3)]
    [InlineData("key under the root", "name: Article\nmatch:\n\thosts: [news.example]\nfields:\n  title: h1\n", 3, 1)]
    [InlineData("list under a key", "name: Article\nfields:\n  title:\n    css: h1\n    fallback:\n\t  - h2\n", 6, 1)]
    [InlineData("line of only a tab", "name: Article\nfields:\n  title: h1\n\t\n  lead: p\n", 4, 1)]
    [InlineData("BOM and CRLF", "\uFEFFname: Article\r\nmatch:\r\n\thosts: [news.example]\r\nfields:\r\n  title: h1\r\n", 3, 1)]
    [InlineData("after a block scalar holding a tab", "name: Article\ndescription: |\n  \tindented text\nmatch:\n  hosts: [news.example]\nfields:\n\ttitle: h1\n", 7, 1)]
    public void Tab_used_as_indentation_is_reported_at_the_tab(string layout, string yaml, int line, int column)
    {
        var error = RuleText.Single(yaml, "SCR001");

        // YamlDotNet marks the start of the enclosing scalar or mapping, or line 1, column 1: the tab is what to fix.
        Assert.True((line, column) == (error.Span.StartLine, error.Span.StartColumn), $"{layout}: reported at {error.Span}");
        RuleText.AssertAt(yaml, error.Span, line, column, "\t");
        Assert.Contains("tab", error.Message, System.StringComparison.Ordinal);
        Assert.EndsWith("; indent with spaces, YAML does not allow tabs in indentation", error.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csss", "css")]
    [InlineData("reqired", "required")]
    public void Unknown_key_is_reported_at_its_line_with_the_nearest_known_key(string typo, string meant)
    {
        var yaml = $"name: Article\nfields:\n  title:\n    css: h1\n    {typo}: true\n";
        var error = RuleText.Single(yaml, "SCR002");

        RuleText.AssertAt(yaml, error.Span, 5, 5, typo);
        Assert.Contains($"did you mean '{meant}'?", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_key_far_from_any_known_key_lists_the_allowed_keys_without_a_guess()
    {
        const string yaml = "name: Article\nselectors: {}\nfields:\n  title: h1\n";
        var error = RuleText.Single(yaml, "SCR002");

        RuleText.AssertAt(yaml, error.Span, 2, 1, "selectors");
        Assert.DoesNotContain("did you mean", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("allowed keys: name, description, extends, match, remove, fields, examples", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void List_where_a_mapping_is_expected_is_a_wrong_kind_of_value()
    {
        const string yaml = "name: Article\nfields: [title, lead]\n";
        var error = RuleText.Single(yaml, "SCR003");

        RuleText.AssertAt(yaml, error.Span, 2, 9, "[title, lead]");
        Assert.Contains("'fields' must be a mapping", error.Message, System.StringComparison.Ordinal);
        Assert.EndsWith("but it is a list", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void List_where_text_is_expected_is_a_wrong_kind_of_value()
    {
        const string yaml = "name: [Article]\nfields:\n  title: h1\n";
        var error = RuleText.Single(yaml, "SCR003");

        RuleText.AssertAt(yaml, error.Span, 1, 7, "[Article]");
        Assert.Equal("'name' must be text, but it is a list", error.Message);
    }

    [Fact]
    public void Missing_name_is_reported()
    {
        const string yaml = "description: no name\nfields:\n  title: h1\n";
        var error = RuleText.Single(yaml, "SCR004");

        Assert.Equal(1, error.Span.StartLine);
        Assert.Contains("needs 'name'", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_fields_is_reported()
    {
        const string yaml = "name: Article\ndescription: nothing to read\n";
        var error = RuleText.Single(yaml, "SCR004");

        Assert.Equal(1, error.Span.StartLine);
        Assert.Contains("needs 'fields'", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_fields_mapping_is_reported()
    {
        const string yaml = "name: Article\nfields: {}\n";
        var error = RuleText.Single(yaml, "SCR004");

        RuleText.AssertAt(yaml, error.Span, 2, 9, "{}");
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_one_naming_the_line_of_the_first()
    {
        const string yaml = "name: Article\nfields:\n  title: h1\n  lead: p\n  title: h2\n";
        var error = RuleText.Single(yaml, "SCR005");

        RuleText.AssertAt(yaml, error.Span, 5, 3, "title");
        Assert.Contains("the first is on line 3", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Keyword_as_record_name_is_an_invalid_identifier()
    {
        const string yaml = "name: class\nfields:\n  title: h1\n";
        var error = RuleText.Single(yaml, "SCR006");

        RuleText.AssertAt(yaml, error.Span, 1, 7, "class");
        Assert.Contains("C# keyword", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Record_name_starting_with_a_digit_is_an_invalid_identifier()
    {
        const string yaml = "name: 1abc\nfields:\n  title: h1\n";
        var error = RuleText.Single(yaml, "SCR006");

        RuleText.AssertAt(yaml, error.Span, 1, 7, "1abc");
    }

    [Fact]
    public void Field_name_starting_with_a_digit_is_an_invalid_identifier()
    {
        const string yaml = "name: Article\nfields:\n  1abc: h1\n";
        var error = RuleText.Single(yaml, "SCR006");

        RuleText.AssertAt(yaml, error.Span, 3, 3, "1abc");
        Assert.Contains("a field name starts with a letter or '_'", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Two_field_names_that_become_the_same_property_collide()
    {
        const string yaml = "name: Article\nfields:\n  published_at: time\n  publishedAt: .date\n";
        var error = RuleText.Single(yaml, "SCR007");

        RuleText.AssertAt(yaml, error.Span, 4, 3, "publishedAt");
        Assert.Contains("'PublishedAt'", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("field 'published_at' on line 3", error.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("li:eq(2)", "':eq(n)' is jQuery, not CSS", ":nth-child(")]
    [InlineData("a:first", "':first' is jQuery, not CSS", ":first-child")]
    public void JQuery_selector_is_invalid_with_a_hint_towards_css(string selector, string says, string suggests)
    {
        var yaml = $"name: Article\nfields:\n  item: {selector}\n";
        var error = RuleText.Single(yaml, "SCR008");

        RuleText.AssertAt(yaml, error.Span, 3, 9, selector);
        Assert.Contains(says, error.Message, System.StringComparison.Ordinal);
        Assert.Contains(suggests, error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_selector_is_invalid_with_a_general_hint()
    {
        const string yaml = "name: Article\nfields:\n  item: \"div[data-x\"\n";
        var error = RuleText.Single(yaml, "SCR008");

        RuleText.AssertAt(yaml, error.Span, 3, 9, "\"div[data-x\"");
        Assert.Contains("check brackets", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Css_pseudo_classes_that_look_like_jquery_are_valid()
    {
        var rule = RuleText.Valid("name: Article\nfields:\n  first: li:first-child\n  last: li:last-of-type\n");

        Assert.Equal(2, rule.Fields.Count);
    }

    [Fact]
    public void Invalid_selector_in_a_remove_list_is_reported_at_its_item()
    {
        const string yaml = "name: Article\nremove:\n  - .ad\n  - div:visible\nfields:\n  title: h1\n";
        var error = RuleText.Single(yaml, "SCR008");

        RuleText.AssertAt(yaml, error.Span, 4, 5, "div:visible");
    }

    [Theory]
    [InlineData("\"   \"")]
    [InlineData("''")]
    [InlineData("")]
    public void Blank_selector_is_reported_because_it_would_match_everything(string written)
    {
        var yaml = $"name: Article\nfields:\n  title: {written}\n";
        var error = RuleText.Single(yaml, "SCR009");

        Assert.Equal(3, error.Span.StartLine);
    }

    [Fact]
    public void Misspelled_type_is_invalid_and_suggests_the_nearest_type()
    {
        const string yaml = "name: Article\nfields:\n  published:\n    css: time\n    type: datetim\n";
        var error = RuleText.Single(yaml, "SCR010");

        RuleText.AssertAt(yaml, error.Span, 5, 11, "datetim");
        Assert.Contains("did you mean 'datetime'?", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_tag_is_rejected()
    {
        const string yaml = "name: !!python/object:os.system Article\nfields:\n  title: h1\n";
        var error = RuleText.Single(yaml, "SCR011");

        Assert.Equal((1, 7), (error.Span.StartLine, error.Span.StartColumn));
        Assert.Contains("YAML tags", error.Message, System.StringComparison.Ordinal);
        Assert.Contains("python/object", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_tag_on_a_mapping_is_rejected()
    {
        const string yaml = "name: Article\nfields: !!python/object\n  title: h1\n";
        var error = RuleText.Single(yaml, "SCR011");

        Assert.Equal((2, 9), (error.Span.StartLine, error.Span.StartColumn));
    }

    [Fact]
    public void Yaml_anchor_and_alias_are_each_rejected()
    {
        const string yaml = "name: Article\nfields:\n  title: &sel h1\n  heading: *sel\n";
        var file = RuleText.Read(yaml);

        var unsupported = file.Diagnostics.Where(d => d.Id == "SCR011").ToList();
        Assert.Equal(2, unsupported.Count);
        Assert.Contains("anchors (&sel)", unsupported[0].Message, System.StringComparison.Ordinal);
        Assert.Equal((3, 10), (unsupported[0].Span.StartLine, unsupported[0].Span.StartColumn));
        Assert.Contains("aliases (*sel)", unsupported[1].Message, System.StringComparison.Ordinal);
        RuleText.AssertAt(yaml, unsupported[1].Span, 4, 12, "*sel");
        Assert.Null(file.Rule);
    }

    [Fact]
    public void Several_documents_in_one_file_are_rejected()
    {
        const string yaml = "name: A\nfields:\n  title: h1\n---\nname: B\nfields:\n  title: h1\n";
        var error = RuleText.Single(yaml, "SCR011");

        Assert.Equal(4, error.Span.StartLine);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# only a comment\n")]
    public void Empty_file_is_reported_at_its_start(string text)
    {
        var error = RuleText.Single(text, "SCR004");

        Assert.Equal((1, 1), (error.Span.StartLine, error.Span.StartColumn));
        Assert.Contains("the file is empty", error.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once_in_file_order()
    {
        const string yaml = "name: Article\nfields:\n  title: li:eq(1)\n  lead:\n    csss: p\n  when: { css: time, type: datetim }\n";
        var file = RuleText.Read(yaml);

        // 'csss' is one error (SCR002), not also "lead has no source" (SCR012).
        Assert.Equal(new[] { "SCR008", "SCR002", "SCR010" }, file.Diagnostics.Select(d => d.Id));
        Assert.Equal(new[] { 3, 5, 6 }, file.Diagnostics.Select(d => d.Span.StartLine));
        Assert.True(file.HasErrors);
        Assert.Null(file.Rule);
    }

    [Fact]
    public void Diagnostic_prints_like_a_compiler_message()
    {
        const string yaml = "name: Article\nfields:\n  title:\n    css: h1\n    csss: h2\n";
        var error = RuleText.Single(yaml, "SCR002");

        Assert.StartsWith(RuleText.Path + "(5,5): error SCR002: Unknown key 'csss'", error.ToString(), System.StringComparison.Ordinal);
    }
}
