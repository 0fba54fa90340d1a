using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ScrapeDsl.Language;

namespace ScrapeDsl.Generators.Model;

/// <summary>The build settings the generator reads (MSBuild properties made compiler-visible by build/ScrapeDsl.Generators.props).</summary>
/// <param name="Namespace">Where generated code goes: <c>ScrapeDslNamespace</c>, else <c>RootNamespace</c>.</param>
/// <param name="CheckExamples">False when <c>ScrapeDslCheckExamples</c> is <c>false</c>: no example pages are read.</param>
/// <param name="ReportFileProblems">
/// True when analyzers do not run in this build (<c>RunAnalyzers=false</c>, or <c>RunAnalyzersDuringBuild=false</c>
/// outside Visual Studio): the generator then reports each file's own problems itself, so a broken rule still fails the build.
/// </param>
internal sealed record GeneratorOptions(string Namespace, bool CheckExamples, bool ReportFileProblems);

/// <summary>One rule file after reading: the valid rule, or the placeholder emitted for a broken one, and the file's own problems.</summary>
/// <param name="Path">The rule file.</param>
/// <param name="Rule">The rule when the file has no errors; checked and emitted.</param>
/// <param name="Placeholder">For a file with errors: the name and the fields valid on their own (see <see cref="RuleRecovery"/>); emitted only.</param>
/// <param name="Diagnostics">The file's own problems (reported by <see cref="RuleFileAnalyzer"/>, or here when analyzers are off).</param>
internal sealed record ParsedRule(string Path, Rule? Rule, Rule? Placeholder, EquatableArray<RuleDiagnostic> Diagnostics);

/// <summary>What one rule file offers to the <c>extends</c> of the others (see <see cref="RuleResolver.AsTarget"/>).</summary>
/// <param name="Path">The rule file.</param>
/// <param name="Rule">Its rule as a target (all of a partial; any other rule only as "not a partial"); null for a broken file.</param>
/// <param name="StandIn">The same for its rule or, in a broken file, its placeholder: what placeholders are resolved against.</param>
internal sealed record ExtendsTarget(string Path, Rule? Rule, Rule? StandIn)
{
    public static ExtendsTarget Of(ParsedRule file) =>
        new(file.Path, RuleResolver.AsTarget(file.Rule), RuleResolver.AsTarget(file.Rule ?? file.Placeholder));
}

/// <summary>
/// Every rule file as a target of <c>extends</c>, by normalised path: what each file's chain is resolved against, one file
/// at a time. Compared by its targets, which change only when a partial or a broken file changes (or a file comes or
/// goes), so editing an ordinary rule resolves no other rule again.
/// </summary>
internal sealed class ExtendsTargets : IEquatable<ExtendsTargets>
{
    private readonly EquatableArray<ExtendsTarget> _targets;
    private readonly Dictionary<string, RuleFile> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RuleFile> _standIns = new(StringComparer.Ordinal);

    public ExtendsTargets(ImmutableArray<ExtendsTarget> targets)
    {
        var sorted = new List<ExtendsTarget>(targets);
        sorted.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        _targets = EquatableArray.From(sorted);
        foreach (var target in sorted)
        {
            // As RuleResolver.Resolve over the files sorted by path: of two paths that normalise alike, the later one wins.
            var key = RuleResolver.Normalize(target.Path);
            _rules[key] = new RuleFile(target.Path, target.Rule, EquatableArray<RuleDiagnostic>.Empty);
            _standIns[key] = new RuleFile(target.Path, target.StandIn, EquatableArray<RuleDiagnostic>.Empty);
        }
    }

    /// <summary>The file at a normalised path with its rule as read (null rule: a broken file), or null when there is none.</summary>
    public RuleFile? FindRule(string normalizedPath) => _rules.TryGetValue(normalizedPath, out var file) ? file : null;

    /// <summary>The same with a broken file's placeholder in place of its missing rule.</summary>
    public RuleFile? FindStandIn(string normalizedPath) => _standIns.TryGetValue(normalizedPath, out var file) ? file : null;

    public bool Equals(ExtendsTargets? other) => other is not null && _targets.Equals(other._targets);

    public override bool Equals(object? obj) => Equals(obj as ExtendsTargets);

    public override int GetHashCode() => _targets.GetHashCode();
}

/// <summary>One rule file with its <c>extends</c> chain resolved, and the problems of a broken chain.</summary>
/// <param name="File"><see cref="ParsedRule.Rule"/> is the merged rule (null when the file or its chain is broken),
/// <see cref="ParsedRule.Placeholder"/> the stand-in emitted instead (merged with the partials that can be read).</param>
/// <param name="Diagnostics">SCR047-SCR049 at the file's <c>extends</c> line, or an internal error.</param>
internal sealed record ResolvedFile(ParsedRule File, EquatableArray<RuleDiagnostic> Diagnostics);

/// <summary>A valid rule with the text of its example pages: the input of its example checks.</summary>
/// <param name="Path">The rule file.</param>
/// <param name="Rule">The rule.</param>
/// <param name="Pages">Its examples, each with the page text or null when the page is not an AdditionalFile.</param>
/// <param name="Failure">An internal error met while reading the pages, reported by the check step.</param>
internal sealed record RuleExamples(string Path, Rule Rule, EquatableArray<ExamplePage> Pages, RuleDiagnostic? Failure);

/// <summary>
/// The HTML AdditionalFiles by normalised path, built once per change of the page set (not once per rule and example).
/// Compared by reference, as the AdditionalTexts it holds are: a new page set is a new index.
/// </summary>
internal sealed class ExamplePageIndex
{
    private readonly Dictionary<string, AdditionalText> _byPath = new(StringComparer.Ordinal);

    public ExamplePageIndex(ImmutableArray<AdditionalText> pages)
    {
        foreach (var page in pages)
        {
            _byPath[ExamplePaths.Normalize(page.Path)] = page;
        }
    }

    /// <summary>The page at a path normalised by <see cref="ExamplePaths"/>, or null.</summary>
    public AdditionalText? Find(string normalizedPath) => _byPath.TryGetValue(normalizedPath, out var page) ? page : null;
}
