using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ScrapeDsl.Analyzer.Tests;

/// <summary>A problem is located on the offending scalar whatever the file looks like: style, quotes, comments, line ends, BOM.</summary>
public sealed class LocationTests
{
    [Theory]
    [InlineData("block", "name: A\nfields:\n  title: h1:eq(0)\n", 3, 10, 3, 18)]
    [InlineData("flow", "name: A\nfields: { title: \"h1:eq(0)\" }\n", 2, 18, 2, 28)]
    [InlineData("single-quoted", "name: A\nfields:\n  title: 'h1:eq(0)'\n", 3, 10, 3, 20)]
    [InlineData("long form", "name: A\nfields:\n  title:\n    required: true\n    css: h1:eq(0)\n", 5, 10, 5, 18)]
    [InlineData("comments", "# rule\n\nname: A   # record\nfields:\n  # the title\n  title: h1:eq(0)   # broken\n", 6, 10, 6, 18)]
    [InlineData("CRLF", "name: A\r\nfields:\r\n  title: h1:eq(0)\r\n", 3, 10, 3, 18)]
    [InlineData("BOM", "\uFEFFname: A\nfields:\n  title: h1:eq(0)\n", 3, 10, 3, 18)]
    [InlineData("BOM and CRLF", "\uFEFFname: A\r\nfields:\r\n  title: h1:eq(0)\r\n", 3, 10, 3, 18)]
    [InlineData("non-ASCII key", "name: A\nfields:\n  заголовок: h1:eq(0)\n", 3, 14, 3, 22)]
    [InlineData("fallback in a flow list", "name: A\nfields:\n  title:\n    css: h1\n    fallback: [{ css: h1:eq(0) }]\n", 5, 23, 5, 31)]
    public void Invalid_selector_is_reported_on_the_scalar(string layout, string text, int line, int column, int endLine, int endColumn)
    {
        var run = RuleHarness.Run(("rule.scrape.yaml", text));
        var diagnostic = Assert.Single(run.RuleDiagnostics);
        Assert.Equal("SCR008", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.True(
            (line, column, endLine, endColumn) == (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Line + 1, span.EndLinePosition.Character + 1),
            $"{layout}: reported at {span.StartLinePosition}-{span.EndLinePosition} (0-based)");

        // The character span indexes the text as given, so an editor underlines the scalar itself.
        var written = text.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length).Trim('"', '\'');
        Assert.Equal("h1:eq(0)", written);
    }

    [Fact]
    public void Syntax_error_at_the_end_of_the_file_is_inside_the_file()
    {
        var text = "name: A\nfields:\n  title: [h1";
        var run = RuleHarness.Run(("rule.scrape.yaml", text));
        var diagnostic = Assert.Single(run.RuleDiagnostics);
        Assert.Equal("SCR001", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(new LinePosition(2, 12), span.StartLinePosition);
        Assert.Equal(text.Length, diagnostic.Location.SourceSpan.Start);
    }

    [Fact]
    public void Tab_used_as_indentation_is_reported_at_the_tab()
    {
        // YamlDotNet marks the scalar it was reading ('h1', the line above); the build reports the tab, as scrape check does.
        var text = "name: A\nmatch:\n  hosts: [news.example]\nfields:\n  title:\n    css: h1\n  \t required: true\n";
        var run = RuleHarness.Run(("rule.scrape.yaml", text));
        var diagnostic = Assert.Single(run.RuleDiagnostics);
        Assert.Equal("SCR001", diagnostic.Id);
        Assert.Equal(new LinePosition(6, 2), diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Equal("\t", text.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    [Fact]
    public void Escaped_lone_surrogate_is_a_syntax_error_not_a_crash()
    {
        // YamlDotNet throws ArgumentOutOfRangeException here (found by FuzzTests); the reader reports SCR001.
        var run = RuleHarness.Run(("rule.scrape.yaml", "name: A\nfields:\n  title: \"\\uD800\"\n"));
        Assert.Empty(run.Exceptions);
        Assert.Equal("SCR001", Assert.Single(run.RuleDiagnostics).Id);
    }
}
