using ScrapeDsl.Generators.Tests.Driver;
using ScrapeDsl.Testing.Snapshots;
using Xunit;

namespace ScrapeDsl.Generators.Tests;

/// <summary>
/// One rule (Rules/every-construct.scrape.yaml, extending Rules/_shop.scrape.yaml) that uses every construct the
/// language has today: every source kind, every transform, every type, nested records, <c>extends</c>, dispatch.
/// </summary>
public sealed class EveryConstructTests
{
    // The hand-written part of the extractor: the method the rule's 'custom: VendorName' steps call.
    private const string HandWrittenExtractor = """
        namespace Consumer.Rules
        {
            public sealed partial class ProductPageExtractor
            {
                /// <summary>"Sold by ACME" gives "ACME".</summary>
                internal static string? VendorName(string value) =>
                    value.StartsWith("Sold by ", System.StringComparison.Ordinal) ? value.Substring(8) : value;
            }
        }

        """;

    // The rule's example page is not part of this project (these tests are about the generated code; the example
    // checks have their own tests in ScrapeDsl.Analyzer.Tests), so the build's example checks are off, as with
    // ScrapeDslCheckExamples=false.
    private static GeneratorRun RunEveryConstructRule() => GeneratorHarness.Run(
        new[]
        {
            RuleTexts.FromRepository("tests/ScrapeDsl.Generators.Tests/Rules/every-construct.scrape.yaml"),
            RuleTexts.FromRepository("tests/ScrapeDsl.Generators.Tests/Rules/_shop.scrape.yaml"),
        },
        HandWrittenExtractor,
        checkExamples: false);

    [Fact]
    public void A_rule_with_every_construct_generates_code_that_compiles_without_errors_or_warnings()
    {
        var run = RunEveryConstructRule();

        Assert.Empty(run.Diagnostics);
        Assert.Equal(new[] { "ProductPage.g.cs", "ScrapeRules.g.cs" }, run.Sources.Keys);
        run.AssertOutputCompilesCleanly();
    }

    [Fact]
    public void A_rule_with_every_construct_matches_its_snapshot()
    {
        var run = RunEveryConstructRule();

        Snapshot.VerifySources(run.SourcesNamed("ProductPage.g.cs"));
    }
}
