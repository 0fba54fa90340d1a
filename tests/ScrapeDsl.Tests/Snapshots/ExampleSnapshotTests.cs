using System.Collections.Generic;
using System.IO;
using ScrapeDsl.Examples;
using ScrapeDsl.Rules;
using Xunit;

namespace ScrapeDsl.Tests.Snapshots;

/// <summary>
/// Every example page of every rule in rules/, run by the compiled extractor and compared with the verified JSON
/// beside the page. A change fails with the changed fields first, then the diff, and leaves a received file.
/// </summary>
public sealed class ExampleSnapshotTests
{
    public static TheoryData<ExampleCase> Examples()
    {
        var data = new TheoryData<ExampleCase>();
        foreach (var example in ExampleCatalog.Discover(RepositoryPaths.RulesFolder, out _))
        {
            data.Add(example);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_output_matches_its_verified_snapshot(ExampleCase example)
    {
        var outcome = ExampleRunner.Check(example, ScrapeRules.Registry.Get);

        Assert.True(outcome.Status == ExampleStatus.Matches, outcome.Report());
    }

    [Fact]
    public void Every_rule_file_reads_without_errors_and_has_an_example()
    {
        var examples = ExampleCatalog.Discover(RepositoryPaths.RulesFolder, out var problems);

        Assert.Empty(problems);
        foreach (var rule in ExampleCatalog.RuleFiles(RepositoryPaths.RulesFolder))
        {
            if (ScrapeDsl.Language.RuleReader.IsPartialPath(rule))
            {
                continue;
            }

            Assert.Contains(examples, example => example.RulePath == rule);
        }
    }

    [Fact]
    public void Every_verified_snapshot_belongs_to_an_example()
    {
        var examples = ExampleCatalog.Discover(RepositoryPaths.RulesFolder, out _);

        var dangling = ExampleCatalog.DanglingSnapshots(RepositoryPaths.RulesFolder, examples);

        Assert.True(dangling.Count == 0, "verified snapshots that no example produces (delete them, or list their page under a rule's examples):\n" + string.Join("\n", dangling));
    }
}
