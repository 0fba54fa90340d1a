using System.Collections.Generic;
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

    private const string PartialPath = "rules/shop.example/_common.scrape.yaml";
    private const string ProductPath = "rules/shop.example/product.scrape.yaml";
    private const string CategoryPath = "rules/shop.example/category.scrape.yaml";
    private const string NewsPath = "rules/news.example/news.scrape.yaml";
    private const string Page = "<html><head><title>t</title></head><body><h1>Title</h1><h2>Heading</h2><div class=ads>ad</div><footer class=footer>Footer</footer><footer class=site-footer>Site</footer></body></html>";

    private const string PartialYaml = """
        remove: [.ads]
        fields:
          footer: .footer

        """;

    private const string ProductYaml = """
        name: Product
        match: { hosts: [shop.example], paths: ["/p/*"] }
        extends: ./_common.scrape.yaml
        fields:
          title: h1
        examples:
          - { page: fixtures/page.html, url: "https://shop.example/p/1" }

        """;

    private const string CategoryYaml = """
        name: Category
        match: { hosts: [shop.example], paths: ["/c/*"] }
        extends: ./_common.scrape.yaml
        fields:
          heading: h2

        """;

    private const string NewsYaml = """
        name: News
        match: { hosts: [news.example] }
        fields:
          headline: h1
        examples:
          - { page: fixtures/page.html, url: "https://news.example/a" }

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

        // ... but the position-free model compares equal (made per file), so the rules to emit are not even recomputed
        // and no code is written again.
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, PipelineSteps.ReasonsOf<RuleModelFile>(result, RuleGeneratorSteps.RuleModels, f => f.Path == FirstPath));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, PipelineSteps.ReasonsOf<RuleToEmit>(result, RuleGeneratorSteps.RulesToEmit, r => r.Rule.Name == "First"));
        Assert.All(PipelineSteps.Outputs(result, RuleGeneratorSteps.RulesToEmit), o => Assert.True(PipelineSteps.IsReused(o.Reason), o.Reason.ToString()));
    }

    [Fact]
    public void Editing_a_partial_reruns_the_rules_that_extend_it_and_not_an_unrelated_rule()
    {
        var (run, files) = RunRulesWithAPartial();
        var driver = run.Driver.ReplaceAdditionalText(files.Partial, RuleTexts.Inline(PartialPath, PartialYaml.Replace("footer: .footer", "footer: .site-footer")));

        var result = GeneratorHarness.RunAgain(ref driver, run.Input);

        // What the files offer to `extends` is indexed over all files (one Collect), and the partial's edit changes it ...
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, PipelineSteps.Outputs(result, RuleGeneratorSteps.ExtendsTargets).Select(static o => o.Reason));

        // ... then each file is resolved against it on its own, so only the files whose merged rule changed are new items:
        // the partial and the two rules that extend it.
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, ResolvedReasons(result, PartialPath));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, ResolvedReasons(result, ProductPath));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, ResolvedReasons(result, CategoryPath));
        Assert.True(PipelineSteps.IsReused(Assert.Single(ResolvedReasons(result, NewsPath))));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, EmitReasons(result, "Product"));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, EmitReasons(result, "Category"));
        Assert.True(PipelineSteps.IsReused(Assert.Single(EmitReasons(result, "News"))));

        // The expensive step: the extending rule's example checks run again; the unrelated rule's do not run at all.
        var checks = ExampleCheckReasons(result);
        Assert.Contains(checks, static c => c.Rule == "Product" && c.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.Unchanged);
        Assert.Contains(("News", IncrementalStepRunReason.Cached), checks);
    }

    [Fact]
    public void Editing_a_rule_leaves_the_partial_and_the_rules_extending_it_cached()
    {
        var (run, files) = RunRulesWithAPartial();
        var driver = run.Driver.ReplaceAdditionalText(files.News, RuleTexts.Inline(NewsPath, NewsYaml.Replace("headline: h1", "headline: h1.headline")));

        var result = GeneratorHarness.RunAgain(ref driver, run.Input);

        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, ResolvedReasons(result, NewsPath));
        foreach (var path in new[] { PartialPath, ProductPath, CategoryPath })
        {
            var reason = Assert.Single(ResolvedReasons(result, path));
            Assert.True(PipelineSteps.IsReused(reason), path + " was " + reason);
        }

        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, EmitReasons(result, "News"));
        Assert.True(PipelineSteps.IsReused(Assert.Single(EmitReasons(result, "Product"))));
        Assert.True(PipelineSteps.IsReused(Assert.Single(EmitReasons(result, "Category"))));
        var checks = ExampleCheckReasons(result);
        Assert.Contains(("Product", IncrementalStepRunReason.Cached), checks);
        Assert.Contains(checks, static c => c.Rule == "News" && c.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.Unchanged);
    }

    private static (GeneratorRun Run, (AdditionalText Partial, AdditionalText News) Files) RunRulesWithAPartial()
    {
        var partial = RuleTexts.Inline(PartialPath, PartialYaml);
        var news = RuleTexts.Inline(NewsPath, NewsYaml);
        var run = GeneratorHarness.Run(new[]
        {
            partial,
            RuleTexts.Inline(ProductPath, ProductYaml),
            RuleTexts.Inline(CategoryPath, CategoryYaml),
            news,
            RuleTexts.Inline("rules/shop.example/fixtures/page.html", Page),
            RuleTexts.Inline("rules/news.example/fixtures/page.html", Page),
        });
        Assert.Empty(run.Diagnostics);
        return (run, (partial, news));
    }

    private static IReadOnlyList<IncrementalStepRunReason> ResolvedReasons(GeneratorDriverRunResult result, string path) =>
        PipelineSteps.ReasonsOf<ParsedRule>(result, RuleGeneratorSteps.ResolvedFiles, f => f.Path == path);

    private static IReadOnlyList<IncrementalStepRunReason> EmitReasons(GeneratorDriverRunResult result, string name) =>
        PipelineSteps.ReasonsOf<RuleToEmit>(result, RuleGeneratorSteps.RulesToEmit, r => r.Rule.Name == name);

    // ExampleChecks outputs diagnostics only; its input (RuleExamples) says which rule each run was for.
    private static List<(string Rule, IncrementalStepRunReason Reason)> ExampleCheckReasons(GeneratorDriverRunResult result) =>
        result.Results.Single().TrackedSteps[RuleGeneratorSteps.ExampleChecks]
            .Select(static step => (((RuleExamples)step.Inputs[0].Source.Outputs[step.Inputs[0].OutputIndex].Value).Rule.Name, step.Outputs.Single().Reason))
            .ToList();

    private static (GeneratorRun Run, AdditionalText First, AdditionalText Second) RunTwoRules()
    {
        var first = RuleTexts.Inline(FirstPath, FirstYaml);
        var second = RuleTexts.Inline(SecondPath, SecondYaml);
        return (GeneratorHarness.Run(new[] { first, second }), first, second);
    }
}
