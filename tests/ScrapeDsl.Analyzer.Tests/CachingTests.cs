using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ScrapeDsl.Generators;
using Xunit;

namespace ScrapeDsl.Analyzer.Tests;

/// <summary>Editing one rule re-runs that rule's example checks only; editing C# re-runs none.</summary>
public sealed class CachingTests
{
    private static readonly string s_page = RuleHarness.Page("<h1>Title</h1><p class=lead>Lead</p><div class=ad>ad</div>");

    private static string Rule(string name, string lead) => $$"""
        name: {{name}}
        match: { hosts: [{{name.ToLowerInvariant()}}.example] }
        remove: [.ad]
        fields:
          title: { css: h1, required: true }
          lead: "{{lead}}"
        examples:
          - page: fixtures/page.html
        """;

    [Fact]
    public void Editing_one_rule_does_not_rerun_the_other_rules_example_checks()
    {
        var a = new TestAdditionalText(RuleHarness.Root + "a/a.scrape.yaml", Rule("Alpha", "p.lead"));
        var b = new TestAdditionalText(RuleHarness.Root + "b/b.scrape.yaml", Rule("Beta", "p.lead"));
        var files = ImmutableArray.Create<AdditionalText>(
            a, b,
            new TestAdditionalText(RuleHarness.Root + "a/fixtures/page.html", s_page),
            new TestAdditionalText(RuleHarness.Root + "b/fixtures/page.html", s_page));
        var compilation = RuleHarness.CreateCompilation("public class C {}");
        var driver = RuleHarness.CreateDriver(files, new TestOptionsProvider(RuleHarness.DefaultProperties)).RunGenerators(compilation);
        Assert.All(driver.GetRunResult().Results[0].TrackedSteps[RuleGeneratorSteps.ExampleChecks], step => Assert.Equal(IncrementalStepRunReason.New, step.Outputs.Single().Reason));

        // Edit rule A (a different lead selector), leave B and the pages alone.
        driver = driver.ReplaceAdditionalText(a, new TestAdditionalText(a.Path, Rule("Alpha", "p.lead, p"))).RunGenerators(compilation);
        var checks = driver.GetRunResult().Results[0].TrackedSteps[RuleGeneratorSteps.ExampleChecks];
        var reasons = checks.Select(step => (Rule: ((ScrapeDsl.Generators.Model.RuleExamples)step.Inputs[0].Source.Outputs[step.Inputs[0].OutputIndex].Value).Rule.Name, step.Outputs.Single().Reason)).ToList();
        // Alpha's checks ran again (Modified or Unchanged: same diagnostics); Beta's did not run at all (Cached).
        Assert.Contains(reasons, r => r.Rule == "Alpha" && r.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.Unchanged);
        Assert.Contains(("Beta", IncrementalStepRunReason.Cached), reasons);
        Assert.Equal(2, reasons.Count);
    }

    [Fact]
    public void Editing_CSharp_reruns_no_rule_step()
    {
        var files = ImmutableArray.Create<AdditionalText>(
            new TestAdditionalText(RuleHarness.Root + "a/a.scrape.yaml", Rule("Alpha", "p.lead")),
            new TestAdditionalText(RuleHarness.Root + "a/fixtures/page.html", s_page));
        var compilation = RuleHarness.CreateCompilation("public class C {}");
        var driver = RuleHarness.CreateDriver(files, new TestOptionsProvider(RuleHarness.DefaultProperties)).RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("public class D {}")));
        var steps = driver.GetRunResult().Results[0].TrackedSteps;
        foreach (var name in new[] { RuleGeneratorSteps.ParsedRules, RuleGeneratorSteps.RuleExamples, RuleGeneratorSteps.ExampleChecks, RuleGeneratorSteps.RulesToEmit, RuleGeneratorSteps.NameCollisions, RuleGeneratorSteps.Registry })
        {
            Assert.All(steps[name].SelectMany(step => step.Outputs), output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, name + " was " + output.Reason));
        }
    }
}
