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

/// <summary>Every rule file after <c>extends</c> is resolved, and the problems of broken chains.</summary>
/// <param name="Files">Each file: <see cref="ParsedRule.Rule"/> is the merged rule (null when the file or its chain is broken),
/// <see cref="ParsedRule.Placeholder"/> the stand-in emitted instead (merged with the partials that can be read).</param>
/// <param name="Diagnostics">SCR047-SCR049, at the <c>extends</c> line of the rule whose chain is broken.</param>
internal sealed record ResolvedRuleSet(EquatableArray<ParsedRule> Files, EquatableArray<RuleDiagnostic> Diagnostics);

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
