using System.IO;
using System.Linq;
using ScrapeDsl.Generators;
using ScrapeDsl.Language;
using Xunit;

namespace ScrapeDsl.Analyzer.Tests;

/// <summary>
/// The id catalog lives in three places that must agree: the language library (<see cref="RuleDiagnostics"/> SCR001-SCR022,
/// <see cref="LanguageDiagnostics"/> SCR040-SCR052), the Roslyn descriptors, the release file; each id has a doc page.
/// </summary>
public sealed class CatalogTests
{
    private static readonly RuleDiagnosticDescriptor[] s_language = RuleDiagnostics.All.Concat(LanguageDiagnostics.All).ToArray();

    [Fact]
    public void Roslyn_descriptors_match_the_language_catalog()
    {
        var language = s_language.Select(d => $"{d.Id} {d.Title} {d.Severity}");
        var roslyn = DiagnosticDescriptors.All.Select(d => $"{d.Id} {d.Title} {(d.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Hidden ? "Hidden" : d.DefaultSeverity.ToString())}");
        Assert.Equal(language, roslyn);
        Assert.All(DiagnosticDescriptors.All, d => Assert.Equal(s_language.Single(l => l.Id == d.Id).HelpLink, d.HelpLinkUri));
    }

    [Fact]
    public void The_analyzer_supports_every_id()
    {
        Assert.Equal(s_language.Select(d => d.Id), new RuleFileAnalyzer().SupportedDiagnostics.Select(d => d.Id));
    }

    [Fact]
    public void Ids_are_unique_and_each_catalog_continues_without_gaps()
    {
        var ids = s_language.Select(d => d.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, RuleDiagnostics.All.Count).Select(i => $"SCR{i:D3}"), RuleDiagnostics.All.Select(d => d.Id));
        Assert.Equal(Enumerable.Range(40, LanguageDiagnostics.All.Count).Select(i => $"SCR{i:D3}"), LanguageDiagnostics.All.Select(d => d.Id));
    }

    [Fact]
    public void Every_id_is_in_the_release_file_with_its_severity()
    {
        var releases = File.ReadAllText(Repository.PathOf("generators", "ScrapeDsl.Generators", "AnalyzerReleases.Unshipped.md"));
        Assert.All(s_language, d => Assert.Contains($"{d.Id} | ScrapeDsl | {d.Severity} | {d.Title}", releases));
    }

    [Fact]
    public void Every_id_has_a_doc_page_with_a_bad_and_a_fixed_example()
    {
        Assert.All(s_language, d =>
        {
            var path = Repository.PathOf("docs", "diagnostics", d.Id + ".md");
            Assert.True(File.Exists(path), path + " is missing");
            var text = File.ReadAllText(path);
            Assert.StartsWith("# " + d.Id + ": " + d.Title, text);
            Assert.Contains("## Bad", text);
            Assert.Contains("## Fixed", text);
        });
    }

    [Theory]
    [InlineData("SCR001")]
    [InlineData("SCR002")]
    [InlineData("SCR003")]
    [InlineData("SCR004")]
    [InlineData("SCR005")]
    [InlineData("SCR006")]
    [InlineData("SCR007")]
    [InlineData("SCR008")]
    [InlineData("SCR009")]
    [InlineData("SCR010")]
    [InlineData("SCR011")]
    [InlineData("SCR012")]
    [InlineData("SCR013")]
    [InlineData("SCR040")]
    [InlineData("SCR041")]
    [InlineData("SCR042")]
    [InlineData("SCR043")]
    [InlineData("SCR044")]
    [InlineData("SCR045")]
    [InlineData("SCR046")]
    [InlineData("SCR051")]
    [InlineData("SCR052")]
    public void The_doc_pages_bad_example_gives_its_id_and_the_fixed_one_is_clean(string id)
    {
        // SCR051's examples are a partial rule file, whose name starts with '_'.
        var prefix = id == "SCR051" ? "_" : string.Empty;
        var text = File.ReadAllText(Repository.PathOf("docs", "diagnostics", id + ".md"));
        Assert.Contains(RuleReader.Read(prefix + "bad.scrape.yaml", YamlBlock(text, "## Bad")).Diagnostics, d => d.Id == id);
        Assert.Empty(RuleReader.Read(prefix + "fixed.scrape.yaml", YamlBlock(text, "## Fixed")).Diagnostics);
    }

    private static string YamlBlock(string page, string heading)
    {
        var start = page.IndexOf("```yaml\n", page.IndexOf(heading, System.StringComparison.Ordinal), System.StringComparison.Ordinal) + "```yaml\n".Length;
        return page.Substring(start, page.IndexOf("```", start, System.StringComparison.Ordinal) - start);
    }
}
