using System;
using System.IO;
using System.Linq;
using ScrapeDsl.Cli;
using ScrapeDsl.Cli.Commands;
using ScrapeDsl.Tests.Interpreter;
using Xunit;

namespace ScrapeDsl.Tests.Cli;

public sealed class RunCommandTests
{
    [Fact]
    public void A_rules_folder_is_read_without_the_copies_in_its_build_output()
    {
        var registry = RunCommand.LoadRules(RepositoryPaths.RulesFolder);

        var expected = ScrapeDsl.Examples.ExampleCatalog.Discover(RepositoryPaths.RulesFolder, out _).Select(example => example.RuleName).Distinct(StringComparer.Ordinal).OrderBy(name => name, StringComparer.Ordinal);
        Assert.Equal(expected, registry.All.Select(rule => rule.RuleName).OrderBy(name => name, StringComparer.Ordinal));
    }

    [Fact]
    public void Rules_under_a_path_with_a_bin_folder_in_it_are_found_without_their_own_build_output()
    {
        // run, test and accept search a rules folder as check does: only bin/ and obj/ below it are build output.
        var rules = Path.Combine(Path.GetTempPath(), "scrape-rules-" + Guid.NewGuid().ToString("N"), "bin", "myrules");
        try
        {
            var rule = Path.Combine(rules, "site", "article.scrape.yaml");
            var copy = Path.Combine(rules, "obj", "Debug", "site", "article.scrape.yaml");
            foreach (var path in new[] { rule, copy })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, "name: Article\nmatch: { hosts: [news.example] }\nfields:\n  title: h1\n");
            }

            Assert.Equal(new[] { Path.GetFullPath(rule) }, ScrapeDsl.Examples.ExampleCatalog.RuleFiles(rules));
            Assert.Equal("Article", Assert.Single(RunCommand.LoadRules(rules).All).RuleName);
            Assert.False(ScrapeDsl.Examples.ExampleCatalog.IsBuildOutput(rules, rule));
            Assert.True(ScrapeDsl.Examples.ExampleCatalog.IsBuildOutput(rules, copy));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(rules))!, recursive: true);
        }
    }

    [Fact]
    public void Rule_files_named_scrape_yml_are_found_by_every_command_as_by_the_build()
    {
        var rules = Path.Combine(Path.GetTempPath(), "scrape-rules-" + Guid.NewGuid().ToString("N"));
        try
        {
            var yaml = Path.Combine(rules, "site", "article.scrape.yaml");
            var yml = Path.Combine(rules, "site", "story.scrape.yml");
            Directory.CreateDirectory(Path.GetDirectoryName(yaml)!);
            File.WriteAllText(yaml, "name: Article\nmatch: { hosts: [news.example], paths: [\"/a/*\"] }\nfields:\n  title: h1\n");
            File.WriteAllText(yml, "name: Story\nmatch: { hosts: [news.example], paths: [\"/s/*\"] }\nfields:\n  title: h1\n");

            Assert.Equal(new[] { Path.GetFullPath(yaml), Path.GetFullPath(yml) }, ScrapeDsl.Examples.ExampleCatalog.RuleFiles(rules));
            Assert.Equal(new[] { "Article", "Story" }, RunCommand.LoadRules(rules).All.Select(extractor => extractor.RuleName).Order(StringComparer.Ordinal));
            Assert.Equal("story", ScrapeDsl.Language.RuleFileNames.Stem("story.scrape.yml"));
        }
        finally
        {
            Directory.Delete(rules, recursive: true);
        }
    }

    [Fact]
    public void A_page_larger_than_the_size_limit_is_refused_before_it_is_read()
    {
        var article = Path.Combine(RepositoryPaths.RulesFolder, "rbc.ru", "fixtures", "2025-06-03-politics-south-korea-election.html");

        var error = Assert.Throws<PageTooLargeException>(() => ScrapeDsl.Cli.Cli.ReadPage(article, maxBytes: 250_000));
        Assert.EndsWith("election.html' is 0.29 MB, larger than --max-page-size 0.25 MB", error.Message, StringComparison.Ordinal);
        Assert.Equal(new FileInfo(article).Length, ScrapeDsl.Cli.Cli.ReadPage(article, maxBytes: 300_000).Length);
        Assert.Equal(2, ScrapeDsl.Cli.Program.Main(new[] { "run", article, "--max-page-size", "0.25" }));
    }

    [Fact]
    public void A_page_on_standard_input_is_read_only_up_to_the_size_limit()
    {
        var source = new PipeLikeStream(new byte[1_000_000]);

        var error = Assert.Throws<PageTooLargeException>(() => ScrapeDsl.Cli.Cli.ReadPage(source, "the page on standard input", maxBytes: 100_000));
        Assert.Equal("the page on standard input is more than 0.1 MB, larger than --max-page-size 0.1 MB", error.Message);
        Assert.True(source.Position < 200_000, $"read {source.Position} bytes");
        Assert.Equal(1_000_000, ScrapeDsl.Cli.Cli.ReadPage(new MemoryStream(new byte[1_000_000]), "stdin", maxBytes: 1_000_000).Length);
    }

    [Fact]
    public void Limits_out_of_range_are_bad_input()
    {
        var article = Path.Combine(RepositoryPaths.RulesFolder, "rbc.ru", "fixtures", "2025-06-03-politics-south-korea-election.html");

        // Values that would be accepted are not run here: --parse-limit sets the process-wide limit other tests rely on.
        foreach (var (option, bad) in new[] { ("--max-page-size", "-1"), ("--max-page-size", "2001"), ("--parse-limit", "0.0001"), ("--parse-limit", "-5") })
        {
            Assert.Equal(2, ScrapeDsl.Cli.Program.Main(new[] { "run", article, option, bad }));
        }
    }

    /// <summary>A stream without a length to check first, as a pipe is.</summary>
    private sealed class PipeLikeStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
