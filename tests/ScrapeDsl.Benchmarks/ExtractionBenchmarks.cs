using System;
using System.Collections.Generic;
using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using ScrapeDsl.Benchmarks.HandWritten;
using ScrapeDsl.Interpreter;

namespace ScrapeDsl.Benchmarks;

/// <summary>
/// One page, five ways, in the same run: (a) AngleSharp's parser alone — the floor, with the same parser configuration
/// the runtime uses; (b) the generated extractor end to end (parse included); (c) the interpreter on the same rule;
/// (d) a hand-written AngleSharp extractor for the same fields (only rules that have one); (e) SmartReader.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private string _html = null!;
    private Uri? _url;
    private IExtractor _generated = null!;
    private InterpretedRule _interpreted = null!;
    private Func<string, Uri, IExtractedRecord>? _handWritten;
    private HtmlParser _parser = null!;

    /// <summary>Every rule × example under rules/.</summary>
    public static IEnumerable<PageCase> Cases => Corpus.Cases;

    /// <summary>The page being measured.</summary>
    [ParamsSource(nameof(Cases))]
    public PageCase Case { get; set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        _html = Case.ReadHtml();
        _url = Case.Url;
        _parser = new HtmlParser(Page.ParserOptions);
        _generated = ScrapeDsl.Rules.ScrapeRules.Registry.Get(Case.Rule.Name)
            ?? throw new InvalidOperationException($"rule {Case.Rule.Name} is not compiled into ScrapeDsl.Rules; rebuild rules/.");
        _interpreted = InterpretedRule.From(Case.Rule, CustomTransforms.FromAssembly(typeof(ScrapeDsl.Rules.ScrapeRules).Assembly, Case.Rule.Name));
        HandWrittenExtractors.ByRule.TryGetValue(Case.Rule.Name, out _handWritten);
    }

    /// <summary>(a) The floor: AngleSharp's <c>ParseDocument(html)</c> with the options the runtime parses with (<see cref="Page.ParserOptions"/>).</summary>
    [Benchmark(Baseline = true, Description = "Parse (floor)")]
    public object Parse() => _parser.ParseDocument(_html);

    /// <summary>(b) The generated extractor, parse included.</summary>
    [Benchmark(Description = "Generated")]
    public IExtractionResult Generated() => _generated.ExtractUntyped(_html, _url);

    /// <summary>(c) The interpreter on the same rule (rule prepared once, as a batch would).</summary>
    [Benchmark(Description = "Interpreted")]
    public IExtractionResult Interpreted() => _interpreted.Extract(_html, _url);

    /// <summary>(d) The hand-written extractor for the same fields.</summary>
    [Benchmark(Description = "Hand-written")]
    public IExtractedRecord HandWritten() => _handWritten!(_html, _url!);

    /// <summary>(e) SmartReader (a Readability port) on the same page, for reference: generic, no per-site fields.</summary>
    [Benchmark(Description = "SmartReader")]
    public object SmartReader()
    {
        using var reader = new SmartReader.Reader(_url?.AbsoluteUri ?? "https://example.invalid/", _html);
        return reader.GetArticle();
    }
}
