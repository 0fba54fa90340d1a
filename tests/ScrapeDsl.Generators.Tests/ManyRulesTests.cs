using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using ScrapeDsl.Generators.Model;
using ScrapeDsl.Generators.Tests.Driver;
using Xunit;

namespace ScrapeDsl.Generators.Tests;

/// <summary>
/// A project with many sites: editing one rule costs that rule's steps, not the project's. These tests would fail if
/// a step over all files came back between reading a file and emitting it (docs/performance.md, "Generator").
/// </summary>
public sealed class ManyRulesTests
{
    private const int RuleCount = 120;
    private const int Edited = 60;

    [Fact]
    public void Editing_one_of_many_rules_reads_resolves_and_emits_that_rule_alone()
    {
        var files = Rules(RuleCount);
        var driver = GeneratorHarness.CreateDriver(files).RunGenerators(GeneratorHarness.CreateCompilation(GeneratorHarness.ConsumerSource));
        Assert.Empty(driver.GetRunResult().Diagnostics);

        var edited = RuleTexts.Inline(PathOf(Edited), Rule(Edited).Replace("h1.title", "h1.headline"));
        driver = driver.ReplaceAdditionalText(files[Edited], edited);
        var result = GeneratorHarness.RunAgain(ref driver, GeneratorHarness.CreateCompilation(GeneratorHarness.ConsumerSource));

        // Each file's own steps ran for the edited file only; the other files' were not even looked at (Cached, not
        // recomputed to an equal value), including the rules that extend a partial.
        foreach (var step in new[] { RuleGeneratorSteps.ParsedRules, RuleGeneratorSteps.ResolvedFiles, RuleGeneratorSteps.RuleModels })
        {
            var outputs = PipelineSteps.Outputs(result, step);
            Assert.Equal(RuleCount + 1, outputs.Count);
            var rerun = Assert.Single(outputs, static o => o.Reason != IncrementalStepRunReason.Cached);
            Assert.Equal(PathOf(Edited), PathIn(rerun.Value));
        }

        // What `extends` is resolved against did not change, so no rule was resolved again.
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, PipelineSteps.Outputs(result, RuleGeneratorSteps.ExtendsTargets).Select(static o => o.Reason));

        // One rule's model changed; the others are handed on unchanged, so one record and extractor are written again.
        var toEmit = PipelineSteps.Outputs(result, RuleGeneratorSteps.RulesToEmit);
        Assert.Equal(RuleCount, toEmit.Count);
        Assert.All(toEmit, static o => Assert.False(((RuleToEmit)o.Value).IsPlaceholder));
        Assert.Contains(toEmit, static o => ((RuleToEmit)o.Value).Rule is { Name: "Site000Article" } rule && rule.Fields.Any(static f => f.Name == "footer"));
        var changed = Assert.Single(toEmit, static o => !PipelineSteps.IsReused(o.Reason));
        Assert.Equal(NameOf(Edited), ((RuleToEmit)changed.Value).Rule.Name);
        var written = result.Results.Single().TrackedOutputSteps.SelectMany(static s => s.Value)
            .SelectMany(static step => step.Inputs)
            .Where(static input => input.Source.Outputs[input.OutputIndex].Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)
            .Select(static input => input.Source.Outputs[input.OutputIndex].Value)
            .OfType<RuleToEmit>()
            .ToList();
        Assert.Equal(NameOf(Edited), Assert.Single(written).Rule.Name);
    }

    [Fact]
    public void Recording_a_runs_steps_grows_with_the_square_of_the_rule_count_not_its_cube()
    {
        // Roslyn records a run's steps (as these tests and the benchmark's caching check ask it to) by walking the inputs
        // of every output without remembering what it has walked. Each emitted rule depends on a few steps over all files,
        // so the walk is rules x rules; when a step over all files fed another one per file, it became rules x rules x
        // rules (14 s for 500 rules). Doubling the rules must multiply the walk by about 4, not 8.
        var small = StepsWalked(30);
        var large = StepsWalked(60);

        Assert.True(large < 5 * small, $"30 rules: {small} steps walked; 60 rules: {large} ({(double)large / small:0.0} x)");
    }

    private static long StepsWalked(int count)
    {
        var driver = GeneratorHarness.CreateDriver(Rules(count)).RunGenerators(GeneratorHarness.CreateCompilation(GeneratorHarness.ConsumerSource));
        var walked = 0L;
        foreach (var step in driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(static s => s.Value))
        {
            walked += Walk(step);
        }

        return walked;
    }

    private static long Walk(IncrementalGeneratorRunStep step)
    {
        var walked = 1L;
        foreach (var (input, _) in step.Inputs)
        {
            walked += Walk(input);
        }

        return walked;
    }

    private static string? PathIn(object value) => value switch
    {
        ParsedRule file => file.Path,
        RuleModelFile model => model.Path,
        _ => null,
    };

    /// <summary><paramref name="count"/> rules, each on its own site; every tenth extends one shared partial.</summary>
    private static List<AdditionalText> Rules(int count)
    {
        var files = new List<AdditionalText>();
        for (var i = 0; i < count; i++)
        {
            files.Add(RuleTexts.Inline(PathOf(i), Rule(i)));
        }

        files.Add(RuleTexts.Inline("rules/_common.scrape.yaml", "remove: [.ads]\nfields:\n  footer: .footer\n"));
        return files;
    }

    private static string Number(int i) => i.ToString("D3", CultureInfo.InvariantCulture);

    private static string PathOf(int i) => "rules/site" + Number(i) + ".example/article.scrape.yaml";

    private static string NameOf(int i) => "Site" + Number(i) + "Article";

    private static string Rule(int i) => $$"""
        name: {{NameOf(i)}}
        match:
          hosts: [site{{Number(i)}}.example, "*.site{{Number(i)}}.example"]
          paths: ["/news/*"]
        {{(i % 10 == 0 ? "extends: ../_common.scrape.yaml" : string.Empty)}}
        fields:
          title: { css: h1.title, required: true }
          tags: { css: a.tag, many: true }

        """;
}
