using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ScrapeDsl.Language;

namespace ScrapeDsl.Generators;

/// <summary>
/// Reports each rule file's own problems (syntax, keys, kinds, names, selectors) from the language library's
/// <see cref="RuleReader"/>. An analyzer, not the generator, because editors run analyzers on AdditionalFiles as you
/// type, while some run generators only on save or build. The generator reports what needs more than one file
/// (name collisions, dispatch, example pages), so each problem is reported once.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RuleFileAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.All.ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterAdditionalFileAction(AnalyzeFile);
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context)
    {
        var path = context.AdditionalFile.Path;
        if (!RuleFileNames.IsRuleFile(path))
        {
            return;
        }

        EquatableArray<RuleDiagnostic> diagnostics;
        try
        {
            diagnostics = RuleGenerator.Read(context.AdditionalFile, context.CancellationToken).Diagnostics;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // An exception here would be AD0001 and hide every problem of the file: report it as a diagnostic instead.
            diagnostics = new EquatableArray<RuleDiagnostic>(new[] { RuleDiagnosticsReporter.InternalError(path, "reading the rule file", exception) });
        }

        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(RuleDiagnosticsReporter.ToDiagnostic(diagnostic));
        }
    }
}
