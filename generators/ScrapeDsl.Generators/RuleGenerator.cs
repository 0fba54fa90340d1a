using System;
using Microsoft.CodeAnalysis;
using ScrapeDsl.Generators.Model;
using ScrapeDsl.Language;

namespace ScrapeDsl.Generators;

/// <summary>
/// Compiles every <c>*.scrape.yaml</c> AdditionalFile into a record and an extractor, plus one registry of all rules,
/// and reports the problems that need more than one file or the Compilation: <c>extends</c> chains, type names and
/// dispatch across rules, custom transform methods, and each rule run on its example pages. A file's own problems are
/// <see cref="RuleFileAnalyzer"/>'s (docs/checks.md says who reports which id). Parsing needs no Compilation, so
/// editing C# never re-runs it; expected failures are diagnostics, and every step turns an unexpected exception into
/// one too (an exception would be CS8785 and drop all output). The step functions are in RuleGenerator.Steps.cs.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class RuleGenerator : IIncrementalGenerator
{
    private static readonly string s_version = typeof(RuleGenerator).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. The rule files among the additional files.
        var ruleFiles = context.AdditionalTextsProvider
            .Where(static file => RuleFileNames.IsRuleFile(file.Path))
            .WithTrackingName(RuleGeneratorSteps.RuleFiles);

        // 2. Each file read and validated by the language library: a rule, or a placeholder for a broken file, plus its problems.
        var parsed = ruleFiles
            .Select(static (file, token) => Parse(file, token))
            .WithTrackingName(RuleGeneratorSteps.ParsedRules);

        // 3. The build's settings: namespace, example checks on or off, whether analyzers run in this build.
        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadOptions(provider.GlobalOptions))
            .WithTrackingName(RuleGeneratorSteps.Options);
        var ns = options
            .Select(static (settings, _) => settings.Namespace)
            .WithTrackingName(RuleGeneratorSteps.Namespace);

        // 4. Each file's own problems: the analyzer's job; reported here only when analyzers are off in this build.
        context.RegisterSourceOutput(
            parsed.Combine(options)
                .Select(static (input, _) => input.Right.ReportFileProblems ? input.Left.Diagnostics : EquatableArray<RuleDiagnostic>.Empty)
                .WithTrackingName(RuleGeneratorSteps.Diagnostics),
            static (output, diagnostics) => Report(output, diagnostics));

        // 5. Each file's `extends` resolved on its own, against what every file offers as a target (all of a partial, any
        //    other rule only as "not a partial"), so editing an ordinary rule resolves no other one again. A rule holds its
        //    partials' remove lists and fields (a placeholder too); a broken chain is reported at the `extends` line.
        var targets = parsed
            .Select(static (file, _) => ExtendsTarget.Of(file))
            .Collect()
            .Select(static (all, _) => new ExtendsTargets(all))
            .WithTrackingName(RuleGeneratorSteps.ExtendsTargets);
        var resolution = parsed
            .Combine(targets)
            .Select(static (input, _) => ResolveFile(input.Left, input.Right));
        context.RegisterSourceOutput(
            resolution.Select(static (result, _) => result.Diagnostics),
            static (output, diagnostics) => Report(output, diagnostics));
        var resolved = resolution
            .Select(static (result, _) => result.File)
            .WithTrackingName(RuleGeneratorSteps.ResolvedFiles);

        // 6. Rules to emit, one per type name (valid rules first, then placeholders; then the first file by path). Each
        //    file's positions are stripped on its own; over all files there is only the name claims and the merging of
        //    inherited fields, so the output is in name order whatever the file order.
        var models = parsed
            .Select(static (file, _) => RuleModelFile.Of(file))
            .WithTrackingName(RuleGeneratorSteps.RuleModels);
        var emitted = models.Collect()
            .Combine(targets)
            .Combine(ns)
            .Select(static (input, _) => UniqueRules(input.Left.Left, input.Left.Right, input.Right));
        var toEmit = emitted
            .SelectMany(static (rules, _) => rules)
            .WithTrackingName(RuleGeneratorSteps.RulesToEmit);

        // 7. A record and an extractor per rule.
        context.RegisterSourceOutput(toEmit, static (output, rule) => EmitRule(output, rule));

        // 8. Checks across files (type names, ambiguous dispatch), re-run only when a rule's name or match changes.
        var crossFile = parsed
            .Select(static (file, _) => file.Rule is { IsPartial: false } rule ? RuleSummary.Of(file.Path, rule) : null)
            .WithTrackingName(RuleGeneratorSteps.Summaries)
            .Collect()
            .Select(static (summaries, _) => CheckAcrossFiles(summaries))
            .WithTrackingName(RuleGeneratorSteps.NameCollisions);
        context.RegisterSourceOutput(crossFile, static (output, diagnostics) => Report(output, diagnostics));

        // 9. Custom transforms: the methods must exist on the partial extractor classes (the only step that needs the Compilation).
        //    Each file's uses are found on their own; only the list of all uses is compared with the Compilation.
        var customUses = resolved
            .Select(static (file, _) => CustomTransformCheck.Uses(file))
            .Collect()
            .Select(static (uses, _) => CustomTransformCheck.All(uses))
            .WithTrackingName(RuleGeneratorSteps.CustomTransforms);
        context.RegisterSourceOutput(
            customUses.Combine(ns).Combine(context.CompilationProvider),
            static (output, input) => Report(output, CheckCustomTransforms(input.Left.Left, input.Left.Right, input.Right)));

        // 10. The example pages by normalised path (HTML AdditionalFiles; their text is read only for the rules that name them).
        var pages = context.AdditionalTextsProvider
            .Where(static file => IsExamplePage(file.Path))
            .Collect()
            .Select(static (files, _) => new ExamplePageIndex(files))
            .WithTrackingName(RuleGeneratorSteps.ExamplePages);

        // 11. Each valid rule (resolved) with its pages' text, when example checks are on. Re-runs for every rule when a
        //     page changes, but cheaply, and its output changes only for the rules whose pages changed.
        var ruleExamples = resolved
            .Combine(pages.Combine(options))
            .Select(static (input, token) => input.Right.Right.CheckExamples ? WithPages(input.Left, input.Right.Left, token) : null)
            .WithTrackingName(RuleGeneratorSteps.RuleExamples)
            .Where(static examples => examples is not null);

        // 12. Each rule run on its example pages: the expensive step, cached unless this rule or its pages changed.
        var exampleChecks = ruleExamples
            .Select(static (examples, token) => CheckExamples(examples!, token))
            .WithTrackingName(RuleGeneratorSteps.ExampleChecks);
        context.RegisterSourceOutput(exampleChecks, static (output, diagnostics) => Report(output, diagnostics));

        // 13. One registry of every rule, for dispatch by URL.
        var registry = emitted
            .Combine(ns)
            .Select(static (input, _) => Registry(input.Left, input.Right))
            .WithTrackingName(RuleGeneratorSteps.Registry);
        context.RegisterSourceOutput(registry, static (output, model) => EmitRegistry(output, model));
    }

    /// <summary>True for a saved page that can be a rule's example (<c>*.html</c>, <c>*.htm</c>).</summary>
    public static bool IsExamplePage(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
}
