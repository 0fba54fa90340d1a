using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScrapeDsl.Generators.Tests.Driver;

/// <summary>
/// Runs <see cref="RuleGenerator"/> the way the compiler does, with hermetic .NET 10 references, and checks what
/// every run must satisfy: the generator throws nothing, a second run on the same input is all cached, and no
/// pipeline step holds a Roslyn object.
/// </summary>
internal static class GeneratorHarness
{
    /// <summary>The consuming project's root namespace, which generated code goes into.</summary>
    public const string RootNamespace = "Consumer.Rules";

    /// <summary>A consumer with one unrelated C# file (incremental tests replace it).</summary>
    public const string ConsumerSource = "namespace Consumer\n{\n    internal static class Marker\n    {\n    }\n}\n";

    /// <summary>Latest C#, and XML doc comments checked as in a project that generates a documentation file.</summary>
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithDocumentationMode(DocumentationMode.Diagnose);

    private static readonly MetadataReference[] s_references = Net100.References.All
        .Concat(new[]
        {
            MetadataReference.CreateFromFile(typeof(global::ScrapeDsl.Page).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(global::AngleSharp.Dom.IDocument).Assembly.Location),
        })
        .ToArray();

    /// <summary>A library compilation of <paramref name="sources"/> (nullable on, every warning wave).</summary>
    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(static (source, index) => ParseConsumer(source, index)),
            s_references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                deterministic: true));

    /// <summary>Parses a consumer file the way <see cref="CreateCompilation"/> does.</summary>
    public static SyntaxTree ParseConsumer(string source, int index = 0) =>
        CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Consumer" + index + ".cs");

    /// <summary>A driver over <paramref name="rules"/> that records every step, so tests can ask what was cached.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> rules, string rootNamespace = RootNamespace, bool checkExamples = true) =>
        CSharpGeneratorDriver.Create(
            new[] { new RuleGenerator().AsSourceGenerator() },
            rules,
            ParseOptions,
            GlobalOptionsProvider.WithRootNamespace(rootNamespace, checkExamples),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs the generator on <paramref name="rules"/> (rule files and any example pages; optionally the consumer's own C#)
    /// with every standard check. <paramref name="checkExamples"/> false is <c>ScrapeDslCheckExamples=false</c>.
    /// </summary>
    public static GeneratorRun Run(IEnumerable<AdditionalText> rules, string consumerSource = ConsumerSource, bool checkExamples = true)
    {
        var compilation = CreateCompilation(consumerSource);
        var driver = CreateDriver(rules, checkExamples: checkExamples).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var first = driver.GetRunResult();
        AssertRanWithoutExceptions(first);
        PipelineSteps.AssertNoRoslynTypes(first);

        // Nothing changed, so nothing may be recomputed (NetEscapades.EnumGenerators' habit).
        driver = driver.RunGenerators(compilation.Clone());
        var second = driver.GetRunResult();
        AssertRanWithoutExceptions(second);
        PipelineSteps.AssertAllCached(first, second);
        return new GeneratorRun(compilation, output, driver, first, RunAnalyzer(output, rules));
    }

    /// <summary>
    /// The rule analyzer's diagnostics, as a build reports them beside the generator's: each rule file's own problems are
    /// the analyzer's (docs/checks.md). An exception in the analyzer (AD0001 in a build) fails the test.
    /// </summary>
    public static ImmutableArray<Diagnostic> RunAnalyzer(Compilation compilation, IEnumerable<AdditionalText> rules)
    {
        var exceptions = new List<Exception>();
        var analyzers = new CompilationWithAnalyzers(
            compilation,
            ImmutableArray.Create<DiagnosticAnalyzer>(new RuleFileAnalyzer()),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(rules.ToImmutableArray(), GlobalOptionsProvider.WithRootNamespace(RootNamespace)),
                onAnalyzerException: (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
        var diagnostics = analyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        if (exceptions.Count > 0)
        {
            throw new InvalidOperationException("The rule analyzer threw: " + exceptions[0], exceptions[0]);
        }

        return diagnostics;
    }

    /// <summary>Runs <paramref name="driver"/> again (after the test changed an input) and checks it threw nothing.</summary>
    public static GeneratorDriverRunResult RunAgain(ref GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGenerators(compilation);
        var result = driver.GetRunResult();
        AssertRanWithoutExceptions(result);
        PipelineSteps.AssertNoRoslynTypes(result);
        return result;
    }

    /// <summary>An exception becomes warning CS8785 and drops all output; expected failures must be SCR diagnostics.</summary>
    public static void AssertRanWithoutExceptions(GeneratorDriverRunResult result)
    {
        var generator = result.Results.Single();
        if (generator.Exception is not null)
        {
            throw new InvalidOperationException("The generator threw: " + generator.Exception, generator.Exception);
        }

        var foreign = result.Diagnostics.Where(static d => !d.Id.StartsWith("SCR", StringComparison.Ordinal)).ToList();
        if (foreign.Count > 0)
        {
            throw new InvalidOperationException(
                "The driver reported diagnostics that are not the generator's own (CS8785 means it threw):\n" +
                string.Join("\n", foreign));
        }
    }
}
