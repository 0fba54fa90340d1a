using System.IO;
using ScrapeDsl.Cli.Scaffold;
using ScrapeDsl.Tests.Interpreter;
using Xunit;

namespace ScrapeDsl.Tests.Scaffold;

/// <summary>
/// <c>scrape new</c> measured on a subset of shared/corpus/news copied into Scaffold/pages: the pages under 75 KB
/// with an expected title, sorted by name, every third one (16 pages). Five of them are also rule examples and are read
/// from rules/&lt;host&gt;/fixtures/ instead of being stored twice. docs/cli.md has the whole-corpus figures.
/// </summary>
public sealed class ScaffoldCorpusTests
{
    private static readonly string s_folder = Path.Combine(RepositoryPaths.Root, "tests", "ScrapeDsl.Tests", "Scaffold");

    [Fact]
    public void Scaffolded_rules_reach_the_targets_on_the_corpus_subset()
    {
        var manifest = Path.Combine(s_folder, "manifest.json");
        var pages = ScaffoldEvaluation.ReadManifest(manifest);
        var figures = EvaluationFigures.Of(ScaffoldEvaluation.Run(pages, Path.Combine(s_folder, "pages"), s_folder, threads: 2));

        Assert.True(figures.Pages >= 10, $"the subset has only {figures.Pages} pages");
        Assert.Equal(100.0, figures.ValidRate);
        Assert.True(figures.TitleNonEmptyRate >= 90, $"title non-empty {figures.TitleNonEmptyRate:0.0}%");
        Assert.True(figures.BodyNonEmptyRate >= 90, $"body non-empty {figures.BodyNonEmptyRate:0.0}%");
        Assert.True(figures.TitleEqualRate >= 80, $"title equal {figures.TitleEqualRate:0.0}% ({figures.TitleEqual}/{figures.TitleExpected})");
        Assert.True(figures.PublishedEqualRate >= 60, $"published equal {figures.PublishedEqualRate:0.0}% ({figures.PublishedEqual}/{figures.PublishedExpected})");
        Assert.True(figures.AuthorEqualRate >= 40, $"author equal {figures.AuthorEqualRate:0.0}% ({figures.AuthorEqual}/{figures.AuthorExpected})");
    }
}
