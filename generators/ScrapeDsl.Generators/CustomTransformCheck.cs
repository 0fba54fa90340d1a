using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ScrapeDsl.Generators.Model;
using ScrapeDsl.Language;

namespace ScrapeDsl.Generators;

/// <summary>One <c>custom: Method</c> step of a rule, with where it is written.</summary>
internal sealed record CustomTransformUse(string Path, string RuleName, string Method, SourceSpan Span);

/// <summary>The <c>custom</c> steps of one rule file.</summary>
internal sealed record RuleTransformUses(string Path, EquatableArray<CustomTransformUse> Uses);

/// <summary>
/// Checks <c>custom</c> transforms against the Compilation: <c>{Rule}Extractor</c> must have a user-written partial
/// part with <c>static string? Method(string value)</c>. Problems are reported at the YAML line of the step.
/// </summary>
internal static class CustomTransformCheck
{
    /// <summary>The custom steps of a valid rule (resolved: inherited fields are checked on each rule that extends them).</summary>
    public static RuleTransformUses Uses(ParsedRule file)
    {
        var uses = new List<CustomTransformUse>();
        if (file.Rule is { IsPartial: false } rule)
        {
            Collect(file.Path, rule.Name, rule.Fields, uses);
        }

        return new RuleTransformUses(file.Path, EquatableArray.From(uses));
    }

    /// <summary>The custom steps of every rule, in the order of the rule files' paths.</summary>
    public static EquatableArray<CustomTransformUse> All(ImmutableArray<RuleTransformUses> files)
    {
        var sorted = new List<RuleTransformUses>(files);
        sorted.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        var uses = new List<CustomTransformUse>();
        foreach (var file in sorted)
        {
            uses.AddRange(file.Uses);
        }

        return EquatableArray.From(uses);
    }

    public static EquatableArray<RuleDiagnostic> Check(EquatableArray<CustomTransformUse> uses, string ns, Compilation compilation)
    {
        if (uses.Count == 0)
        {
            return EquatableArray<RuleDiagnostic>.Empty;
        }

        var diagnostics = new List<RuleDiagnostic>();
        foreach (var use in uses)
        {
            var extractor = use.RuleName + "Extractor";
            var type = compilation.GetTypeByMetadataName(ns + "." + extractor);
            string? problem;
            if (type is null)
            {
                problem = "there is no hand-written 'partial class " + extractor + "' in namespace " + ns;
            }
            else
            {
                problem = "there is no method '" + use.Method + "' on " + extractor;
                foreach (var member in type.GetMembers(use.Method))
                {
                    if (member is not IMethodSymbol method)
                    {
                        continue;
                    }

                    if (method.IsStatic && method.Parameters.Length == 1 && method.TypeParameters.Length == 0
                        && method.Parameters[0].Type.SpecialType == SpecialType.System_String && method.Parameters[0].RefKind == RefKind.None
                        && method.ReturnType.SpecialType == SpecialType.System_String)
                    {
                        problem = null;
                        break;
                    }

                    problem = "'" + method.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + "' has the wrong shape";
                }
            }

            if (problem is not null)
            {
                diagnostics.Add(RuleDiagnostics.Create(LanguageDiagnostics.CustomMethod, use.Path, use.Span, use.Method, problem, extractor));
            }
        }

        return EquatableArray.From(diagnostics);
    }

    private static void Collect(string path, string ruleName, EquatableArray<Transform> transforms, List<CustomTransformUse> uses)
    {
        foreach (var transform in transforms)
        {
            if (transform.Kind == TransformKind.Custom)
            {
                uses.Add(new CustomTransformUse(path, ruleName, transform.Text, transform.Span));
            }
        }
    }

    private static void Collect(string path, string ruleName, EquatableArray<Field> fields, List<CustomTransformUse> uses)
    {
        foreach (var field in fields)
        {
            // A step of a field inherited from a partial is written, and so reported, in the partial's file.
            var writtenIn = field.InheritedFrom ?? path;
            Collect(writtenIn, ruleName, field.Transforms, uses);
            foreach (var source in field.Sources)
            {
                Collect(writtenIn, ruleName, source.Transforms, uses);
            }

            Collect(writtenIn, ruleName, field.Fields, uses);
        }
    }
}
