using System;
using System.Linq;
using ScrapeDsl.Language;
using Xunit;

namespace ScrapeDsl.Analyzer.Tests;

/// <summary>
/// An example page whose parse runs past the checks' limit is reported (SCR022) and not checked, so that a hostile
/// page cannot hold the build, and the part of it read in time does not pass for the page.
/// </summary>
public sealed class ExampleParseLimitTests
{
    private const string Rule = """
        name: Article
        fields:
          title: { css: h1, required: true }
          body: .body
        examples:
          - page: fixtures/hostile.html
        """;

    [Fact]
    public void A_page_whose_parse_is_stopped_is_reported_at_its_example_and_not_checked()
    {
        // The nested lists take a minute to parse whole (ParseLimitTests in ScrapeDsl.Tests); the body comes after them.
        // Checked from the part read in 0.2 s, the page would make '.body' a selector that matches nothing (SCR017).
        var html = "<h1>Title</h1>" + string.Concat(Enumerable.Repeat("<ul><li>", 60_000)) + "<div class=body>Body</div>";
        var rule = RuleReader.Read("site/rule.scrape.yaml", Rule).Rule!;

        var run = ExampleChecker.Run("site/rule.scrape.yaml", rule, new[] { new ExamplePage(rule.Examples[0], "site/fixtures/hostile.html", html) }, TimeSpan.FromMilliseconds(200));

        // At the page path of "  - page: fixtures/hostile.html" (line 6, column 11).
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(("SCR022", RuleSeverity.Warning, 6, 11), (diagnostic.Id, diagnostic.Severity, diagnostic.Span.StartLine, diagnostic.Span.StartColumn));
        Assert.StartsWith("Example page 'fixtures/hostile.html' took longer than 0.2 s to parse and was not checked (the parse stopped at character ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(" of 480,040)", diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(run.Outcomes);
    }
}
