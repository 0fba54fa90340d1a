using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ScrapeDsl.Generators.Emit;
using ScrapeDsl.Generators.Model;
using ScrapeDsl.Language;

namespace ScrapeDsl.Generators;

/// <summary>The step functions of the pipeline wired in <see cref="Initialize"/>. Each turns an unexpected exception into SCR020.</summary>
public sealed partial class RuleGenerator
{
    private const string DefaultNamespace = "ScrapeDsl.Rules";

    /// <summary>Reads one rule file's text with the language library (shared with <see cref="RuleFileAnalyzer"/>).</summary>
    internal static RuleFile Read(AdditionalText file, CancellationToken token)
    {
        var text = file.GetText(token)?.ToString();
        if (text is null)
        {
            return new RuleFile(file.Path, null, new EquatableArray<RuleDiagnostic>(new[]
            {
                RuleDiagnostics.Create(RuleDiagnostics.YamlSyntax, file.Path, new SourceSpan(0, 0, 1, 1, 1, 1), "the file could not be read"),
            }));
        }

        return RuleReader.Read(file.Path, text);
    }

    private static ParsedRule Parse(AdditionalText file, CancellationToken token)
    {
        try
        {
            var ruleFile = Read(file, token);
            var placeholder = ruleFile.Rule is null ? RuleRecovery.Recover(file.Path, file.GetText(token)?.ToString() ?? string.Empty) : null;
            return new ParsedRule(file.Path, ruleFile.Rule, placeholder, ruleFile.Diagnostics);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new ParsedRule(file.Path, null, null, new EquatableArray<RuleDiagnostic>(new[]
            {
                RuleDiagnosticsReporter.InternalError(file.Path, "reading the rule file", exception),
            }));
        }
    }

    private static GeneratorOptions ReadOptions(AnalyzerConfigOptions options)
    {
        string? Get(string name) => options.TryGetValue("build_property." + name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        static bool IsFalse(string? value) => string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);

        var ns = Get("ScrapeDslNamespace") ?? Get("RootNamespace") ?? DefaultNamespace;
        var analyzersOff = IsFalse(Get("RunAnalyzers"))
            || (IsFalse(Get("RunAnalyzersDuringBuild")) && !string.Equals(Get("BuildingInsideVisualStudio"), "true", StringComparison.OrdinalIgnoreCase));
        return new GeneratorOptions(ns, CheckExamples: !IsFalse(Get("ScrapeDslCheckExamples")), ReportFileProblems: analyzersOff);
    }

    /// <summary>
    /// Resolves one file's <c>extends</c>. A valid rule gets its partials' <c>remove</c> and fields; a rule whose chain is
    /// broken (reported here, at its <c>extends</c> line) and a broken file get a placeholder resolved against the partials
    /// that can be read (a broken partial lends its placeholder), so code using inherited properties still binds.
    /// </summary>
    private static ResolvedFile ResolveFile(ParsedRule file, ExtendsTargets targets)
    {
        try
        {
            var diagnostics = new List<RuleDiagnostic>();
            var rule = file.Rule is { } own ? RuleResolver.ResolveChain(file.Path, own, targets.FindRule, diagnostics) : null;
            Rule? placeholder = null;
            if (rule is null && (file.Rule ?? file.Placeholder) is { } standIn)
            {
                // The chain (or the file) is broken: merge what can be merged, else keep the file's own fields.
                placeholder = RuleResolver.ResolveChain(file.Path, standIn, targets.FindStandIn, diagnostics: null) ?? standIn;
            }

            return new ResolvedFile(file with { Rule = rule, Placeholder = placeholder }, EquatableArray.From(diagnostics));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new ResolvedFile(file, new EquatableArray<RuleDiagnostic>(new[] { RuleDiagnosticsReporter.InternalError(file.Path, "resolving 'extends'", exception) }));
        }
    }

    private static EquatableArray<RuleToEmit> UniqueRules(ImmutableArray<RuleModelFile> files, ExtendsTargets targets, string ns)
    {
        // Dictionary work on model records, and resolving `extends` as ResolveFile does (on models without positions, which
        // gives the same rule without positions). The claims are the ones RuleSetChecks reports (same class, same path
        // order), so they agree on which rule of a clash is emitted: the first by path.
        var claims = new TypeNameClaims();
        var byName = new SortedDictionary<string, RuleToEmit>(StringComparer.Ordinal);
        var sorted = new List<RuleModelFile>(files);
        sorted.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        var rules = new Rule?[sorted.Count];

        // Valid rules first: a placeholder never displaces a real rule of the same name.
        for (var i = 0; i < sorted.Count; i++)
        {
            var file = sorted[i];
            rules[i] = file.Rule is { } own ? ResolveModel(file.Path, own, targets.FindRule) : null;
            if (rules[i] is { IsPartial: false } rule && claims.TryClaim(rule.Name, file.Path) is null)
            {
                byName.Add(rule.Name, new RuleToEmit(RuleModelFile.Finish(rule), ns));
            }
        }

        for (var i = 0; i < sorted.Count; i++)
        {
            var file = sorted[i];
            if (rules[i] is null && (file.Rule ?? file.Placeholder) is { } standIn)
            {
                var placeholder = ResolveModel(file.Path, standIn, targets.FindStandIn) ?? standIn;
                if (!placeholder.IsPartial && claims.TryClaim(placeholder.Name, file.Path) is null)
                {
                    byName.Add(placeholder.Name, new RuleToEmit(RuleModelFile.Finish(placeholder), ns, IsPlaceholder: true));
                }
            }
        }

        return EquatableArray.From(byName.Values);
    }

    // Resolving cannot fail on a rule's content; should it throw all the same, ResolveFile reports it and the rule is
    // emitted with its own fields only.
    private static Rule? ResolveModel(string path, Rule model, Func<string, RuleFile?> find)
    {
        try
        {
            return RuleResolver.ResolveChain(path, model, find, diagnostics: null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return model;
        }
    }

    private static EquatableArray<RuleDiagnostic> CheckCustomTransforms(EquatableArray<CustomTransformUse> uses, string ns, Compilation compilation)
    {
        try
        {
            return CustomTransformCheck.Check(uses, ns, compilation);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new EquatableArray<RuleDiagnostic>(new[] { RuleDiagnosticsReporter.InternalError(string.Empty, "checking the custom transform methods", exception) });
        }
    }

    private static void EmitRule(SourceProductionContext output, RuleToEmit rule)
    {
        string source;
        try
        {
            source = RuleEmitter.Emit(rule, s_version);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            output.ReportDiagnostic(RuleDiagnosticsReporter.ToDiagnostic(
                RuleDiagnosticsReporter.InternalError(string.Empty, "writing the C# code of rule '" + rule.Rule.Name + "'", exception)));
            return;
        }

        output.AddSource(rule.Rule.Name + ".g.cs", source);
    }

    private static EquatableArray<RuleDiagnostic> CheckAcrossFiles(ImmutableArray<RuleSummary?> summaries)
    {
        var rules = new List<RuleSummary>();
        foreach (var summary in summaries)
        {
            if (summary is not null)
            {
                rules.Add(summary);
            }
        }

        try
        {
            return RuleSetChecks.Check(rules);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new EquatableArray<RuleDiagnostic>(new[] { RuleDiagnosticsReporter.InternalError(string.Empty, "comparing the rules with each other", exception) });
        }
    }

    /// <summary>Pairs a valid rule with its example pages' text (null text for a page that is not an AdditionalFile).</summary>
    private static RuleExamples? WithPages(ParsedRule file, ExamplePageIndex pages, CancellationToken token)
    {
        if (file.Rule is not { IsPartial: false } rule || rule.Examples.Count == 0)
        {
            return null;
        }

        var found = new List<ExamplePage>();
        try
        {
            foreach (var example in rule.Examples)
            {
                var resolved = ExamplePaths.Resolve(file.Path, example.Page);
                var html = pages.Find(resolved)?.GetText(token)?.ToString();
                found.Add(new ExamplePage(example, resolved, html));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new RuleExamples(file.Path, rule, EquatableArray<ExamplePage>.Empty, RuleDiagnosticsReporter.InternalError(file.Path, "reading the example pages", exception));
        }

        return new RuleExamples(file.Path, rule, EquatableArray.From(found), Failure: null);
    }

    private static EquatableArray<RuleDiagnostic> CheckExamples(RuleExamples examples, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        if (examples.Failure is { } failure)
        {
            return new EquatableArray<RuleDiagnostic>(new[] { failure });
        }

        try
        {
            return ExampleChecker.Check(examples.Path, examples.Rule, examples.Pages);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new EquatableArray<RuleDiagnostic>(new[] { RuleDiagnosticsReporter.InternalError(examples.Path, "checking the rule on its example pages", exception) });
        }
    }

    private static RegistryModel Registry(EquatableArray<RuleToEmit> rules, string ns)
    {
        var names = new List<string>();
        foreach (var rule in rules)
        {
            names.Add(rule.Rule.Name);
        }

        names.Sort(StringComparer.Ordinal);
        return new RegistryModel(ns, EquatableArray.From(names));
    }

    private static void EmitRegistry(SourceProductionContext output, RegistryModel model)
    {
        try
        {
            output.AddSource("ScrapeRules.g.cs", RegistryEmitter.Emit(model, s_version));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            output.ReportDiagnostic(RuleDiagnosticsReporter.ToDiagnostic(
                RuleDiagnosticsReporter.InternalError(string.Empty, "writing the rule registry", exception)));
        }
    }

    private static void Report(SourceProductionContext output, EquatableArray<RuleDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.ReportDiagnostic(RuleDiagnosticsReporter.ToDiagnostic(diagnostic));
        }
    }
}
