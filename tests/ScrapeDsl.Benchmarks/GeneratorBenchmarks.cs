using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using ScrapeDsl.Generators;

namespace ScrapeDsl.Benchmarks;

/// <summary>
/// Generator cost: 500 rule files (each the size of the RBC article rule, no example pages, so no example checks)
/// through <see cref="CSharpGeneratorDriver"/>. The figures are per rule (<c>OperationsPerInvoke = 500</c>). Without step
/// tracking is how a build and the IDE run generators; with it is how the generator tests and the caching check do.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    public const int RuleCount = 500;

    [Params(false, true)]
    public bool TrackSteps { get; set; }

    private ImmutableArray<AdditionalText> _files;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private AdditionalText _edited = null!;
    private int _edits;

    [GlobalSetup]
    public void Setup()
    {
        _files = SyntheticRules.Create(RuleCount);
        _compilation = CSharpCompilation.Create("GeneratorBenchmark", options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _warm = SyntheticRules.CreateDriver(_files, TrackSteps).RunGenerators(_compilation);
    }

    /// <summary>A cold run: every file read, validated and emitted, plus the registry (Roslyn parses the emitted C# too).</summary>
    [Benchmark(OperationsPerInvoke = RuleCount, Description = "Full generation, per rule")]
    public GeneratorDriver FullGeneration() => SyntheticRules.CreateDriver(_files, TrackSteps).RunGenerators(_compilation);

    /// <summary>One file edited in a warm driver with 500 rules: only that file's steps should run.</summary>
    [Benchmark(Description = "Edit one of 500 files")]
    public GeneratorDriver EditOneFile()
    {
        var index = 250;
        var old = _files[index];
        _edited = new InMemoryAdditionalText(old.Path, SyntheticRules.Text(index, "edit" + (++_edits).ToString(CultureInfo.InvariantCulture)));
        return _warm.ReplaceAdditionalText(old, _edited).RunGenerators(_compilation);
    }
}

/// <summary>Synthetic rule files shaped like the RBC article rule, each with its own name, host and selectors.</summary>
public static class SyntheticRules
{
    public static ImmutableArray<AdditionalText> Create(int count)
    {
        var files = ImmutableArray.CreateBuilder<AdditionalText>(count);
        for (var i = 0; i < count; i++)
        {
            files.Add(new InMemoryAdditionalText(Path(i), Text(i, "v1")));
        }

        return files.MoveToImmutable();
    }

    public static string Path(int i) => "/rules/site" + i.ToString("D3", CultureInfo.InvariantCulture) + ".example/article.scrape.yaml";

    public static string Text(int i, string variant)
    {
        var n = i.ToString("D3", CultureInfo.InvariantCulture);
        return $$"""
            name: Site{{n}}Article
            description: Article pages of site{{n}}.example ({{variant}})
            match:
              hosts: [site{{n}}.example, "*.site{{n}}.example"]
              paths: ["/*/*/*/*/*"]
              exclude: ["/wine/**"]
            remove:
              - .banner-{{n}}
              - "[data-role=fox-tail]"
              - .fox-fallback
              - .inline-item-{{n}}
              - .promo-card
            fields:
              title:
                css: h1.title-{{n}}
                required: true
                fallback:
                  - { css: "meta[property='og:title']", attr: content }
              category:
                css: a.category-{{n}}
                fallback:
                  - { css: "[itemprop=articleSection]", attr: content }
              publishedAt:
                css: time.date-{{n}}
                attr: datetime
                type: datetime
                fallback:
                  - { css: "meta[itemprop=datePublished]", attr: content }
              authors: { css: .author-{{n}}, many: true }
              lead: .overview-{{n}}
              image: { css: ".main-image-{{n}} img", attr: src, type: url }
              body:
                css: .text-{{n}}
                remove: [.overview-{{n}}, .main-image-{{n}}]
              tags: { css: a.tag-{{n}}, many: true }
              feed:
                css: ".news-feed-{{n}} > a.item"
                many: true
                fields:
                  title: .item__title
                  time: .item__date
                  url: { attr: href, type: url }
            """;
    }

    public static GeneratorDriver CreateDriver(ImmutableArray<AdditionalText> files, bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            new[] { new RuleGenerator().AsSourceGenerator() },
            additionalTexts: files,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
}

/// <summary>An additional file held in memory.</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
