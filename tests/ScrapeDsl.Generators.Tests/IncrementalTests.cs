using System.Linq;
using Microsoft.CodeAnalysis;
using ScrapeDsl.Generators.Model;
using ScrapeDsl.Generators.Tests.Driver;
using ScrapeDsl.Language;
using Xunit;

namespace ScrapeDsl.Generators.Tests;

/// <summary>What an edit makes the generator redo: only what the edit changed the meaning of.</summary>
public sealed class IncrementalTests
{
    private const string FirstPath = "rules/example.com/first.scrape.yaml";
    private const string SecondPath = "rules/example.com/second.scrape.yaml";

    private const string FirstYaml = """
        name: First
        fields:
          title: h1
          tags: { css: .tag, many: true }

        """;

    private const string SecondYaml = """
        name: Second
        match:
          hosts: [example.com]
        fields:
          heading: h2

        """;

    [Fact]
    public void Unrelated_csharp_edit_reuses_parsed_rules_and_rules_to_emit()
    {
        var (run, _, _) = RunTwoRules();
        var driver = run.Driver;
        var edited = run.Input.ReplaceSyntaxTree(
            run.Input.SyntaxTrees.Single(),
            GeneratorHarness.ParseConsumer("namespace Consumer\n{\n    internal static class Edited\n    {\n        internal static int Answer => 42;\n    }\n}\n"));

        var result = GeneratorHarness.RunAgain(ref driver, edited);

        Assert.All(PipelineSteps.Outputs(result, RuleGeneratorSteps.ParsedRules), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(PipelineSteps.Outputs(result, RuleGeneratorSteps.RulesToEmit), o => Assert.True(PipelineSteps.IsReused(o.Reason), o.Reason.ToString()));
        Assert.Equal(2, PipelineSteps.Outputs(result, RuleGeneratorSteps.RulesToEmit).Count);
    }

    [Fact]
    public void Editing_one_rule_reparses_only_that_file_and_keeps_the_other_rule_to_emit()
    {
        var (run, first, _) = RunTwoRules();
        var driver = run.Driver.ReplaceAdditionalText(first, RuleTexts.Inline(FirstPath, FirstYaml.Replace("title: h1", "title: h1.headline")));

        var result = GeneratorHarness.RunAgain(ref driver, run.Input);

        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, PipelineSteps.ReasonsOf<ParsedRule>(result, RuleGeneratorSteps.ParsedRules, f => f.Path == FirstPath));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, PipelineSteps.ReasonsOf<ParsedRule>(result, RuleGeneratorSteps.ParsedRules, f => f.Path == SecondPath));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, PipelineSteps.ReasonsOf<RuleToEmit>(result, RuleGeneratorSteps.RulesToEmit, r => r.Rule.Name == "First"));
        var untouched = Assert.Single(PipelineSteps.ReasonsOf<RuleToEmit>(result, RuleGeneratorSteps.RulesToEmit, r => r.Rule.Name == "Second"));
        Assert.True(PipelineSteps.IsReused(untouched), untouched.ToString());
    }

    [Fact]
    public void Adding_a_comment_line_moves_positions_but_leaves_rules_to_emit_unchanged()
    {
        var (run, first, _) = RunTwoRules();
        var driver = run.Driver.ReplaceAdditionalText(first, RuleTexts.Inline(FirstPath, "# The page title and its tags.\n" + FirstYaml));

        var result = GeneratorHarness.RunAgain(ref driver, run.Input);

        // The file was read again (its positions moved) ...
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, PipelineSteps.ReasonsOf<ParsedRule>(result, RuleGeneratorSteps.ParsedRules, f => f.Path == FirstPath));

        // ... but the position-free model compares equal, so no code is written again.
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, PipelineSteps.ReasonsOf<RuleToEmit>(result, RuleGeneratorSteps.RulesToEmit, r => r.Rule.Name == "First"));
        Assert.All(PipelineSteps.Outputs(result, RuleGeneratorSteps.RulesToEmit), o => Assert.True(PipelineSteps.IsReused(o.Reason), o.Reason.ToString()));
    }

    private static (GeneratorRun Run, AdditionalText First, AdditionalText Second) RunTwoRules()
    {
        var first = RuleTexts.Inline(FirstPath, FirstYaml);
        var second = RuleTexts.Inline(SecondPath, SecondYaml);
        return (GeneratorHarness.Run(new[] { first, second }), first, second);
    }
}
