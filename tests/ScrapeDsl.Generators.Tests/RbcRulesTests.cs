using ScrapeDsl.Generators.Tests.Driver;
using ScrapeDsl.Testing.Snapshots;
using Xunit;

namespace ScrapeDsl.Generators.Tests;

/// <summary>The repository's real rules for rbc.ru with their example pages, compiled as a consumer would.</summary>
public sealed class RbcRulesTests
{
    private static GeneratorRun RunRbcRules() => GeneratorHarness.Run(new[]
    {
        RuleTexts.FromRepository("rules/rbc.ru/_common.scrape.yaml"),
        RuleTexts.FromRepository("rules/rbc.ru/article.scrape.yaml"),
        RuleTexts.FromRepository("rules/rbc.ru/home.scrape.yaml"),
        RuleTexts.FromRepository("rules/rbc.ru/fixtures/2025-06-03-politics-south-korea-election.html"),
        RuleTexts.FromRepository("rules/rbc.ru/fixtures/home-page.html"),
    });

    [Fact]
    public void Rbc_rules_generate_code_that_compiles_without_errors_or_warnings()
    {
        var run = RunRbcRules();

        // Neither the analyzer nor the generator (extends resolved, rules run on their example pages) has anything to say.
        Assert.Empty(run.Diagnostics);
        Assert.Equal(new[] { "RbcArticle.g.cs", "RbcHome.g.cs", "ScrapeRules.g.cs" }, run.Sources.Keys);
        run.AssertOutputCompilesCleanly();
    }

    [Fact]
    public void Rbc_article_rule_and_registry_match_their_snapshots()
    {
        var run = RunRbcRules();

        Snapshot.VerifySources(run.SourcesNamed("RbcArticle.g.cs", "ScrapeRules.g.cs"));
    }
}
