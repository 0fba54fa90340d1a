using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ScrapeDsl.Generators.Tests.Driver;

/// <summary>One checked run of the generator: its sources, its diagnostics and the compilation with the sources added.</summary>
internal sealed class GeneratorRun
{
    public GeneratorRun(Compilation input, Compilation output, GeneratorDriver driver, GeneratorDriverRunResult result, ImmutableArray<Diagnostic> analyzerDiagnostics)
    {
        AnalyzerDiagnostics = analyzerDiagnostics;
        Input = input;
        Output = output;
        Driver = driver;
        Result = result;
        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in result.Results.Single().GeneratedSources)
        {
            sources.Add(source.HintName, source.SourceText.ToString());
        }

        Sources = sources;
    }

    /// <summary>The consumer's compilation before generation.</summary>
    public Compilation Input { get; }

    /// <summary>The consumer's compilation with the generated sources.</summary>
    public Compilation Output { get; }

    /// <summary>The driver after the (cached) second run, ready for incremental edits.</summary>
    public GeneratorDriver Driver { get; }

    /// <summary>The first run's result.</summary>
    public GeneratorDriverRunResult Result { get; }

    /// <summary>Generated text by hint name, in ordinal order of hint names.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    /// <summary>The generator's diagnostics (the SCR ids), in the order it reported them: problems across files.</summary>
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    /// <summary>The rule analyzer's diagnostics: each file's own problems.</summary>
    public ImmutableArray<Diagnostic> AnalyzerDiagnostics { get; }

    /// <summary>What a build reports: the analyzer's diagnostics, then the generator's.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => AnalyzerDiagnostics.AddRange(GeneratorDiagnostics);

    /// <summary>The sources with the given hint names, for a snapshot.</summary>
    public IEnumerable<KeyValuePair<string, string>> SourcesNamed(params string[] hintNames)
    {
        foreach (var name in hintNames)
        {
            if (!Sources.TryGetValue(name, out var text))
            {
                throw new InvalidOperationException("No source '" + name + "' was generated; generated: " + string.Join(", ", Sources.Keys));
            }

            yield return new KeyValuePair<string, string>(name, text);
        }
    }

    /// <summary>Fails unless the consumer compiles with the generated code with no error and no warning.</summary>
    public void AssertOutputCompilesCleanly()
    {
        var problems = Output.GetDiagnostics()
            .Where(static d => d.Severity is DiagnosticSeverity.Warning or DiagnosticSeverity.Error)
            .ToList();
        if (problems.Count == 0)
        {
            return;
        }

        var report = new StringBuilder("The generated code does not compile cleanly:\n");
        foreach (var problem in problems)
        {
            report.Append(problem).Append('\n');
            if (problem.Location.IsInSource)
            {
                var text = problem.Location.SourceTree!.GetText();
                var line = problem.Location.GetLineSpan().StartLinePosition.Line;
                report.Append("    ").Append(text.Lines[line].ToString().Trim()).Append('\n');
            }
        }

        throw new InvalidOperationException(report.ToString());
    }
}
