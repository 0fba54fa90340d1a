using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ScrapeDsl.Analyzer.Tests;

/// <summary>
/// The checks on the full rule language: who reports SCR040-SCR052 (each once in a build), <c>extends</c> in the example
/// checks and in placeholders, and sources and transforms on the example pages.
/// </summary>
public sealed class LanguageChecksTests
{
    private const string Common = """
        remove: [.gone-ad, .ad]
        fields:
          title: { css: h1.headline, required: true }
          lead: { css: .lead, fallback: [{ css: .stale-lead }] }
        """;

    private const string Article = """
        name: Article
        extends: ./_common.scrape.yaml
        fields:
          body: .body
        examples:
          - page: fixtures/page.html
        """;

    private static readonly string PageHtml = RuleHarness.Page("<div class=ad>ad</div><h1>Not the headline class</h1><p class=lead>Lead</p><div class=body>Body</div>");

    [Theory]
    [InlineData("SCR040", "title: { css: h1, transform: [ { regex: \"(\" } ] }")]
    [InlineData("SCR041", "price: { css: .p, transform: [ { number: xx-XX } ] }")]
    [InlineData("SCR042", "at: { css: time, type: datetime, transform: [ { date: \"yyyy-MM-dd HH:mm\", timeZone: Nowhere/City } ] }")]
    [InlineData("SCR044", "at: { css: time, type: datetime, transform: [ { date: \"dd.MM HH:mm\", timeZone: UTC } ] }")]
    [InlineData("SCR045", "at: { css: time, type: datetime, transform: [ { date: \"yyyy-MM-dd HH:mm\" } ] }")]
    [InlineData("SCR046", "tags: { css: .tags, transform: [ { split: \",\" } ] }")]
    [InlineData("SCR052", "body: article #main-text")]
    public void A_language_problem_of_one_file_is_reported_once_by_the_analyzer(string id, string field)
    {
        var run = RuleHarness.Run(("site/rule.scrape.yaml", "name: Article\nfields:\n  " + field + "\n"));
        Assert.Empty(run.Exceptions);
        Assert.Equal(new[] { id }, run.AnalyzerDiagnostics.Select(d => d.Id));
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void A_key_a_partial_cannot_have_is_reported_once_by_the_analyzer()
    {
        var run = RuleHarness.Run(("site/_common.scrape.yaml", "name: Common\nfields:\n  title: h1\n"));
        Assert.Equal(new[] { "SCR051" }, run.AnalyzerDiagnostics.Select(d => d.Id));
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Theory]
    [InlineData("SCR047", "./_missing.scrape.yaml", null)]
    [InlineData("SCR049", "./other.scrape.yaml", null)]
    [InlineData("SCR048", "./_a.scrape.yaml", "extends: ./_a.scrape.yaml\nfields:\n  lead: .lead\n")]
    public void A_broken_extends_chain_is_reported_once_by_the_generator_at_the_extends_line(string id, string target, string? partialB)
    {
        var files = new List<(string, string)>
        {
            ("site/rule.scrape.yaml", "name: Article\nextends: " + target + "\nfields:\n  body: .body\n"),
            ("site/other.scrape.yaml", "name: Other\nmatch: { hosts: [other.example] }\nfields:\n  title: h1\n"),
            ("site/_a.scrape.yaml", "extends: ./_b.scrape.yaml\nfields:\n  title: h1\n"),
        };
        if (partialB is not null)
        {
            files.Add(("site/_b.scrape.yaml", partialB));
        }
        else
        {
            files.Add(("site/_b.scrape.yaml", "fields:\n  lead: .lead\n"));
        }

        var run = RuleHarness.Run(files.ToArray());
        Assert.Empty(run.Exceptions);
        Assert.Empty(run.AnalyzerDiagnostics);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Location.GetLineSpan().Path.EndsWith("rule.scrape.yaml", System.StringComparison.Ordinal));
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(9, diagnostic.Location.GetLineSpan().StartLinePosition.Character);

        // The rule's own fields are still emitted (a placeholder), so code using them binds.
        var generated = run.Generator.GeneratedTrees.Single(t => t.FilePath.EndsWith("Article.g.cs", System.StringComparison.Ordinal)).ToString();
        Assert.Contains(" Body", generated, System.StringComparison.Ordinal);
        Assert.Contains("=> false;", generated, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_method_that_is_missing_is_reported_once_by_the_generator_at_its_step()
    {
        // Only the generator sees the C# compilation; a partial cannot name custom methods (SCR051), so the step is in the rule.
        var run = RuleHarness.Run(
            new[]
            {
                new TestAdditionalText(RuleHarness.Root + "site/_common.scrape.yaml", "fields:\n  lead: .lead\n"),
                new TestAdditionalText(RuleHarness.Root + "site/rule.scrape.yaml", "name: Article\nextends: ./_common.scrape.yaml\nfields:\n  title: { css: h1, transform: [ { custom: CleanTitel } ] }\n"),
            },
            "namespace Consumer { public partial class ArticleExtractor { public static string? CleanTitle(string value) => value; } }");
        Assert.Empty(run.AnalyzerDiagnostics);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("SCR050", diagnostic.Id);
        var span = diagnostic.Location.GetLineSpan();
        Assert.EndsWith("site/rule.scrape.yaml", span.Path, System.StringComparison.Ordinal);
        Assert.Equal(3, span.StartLinePosition.Line);
    }

    [Fact]
    public void What_a_partial_lends_is_checked_on_the_rules_pages_and_reported_at_the_extends_line()
    {
        var files = new[]
        {
            ("site/_common.scrape.yaml", Common),
            ("site/article.scrape.yaml", Article),
            ("site/fixtures/page.html", PageHtml),
        };
        var run = RuleHarness.Run(files);
        Assert.Empty(run.Exceptions);
        Assert.Empty(run.AnalyzerDiagnostics);

        // Never a position in the rule file that belongs to the partial's text: every example problem is at 'extends'.
        Assert.Equal(new[] { "SCR016", "SCR017", "SCR017", "SCR019" }, run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id));
        Assert.All(run.GeneratorDiagnostics, d =>
        {
            var span = d.Location.GetLineSpan();
            Assert.EndsWith("site/article.scrape.yaml", span.Path, System.StringComparison.Ordinal);
            Assert.Equal((1, 9), (span.StartLinePosition.Line, span.StartLinePosition.Character));
            Assert.Contains("written in _common.scrape.yaml at line ", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        });
        Snapshot.Verify(RuleHarness.Render(run.RuleDiagnostics, files.ToDictionary(f => f.Item1, f => f.Item2)));
    }

    [Fact]
    public void A_broken_rule_that_extends_a_partial_keeps_the_inherited_properties_in_its_placeholder()
    {
        const string user = """
            public static class Use
            {
                public static string Title(string html) => Consumer.ArticleExtractor.Instance.Extract(html, null).Value?.Title ?? "";
            }
            """;
        var run = RuleHarness.Run(
            new[]
            {
                new TestAdditionalText(RuleHarness.Root + "site/_common.scrape.yaml", "fields:\n  title: h1\n"),
                new TestAdditionalText(RuleHarness.Root + "site/article.scrape.yaml", "name: Article\nextends: ./_common.scrape.yaml\nfields:\n  body: \"div:eq(0)\"\n"),
            },
            user);
        Assert.Equal(new[] { "SCR008" }, run.RuleDiagnostics.Select(d => d.Id));
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void A_broken_partial_lends_its_valid_fields_to_the_placeholders_of_the_rules_extending_it()
    {
        const string user = """
            public static class Use
            {
                public static string Lead(string html) => Consumer.ArticleExtractor.Instance.Extract(html, null).Value?.Lead ?? "";
            }
            """;
        var run = RuleHarness.Run(
            new[]
            {
                new TestAdditionalText(RuleHarness.Root + "site/_common.scrape.yaml", "fields:\n  title: \"h1:first\"\n  lead: .lead\n"),
                new TestAdditionalText(RuleHarness.Root + "site/article.scrape.yaml", "name: Article\nextends: ./_common.scrape.yaml\nfields:\n  body: .body\n"),
            },
            user);
        Assert.Equal(new[] { "SCR008" }, run.RuleDiagnostics.Select(d => d.Id));
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public void Sources_and_transforms_decide_what_is_missing_as_at_run_time()
    {
        var files = new[]
        {
            ("site/rule.scrape.yaml", """
                name: Article
                fields:
                  title:
                    meta: og:title
                    required: true
                    transform: [ { regex: "^Title: (.+)$" } ]     # does not match the page's og:title: no value
                  headline:
                    jsonld: headline
                    required: true
                  author:
                    itemprop: author.name
                    required: true
                  section:
                    const: News
                    required: true
                  price:
                    css: .price
                    required: true
                    transform: [ { number: de-DE } ]
                  at:
                    css: .when
                    required: true
                    type: datetime
                    transform: [ { date: "d MMMM yyyy, HH:mm", culture: ru-RU, timeZone: Europe/Moscow } ]
                  custom:
                    css: .blank
                    required: true
                    fallback:
                      - { css: h1, transform: [ { custom: Clean } ] }   # the build cannot run C#: not reported
                examples:
                  - page: fixtures/page.html
                    url: https://news.example/a
                """),
            ("site/fixtures/page.html", "<html><head><meta property=og:title content=\"A title\">"
                + "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"headline\":\"Headline\"}</script></head>"
                + "<body><h1>T</h1><div itemscope itemprop=author><span itemprop=name>Ann</span></div>"
                + "<p class=price>1.234,50</p><p class=when>3 июня 2025, 20:14</p><p class=blank> </p></body></html>"),
        };
        var run = RuleHarness.Run(
            files.Select(f => (Microsoft.CodeAnalysis.AdditionalText)new TestAdditionalText(RuleHarness.Root + f.Item1, f.Item2)),
            "namespace Consumer { public partial class ArticleExtractor { public static string? Clean(string value) => value; } }");
        Assert.Empty(run.Exceptions);
        // Only the title is missing, and the regex that leaves nothing of its og:title is named (SCR023) at the step.
        Assert.Equal(new[] { "SCR016", "SCR023" }, run.RuleDiagnostics.Select(d => d.Id));
        Assert.All(run.RuleDiagnostics, d => Assert.Contains("'title'", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal));
        Assert.Equal(6, run.RuleDiagnostics[1].Location.GetLineSpan().StartLinePosition.Line + 1);
    }
}
