using System;
using System.IO;
using System.Linq;
using ScrapeDsl.Examples;
using ScrapeDsl.Interpreter;
using ScrapeDsl.Language;
using ScrapeDsl.Rules;
using ScrapeDsl.Tests.Snapshots;
using Xunit;

namespace ScrapeDsl.Tests.Interpreter;

/// <summary>
/// The differential test: every rule × example in <c>rules/</c> is extracted by the compiled extractor and by the
/// interpreter (with the same custom C# transforms); the JSON of the two results must be byte-identical.
/// </summary>
public sealed class CompiledAndInterpretedAgreeTests
{
    private static readonly ExampleCase[] s_examples = ExampleCatalog.Discover(RepositoryPaths.RulesFolder, out _).ToArray();

    public static TheoryData<ExampleCase> Examples() => new(s_examples);

    [Fact]
    public void The_rules_folder_has_examples_to_compare()
    {
        // An empty list would make the theory below pass vacuously.
        Assert.True(s_examples.Length > 0, "no rule in " + RepositoryPaths.RulesFolder + " lists an example page; the differential test would check nothing");
        Assert.All(s_examples, example => Assert.True(File.Exists(example.PagePath), example.PagePath + " is listed as an example but does not exist"));
    }

    [Fact]
    public void Every_rule_file_is_compiled_into_the_registry()
    {
        Assert.All(s_examples.Select(example => example.RuleName).Distinct(StringComparer.Ordinal), name => Assert.NotNull(ScrapeRules.Registry.Get(name)));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Compiled_and_interpreted_rules_give_byte_identical_json(ExampleCase example)
    {
        var html = PageText.Decode(File.ReadAllBytes(example.PagePath));
        var compiled = ScrapeRules.Registry.Get(example.RuleName) ?? throw new InvalidOperationException(example.RuleName + " is not in the compiled registry");
        var rule = RuleResolver.ReadFile(example.RulePath).Rule!;
        var interpreted = InterpretedRule.From(rule, CustomTransforms.FromAssembly(typeof(ScrapeRules).Assembly, rule.Name));

        var expected = ResultJson.Serialize(compiled.ExtractUntyped(html, example.Url));
        var actual = ResultJson.Serialize(interpreted.Extract(html, example.Url));

        Assert.Empty(interpreted.Warnings);
        Assert.Equal(expected, actual);
    }
}
