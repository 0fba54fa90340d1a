using System;
using System.Linq;
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
}
