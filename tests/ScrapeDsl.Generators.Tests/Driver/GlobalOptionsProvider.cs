using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScrapeDsl.Generators.Tests.Driver;

/// <summary>The MSBuild properties a consuming project makes visible to the generator (<c>build_property.*</c>).</summary>
internal sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
{
    private static readonly DictionaryOptions s_empty = new(new Dictionary<string, string>());

    public GlobalOptionsProvider(IReadOnlyDictionary<string, string> globalOptions) =>
        GlobalOptions = new DictionaryOptions(globalOptions);

    /// <summary>A project whose <c>RootNamespace</c> is <paramref name="rootNamespace"/>.</summary>
    public static GlobalOptionsProvider WithRootNamespace(string rootNamespace, bool checkExamples = true) =>
        new(checkExamples
            ? new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace }
            : new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace, ["build_property.ScrapeDslCheckExamples"] = "false" });

    /// <inheritdoc />
    public override AnalyzerConfigOptions GlobalOptions { get; }

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_empty;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => s_empty;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> _values;

        public DictionaryOptions(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}
