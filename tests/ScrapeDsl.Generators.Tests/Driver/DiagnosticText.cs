using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ScrapeDsl.Generators.Tests.Driver;

/// <summary>Diagnostics as the compiler prints them, with the end of the span too, one per line, for a snapshot.</summary>
internal static class DiagnosticText
{
    /// <summary>
    /// <c>path(line,col)-(line,col): error SCR008: message</c> with 1-based lines and columns as editors and
    /// <c>dotnet build</c> show them (the end is exclusive); ordered by path, position and id.
    /// </summary>
    public static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        var builder = new StringBuilder();
        var ordered = diagnostics
            .Select(static d => (Diagnostic: d, Span: d.Location.GetLineSpan()))
            .OrderBy(static d => d.Span.Path, StringComparer.Ordinal)
            .ThenBy(static d => d.Span.StartLinePosition)
            .ThenBy(static d => d.Diagnostic.Id, StringComparer.Ordinal);
        foreach (var (diagnostic, span) in ordered)
        {
            builder.Append(span.Path)
                .Append('(').Append(span.StartLinePosition.Line + 1).Append(',').Append(span.StartLinePosition.Character + 1).Append(')')
                .Append("-(").Append(span.EndLinePosition.Line + 1).Append(',').Append(span.EndLinePosition.Character + 1).Append(')')
                .Append(": ").Append(Severity(diagnostic.Severity)).Append(' ').Append(diagnostic.Id)
                .Append(": ").Append(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }

        return builder.ToString();
    }

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "hidden",
    };
}
