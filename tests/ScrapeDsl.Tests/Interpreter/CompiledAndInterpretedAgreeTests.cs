using System;
using System.IO;
using System.Linq;
using ScrapeDsl.Interpreter;
using ScrapeDsl.Rules;
using Xunit;

namespace ScrapeDsl.Tests.Interpreter;

/// <summary>
/// The differential test: every rule × example in <c>rules/</c> is extracted by the compiled extractor and by the
/// interpreter; the JSON of the two results must be byte-identical.
/// </summary>
public sealed class CompiledAndInterpretedAgreeTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var example in RuleExamples.All)
        {
            data.Add(example.ToString());
        }

        return data;
    }

    [Fact]
    public void The_rules_folder_has_examples_to_compare()
    {
        // An empty list would make the theory below pass vacuously.
        Assert.True(RuleExamples.All.Count > 0, "no rule in " + RuleExamples.RulesFolder + " lists an example page; the differential test would check nothing");
        Assert.All(RuleExamples.All, example => Assert.True(File.Exists(example.Page), example.Page + " is listed as an example but does not exist"));
    }

    [Fact]
    public void Every_rule_file_is_compiled_into_the_registry()
    {
        var names = RuleExamples.All.Select(example => example.Rule.Name).Distinct(StringComparer.Ordinal);
        Assert.All(names, name => Assert.NotNull(ScrapeRules.Registry.Get(name)));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Compiled_and_interpreted_rules_give_byte_identical_json(string name)
    {
        var example = RuleExamples.All.Single(candidate => candidate.ToString() == name);
        var html = PageText.Decode(File.ReadAllBytes(example.Page));
        var url = example.Url is null ? null : new Uri(example.Url);
        var compiled = ScrapeRules.Registry.Get(example.Rule.Name) ?? throw new InvalidOperationException(example.Rule.Name + " is not in the compiled registry");

        var expected = ResultJson.Serialize(compiled.ExtractUntyped(html, url));
        var actual = ResultJson.Serialize(InterpretedRule.From(example.Rule).Extract(html, url));

        Assert.Equal(expected, actual);
    }
}
