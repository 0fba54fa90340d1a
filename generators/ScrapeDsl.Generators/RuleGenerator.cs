using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ScrapeDsl.Generators.Emit;
using ScrapeDsl.Generators.Model;
using ScrapeDsl.Language;

namespace ScrapeDsl.Generators;

/// <summary>
/// Compiles every <c>*.scrape.yaml</c> AdditionalFile into a record and an extractor, plus one registry of all rules.
/// Parsing needs no Compilation, so editing C# never re-runs it; expected failures are diagnostics, never exceptions.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RuleGenerator : IIncrementalGenerator
{
    private const string DefaultNamespace = "ScrapeDsl.Rules";
    private static readonly string s_version = typeof(RuleGenerator).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // 1. The rule files among the additional files.
        var ruleFiles = context.AdditionalTextsProvider
            .Where(static file => IsRuleFile(file.Path))
            .WithTrackingName(RuleGeneratorSteps.RuleFiles);

        // 2. Each file read and validated by the language library: a rule (or null) plus its diagnostics.
        var parsed = ruleFiles
            .Select(static (file, token) => Parse(file, token))
            .WithTrackingName(RuleGeneratorSteps.ParsedRules);

        // 3. Each file's problems, reported at their YAML line and column.
        context.RegisterSourceOutput(
            parsed.Select(static (file, _) => file.Diagnostics).WithTrackingName(RuleGeneratorSteps.Diagnostics),
            static (output, diagnostics) => Report(output, diagnostics));

        // 4. The namespace of the consuming project.
        var ns = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => GetNamespace(options.GlobalOptions))
            .WithTrackingName(RuleGeneratorSteps.Namespace);

        // 5. All files together, `extends` resolved (a rule's record includes its partials' fields); broken chains reported.
        var resolved = parsed.Collect()
            .Select(static (files, _) => RuleResolver.Resolve(files))
            .WithTrackingName(RuleGeneratorSteps.ResolvedRules);
        context.RegisterSourceOutput(
            resolved.Select(static (result, _) => result.Diagnostics),
            static (output, diagnostics) => Report(output, diagnostics));
        var rules = resolved.Select(static (result, _) => result.Files);

        // 6. Valid rules without positions whose type names are free (the first file by path wins), with the namespace.
        var toEmit = rules
            .Combine(ns)
            .SelectMany(static (input, _) => UniqueRules(input.Left, input.Right))
            .WithTrackingName(RuleGeneratorSteps.RulesToEmit);

        // 7. A record and an extractor per rule.
        context.RegisterSourceOutput(toEmit, static (output, rule) =>
            output.AddSource(rule.Rule.Name + ".g.cs", RuleEmitter.Emit(rule, s_version)));

        // 8. Two files claiming the same type name: reported on the later one.
        context.RegisterSourceOutput(
            rules.Select(static (files, _) => NameCollisions(files)).WithTrackingName(RuleGeneratorSteps.NameCollisions),
            static (output, diagnostics) => Report(output, diagnostics));

        // 9. Custom transforms: the methods must exist on the partial extractor classes (the only step that needs the Compilation).
        var customUses = rules
            .Select(static (files, _) => CustomTransformCheck.Uses(files))
            .WithTrackingName(RuleGeneratorSteps.CustomTransforms);
        context.RegisterSourceOutput(
            customUses.Combine(ns).Combine(context.CompilationProvider),
            static (output, input) => Report(output, CustomTransformCheck.Check(input.Left.Left, input.Left.Right, input.Right)));

        // 10. One registry of every rule, for dispatch by URL.
        var registry = toEmit.Collect()
            .Combine(ns)
            .Select(static (input, _) => Registry(input.Left, input.Right))
            .WithTrackingName(RuleGeneratorSteps.Registry);
        context.RegisterSourceOutput(registry, static (output, model) =>
            output.AddSource(Names.RegistryTypeName + ".g.cs", RegistryEmitter.Emit(model, s_version)));
    }

    /// <summary>True for <c>*.scrape.yaml</c> (and <c>*.scrape.yml</c>).</summary>
    public static bool IsRuleFile(string path) =>
        path.EndsWith(".scrape.yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".scrape.yml", StringComparison.OrdinalIgnoreCase);

    private static RuleFile Parse(AdditionalText file, CancellationToken token)
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

    private static string GetNamespace(AnalyzerConfigOptions options)
    {
        if (options.TryGetValue("build_property.ScrapeDslNamespace", out var configured) && !string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim();
        }

        return options.TryGetValue("build_property.RootNamespace", out var root) && !string.IsNullOrWhiteSpace(root)
            ? root.Trim()
            : DefaultNamespace;
    }

    private static ImmutableArray<RuleToEmit> UniqueRules(EquatableArray<RuleFile> files, string ns)
    {
        var byName = new SortedDictionary<string, RuleToEmit>(StringComparer.Ordinal);
        foreach (var rule in ClaimTypeNames(files, collisions: null))
        {
            byName.Add(rule.Name, new RuleToEmit(RuleModel.WithoutPositions(rule), ns));
        }

        return byName.Values.ToImmutableArray();
    }

    private static EquatableArray<RuleDiagnostic> NameCollisions(EquatableArray<RuleFile> files)
    {
        var collisions = new List<RuleDiagnostic>();
        ClaimTypeNames(files, collisions);
        return EquatableArray.From(collisions);
    }

    /// <summary>
    /// The valid rules that may be emitted: each rule's record <c>{Name}</c> and extractor <c>{Name}Extractor</c>
    /// must not be a type name (or, ignoring case, a generated file name) of a rule earlier by path.
    /// </summary>
    private static List<Rule> ClaimTypeNames(EquatableArray<RuleFile> files, List<RuleDiagnostic>? collisions)
    {
        // Hint names are compared ignoring case by Roslyn (and by some file systems), so claims are too.
        var claimed = new Dictionary<string, (string TypeName, string Role, string Path)>(StringComparer.OrdinalIgnoreCase);
        var accepted = new List<Rule>();
        foreach (var file in SortedByPath(files))
        {
            if (file.Rule is not { IsPartial: false } rule)
            {
                continue;
            }

            var record = rule.Name;
            var extractor = rule.Name + "Extractor";
            var clash = claimed.ContainsKey(record) ? record : claimed.ContainsKey(extractor) ? extractor : null;
            if (clash is not null)
            {
                var earlier = claimed[clash];
                var caseNote = string.Equals(earlier.TypeName, clash, StringComparison.Ordinal)
                    ? string.Empty
                    : " (generated names must differ in more than letter case)";
                collisions?.Add(RuleDiagnostics.Create(
                    RuleDiagnostics.IdentifierCollision, file.Path, rule.NameSpan, "Rule name", rule.Name, clash,
                    "the " + earlier.Role + " '" + earlier.TypeName + "' of the rule in " + Path.GetFileName(earlier.Path) + caseNote));
                continue;
            }

            claimed.Add(record, (record, "record", file.Path));
            claimed.Add(extractor, (extractor, "extractor", file.Path));
            accepted.Add(rule);
        }

        return accepted;
    }

    private static RegistryModel Registry(ImmutableArray<RuleToEmit> rules, string ns)
    {
        var names = new List<string>();
        foreach (var rule in rules)
        {
            names.Add(rule.Rule.Name);
        }

        names.Sort(StringComparer.Ordinal);
        return new RegistryModel(ns, EquatableArray.From(names));
    }

    private static List<RuleFile> SortedByPath(EquatableArray<RuleFile> files)
    {
        var sorted = new List<RuleFile>(files);
        sorted.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        return sorted;
    }

    private static void Report(SourceProductionContext output, EquatableArray<RuleDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.ReportDiagnostic(RuleDiagnosticsReporter.ToDiagnostic(diagnostic));
        }
    }
}
