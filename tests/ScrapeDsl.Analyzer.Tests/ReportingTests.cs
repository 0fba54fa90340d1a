using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ScrapeDsl.Analyzer.Tests;

/// <summary>Who reports what: each problem once, in the build and the editor, and a broken rule costs few C# errors.</summary>
public sealed class ReportingTests
{
    private const string BrokenBody = """
        name: Article
        fields:
          title: { css: h1, required: true }
          publishedAt: { css: time, attr: datetime, type: datetime }
          body: { css: "article:eq(0)" }
          tags: { css: .tag, many: true, type: strng }
        """;

    [Fact]
    public void A_file_problem_is_reported_by_the_analyzer_only()
    {
        var run = RuleHarness.Run(("rule.scrape.yaml", BrokenBody));
        Assert.Equal(new[] { "SCR008", "SCR010" }, run.AnalyzerDiagnostics.Select(d => d.Id).OrderBy(id => id));
        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Theory]
    [InlineData("RunAnalyzers", "false")]
    [InlineData("RunAnalyzersDuringBuild", "false")]
    public void With_analyzers_off_the_generator_reports_file_problems_so_the_build_still_fails(string property, string value)
    {
        var properties = new Dictionary<string, string>(RuleHarness.DefaultProperties) { [property] = value };
        var run = RuleHarness.Run(new[] { new TestAdditionalText(RuleHarness.Root + "rule.scrape.yaml", BrokenBody) }, properties: properties);
        Assert.Equal(new[] { "SCR008", "SCR010" }, run.GeneratorDiagnostics.Select(d => d.Id).OrderBy(id => id));
    }

    [Fact]
    public void A_broken_rule_still_emits_its_valid_fields_so_code_using_them_binds()
    {
        const string user = """
            public static class Use
            {
                public static string Title(string html)
                {
                    var result = Consumer.ArticleExtractor.Instance.Extract(html, null);
                    global::System.DateTimeOffset? at = result.Value?.PublishedAt;
                    return result.Value?.Title ?? "" + at;
                }
            }
            """;
        var run = RuleHarness.Run(new[] { new TestAdditionalText(RuleHarness.Root + "rule.scrape.yaml", BrokenBody) }, user);
        Assert.Empty(run.CompilationErrors);
        var generated = run.Generator.GeneratedTrees.Single(t => t.FilePath.EndsWith("Article.g.cs")).ToString();
        Assert.Contains("public bool Matches(global::System.Uri url) => false;", generated);
        Assert.DoesNotContain(" Body", generated);
        Assert.DoesNotContain(" Tags", generated);
    }

    [Fact]
    public void Using_a_broken_field_costs_one_CSharp_error_at_the_use()
    {
        const string user = """
            public static class Use
            {
                public static string? Body(Consumer.Article article) => article.Body;
            }
            """;
        var run = RuleHarness.Run(new[] { new TestAdditionalText(RuleHarness.Root + "rule.scrape.yaml", BrokenBody) }, user);
        var error = Assert.Single(run.CompilationErrors);
        Assert.Equal("CS1061", error.Id);
    }

    [Fact]
    public void A_rule_whose_name_cannot_be_read_emits_nothing_and_the_registry_still_compiles()
    {
        var run = RuleHarness.Run(("rule.scrape.yaml", "name: [x]\nfields:\n  title: h1\n"), ("ok.scrape.yaml", "name: Ok\nfields:\n  title: h1\n"));
        Assert.Empty(run.CompilationErrors);
        Assert.Equal(new[] { "Ok.g.cs", "ScrapeRules.g.cs" }, run.Generator.GeneratedTrees.Select(t => System.IO.Path.GetFileName(t.FilePath)).OrderBy(n => n));
    }

    [Fact]
    public void Example_checks_can_be_turned_off()
    {
        var properties = new Dictionary<string, string>(RuleHarness.DefaultProperties) { ["ScrapeDslCheckExamples"] = "false" };
        var files = new[]
        {
            new TestAdditionalText(RuleHarness.Root + "rule.scrape.yaml", "name: A\nfields:\n  title: { css: h1, required: true }\nexamples:\n  - page: fixtures/missing.html\n"),
        };
        Assert.Contains(RuleHarness.Run(files).GeneratorDiagnostics, d => d.Id == "SCR015");
        Assert.Empty(RuleHarness.Run(files, properties: properties).GeneratorDiagnostics);
    }
}
