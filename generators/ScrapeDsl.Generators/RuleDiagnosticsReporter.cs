using System;
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
    public static IEnumerable<DiagnosticDescriptor> Descriptors => DiagnosticDescriptors.All;

    /// <summary>Converts one diagnostic (an id unknown to this assembly becomes an internal-error report, never an exception).</summary>
    public static Diagnostic ToDiagnostic(RuleDiagnostic diagnostic)
    {
        if (!s_descriptors.TryGetValue(diagnostic.Id, out var descriptor))
        {
            descriptor = DiagnosticDescriptors.InternalError;
        }

        return Diagnostic.Create(descriptor, ToLocation(diagnostic), diagnostic.Message);
    }

    /// <summary>Where a diagnostic points: the YAML file at its line and column (0-based for Roslyn, 1-based in the model).</summary>
    public static Location ToLocation(RuleDiagnostic diagnostic)
    {
        if (string.IsNullOrEmpty(diagnostic.Path))
        {
            return Location.None;
        }

        var span = diagnostic.Span;
        return Location.Create(
            diagnostic.Path,
            new TextSpan(Math.Max(0, span.Start), Math.Max(0, span.Length)),
            new LinePositionSpan(
                new LinePosition(Math.Max(0, span.StartLine - 1), Math.Max(0, span.StartColumn - 1)),
                new LinePosition(Math.Max(0, span.EndLine - 1), Math.Max(0, span.EndColumn - 1))));
    }

    /// <summary>An internal-error diagnostic for an unexpected exception while doing <paramref name="what"/> on <paramref name="path"/>.</summary>
    public static RuleDiagnostic InternalError(string path, string what, Exception exception) =>
        RuleDiagnostics.Create(RuleDiagnostics.InternalError, path, new SourceSpan(0, 0, 1, 1, 1, 1), what, Describe(exception));

    private static string Describe(Exception exception)
    {
        var frame = exception.StackTrace is { } trace ? trace.Split('\n')[0].Trim() : string.Empty;
        return exception.GetType().Name + ": " + exception.Message.Replace('\r', ' ').Replace('\n', ' ') + (frame.Length == 0 ? string.Empty : " " + frame);
    }

    private static Dictionary<string, DiagnosticDescriptor> Create()
    {
        var descriptors = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            descriptors.Add(descriptor.Id, descriptor);
        }

        return descriptors;
    }
}
