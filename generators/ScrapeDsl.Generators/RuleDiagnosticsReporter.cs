using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ScrapeDsl.Language;

namespace ScrapeDsl.Generators;

/// <summary>Turns the language library's diagnostics (plain records) into Roslyn diagnostics located in the YAML file.</summary>
public static class RuleDiagnosticsReporter
{
    private static readonly Dictionary<string, DiagnosticDescriptor> s_descriptors = Create();

    /// <summary>The Roslyn descriptor of every rule diagnostic id.</summary>
    public static IEnumerable<DiagnosticDescriptor> Descriptors => s_descriptors.Values;

    /// <summary>Converts one diagnostic.</summary>
    public static Diagnostic ToDiagnostic(RuleDiagnostic diagnostic)
    {
        var span = diagnostic.Span;
        var location = Location.Create(
            diagnostic.Path,
            new TextSpan(span.Start, span.Length),
            new LinePositionSpan(
                new LinePosition(span.StartLine - 1, span.StartColumn - 1),
                new LinePosition(span.EndLine - 1, span.EndColumn - 1)));
        return Diagnostic.Create(s_descriptors[diagnostic.Id], location, diagnostic.Message);
    }

    private static Dictionary<string, DiagnosticDescriptor> Create()
    {
        var descriptors = new Dictionary<string, DiagnosticDescriptor>();
        var all = new List<RuleDiagnosticDescriptor>(RuleDiagnostics.All);
        all.AddRange(LanguageDiagnostics.All); // SCR040-SCR069: sources, transforms, reuse
        foreach (var rule in all)
        {
            // The message is formatted by the language library; Roslyn only prints it.
            descriptors.Add(rule.Id, new DiagnosticDescriptor(
                rule.Id,
                rule.Title,
                "{0}",
                "ScrapeDsl",
                rule.Severity switch
                {
                    RuleSeverity.Error => DiagnosticSeverity.Error,
                    RuleSeverity.Warning => DiagnosticSeverity.Warning,
                    _ => DiagnosticSeverity.Info,
                },
                isEnabledByDefault: true,
                helpLinkUri: rule.HelpLink));
        }

        return descriptors;
    }
}
