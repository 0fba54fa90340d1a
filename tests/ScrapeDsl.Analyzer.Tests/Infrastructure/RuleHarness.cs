using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ScrapeDsl.Generators;

namespace ScrapeDsl.Analyzer.Tests;

/// <summary>A file handed to the compiler as an AdditionalFile.</summary>
internal sealed class TestAdditionalText : AdditionalText
{
    private readonly SourceText? _text;
    private readonly Exception? _failure;

    public TestAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text, Encoding.UTF8);
    }

    /// <summary>A file whose reading throws (to prove exceptions become diagnostics).</summary>
    public TestAdditionalText(string path, Exception failure)
    {
        Path = path;
        _failure = failure;
    }

    public override string Path { get; }

    public override SourceText? GetText(CancellationToken cancellationToken = default) => _failure is null ? _text : throw _failure;
}

/// <summary>Build properties as the props file makes them visible (<c>build_property.*</c>).</summary>
internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly TestOptions _global;

    public TestOptionsProvider(IReadOnlyDictionary<string, string> properties) =>
        _global = new TestOptions(properties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => TestOptions.Empty;

    private sealed class TestOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly TestOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

/// <summary>What one compilation of rule files gave: the analyzer's and the generator's diagnostics, and the C# result.</summary>
internal sealed record RuleRun(
    ImmutableArray<Diagnostic> AnalyzerDiagnostics,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompilationErrors,
    GeneratorDriverRunResult Generator,
    IReadOnlyList<Exception> Exceptions)
{
    /// <summary>Every rule diagnostic, analyzer's and generator's, in path and position order.</summary>
    public IReadOnlyList<Diagnostic> RuleDiagnostics => AnalyzerDiagnostics.Concat(GeneratorDiagnostics)
        .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
        .ThenBy(d => d.Location.SourceSpan.Start)
        .ThenBy(d => d.Id, StringComparer.Ordinal)
        .ToList();
}

/// <summary>Runs the rule analyzer and the generator over in-memory files, as a build does.</summary>
internal static class RuleHarness
{
    public const string Root = "/project/";

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> s_references = Net100.References.All.Cast<MetadataReference>()
        .Concat(new[]
        {
            MetadataReference.CreateFromFile(typeof(ScrapeDsl.Page).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(AngleSharp.Dom.IDocument).Assembly.Location),
        })
        .ToImmutableArray();

    public static IReadOnlyDictionary<string, string> DefaultProperties { get; } = new Dictionary<string, string> { ["RootNamespace"] = "Consumer" };

    /// <summary>Compiles <paramref name="userCode"/> with the files (paths relative to <see cref="Root"/>) as AdditionalFiles.</summary>
    public static RuleRun Run(IEnumerable<AdditionalText> files, string userCode = "", IReadOnlyDictionary<string, string>? properties = null)
    {
        var additional = files.ToImmutableArray();
        var options = new TestOptionsProvider(properties ?? DefaultProperties);
        var compilation = CreateCompilation(userCode);
        var driver = CreateDriver(additional, options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        var exceptions = new List<Exception>();
        foreach (var generator in result.Results)
        {
            if (generator.Exception is { } exception)
            {
                exceptions.Add(exception);
            }
        }

        var analyzers = new CompilationWithAnalyzers(
            output,
            ImmutableArray.Create<DiagnosticAnalyzer>(new RuleFileAnalyzer()),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(additional, options),
                onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
        var analyzerDiagnostics = analyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return new RuleRun(analyzerDiagnostics, generatorDiagnostics, errors, result, exceptions);
    }

    public static RuleRun Run(params (string Path, string Text)[] files) =>
        Run(files.Select(f => (AdditionalText)new TestAdditionalText(Root + f.Path, f.Text)));

    public static CSharpCompilation CreateCompilation(string userCode) => CSharpCompilation.Create(
        "Consumer",
        userCode.Length == 0 ? Array.Empty<SyntaxTree>() : new[] { CSharpSyntaxTree.ParseText(userCode, s_parseOptions) },
        s_references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(ImmutableArray<AdditionalText> files, AnalyzerConfigOptionsProvider options) =>
        CSharpGeneratorDriver.Create(
            new[] { new RuleGenerator().AsSourceGenerator() },
            files,
            s_parseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Renders diagnostics for review: <c>path(line,col)-(line,col): severity ID: message</c>, then the offending line
    /// with the span underlined, so a snapshot shows at a glance whether the position is right.
    /// </summary>
    public static string Render(IEnumerable<Diagnostic> diagnostics, IReadOnlyDictionary<string, string> texts)
    {
        var builder = new StringBuilder();
        foreach (var diagnostic in diagnostics)
        {
            var span = diagnostic.Location.GetLineSpan();
            var path = span.Path.StartsWith(Root, StringComparison.Ordinal) ? span.Path.Substring(Root.Length) : span.Path;
            var severity = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "info",
            };
            builder.Append(path.Length == 0 ? "(no file)" : path)
                .Append('(').Append(span.StartLinePosition.Line + 1).Append(',').Append(span.StartLinePosition.Character + 1).Append(")-(")
                .Append(span.EndLinePosition.Line + 1).Append(',').Append(span.EndLinePosition.Character + 1).Append("): ")
                .Append(severity).Append(' ').Append(diagnostic.Id).Append(": ").AppendLine(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            if (texts.TryGetValue(path, out var text) && span.StartLinePosition.Line == span.EndLinePosition.Line)
            {
                var lines = text.Replace("\r\n", "\n").Split('\n');
                var lineIndex = span.StartLinePosition.Line;
                if (lineIndex < lines.Length)
                {
                    var gutter = (lineIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4) + " | ";
                    builder.Append(gutter).AppendLine(lines[lineIndex]);
                    var width = Math.Max(1, span.EndLinePosition.Character - span.StartLinePosition.Character);
                    builder.Append(new string(' ', gutter.Length - 2)).Append("| ")
                        .Append(new string(' ', span.StartLinePosition.Character)).AppendLine(new string('^', width));
                }
            }
        }

        return builder.Length == 0 ? "(no diagnostics)\n" : builder.ToString();
    }

    /// <summary>A short HTML page.</summary>
    public static string Page(string body) => "<!DOCTYPE html><html><head><title>t</title></head><body>" + body + "</body></html>";

    public static string ReadRepositoryFile(params string[] parts) => File.ReadAllText(Repository.PathOf(parts));
}
