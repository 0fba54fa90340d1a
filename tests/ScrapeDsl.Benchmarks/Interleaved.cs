using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using AngleSharp.Html.Parser;
using ScrapeDsl.Benchmarks.Floors;
using ScrapeDsl.Benchmarks.HandWritten;
using ScrapeDsl.Interpreter;

namespace ScrapeDsl.Benchmarks;

/// <summary>
/// The targets' ratios measured so that a shared, noisy machine cannot bias them: BenchmarkDotNet measures one method
/// after another, so load that comes and goes between them lands on one side of a ratio. Here every round runs each
/// method once (in rotating order) on the same page, so each ratio compares runs made under the same load. Reported:
/// the median time and the median bytes allocated per call (<see cref="GC.GetAllocatedBytesForCurrentThread"/>), and
/// for time the median of the per-round ratios (a paired estimate: a burst of load hits one round, not one side).
/// </summary>
public static class Interleaved
{
    private sealed record Method(string Name, Func<object?> Run);

    private sealed class PageRun
    {
        public required PageCase Page { get; init; }

        public required List<Method> Methods { get; init; }

        public Dictionary<string, List<double>> Times { get; } = new();

        public Dictionary<string, List<double>> Bytes { get; } = new();
    }

    /// <summary>
    /// The shuffle's seed unless <c>--seed</c> gives another. A fixed seed replays the same sequence, and the same garbage
    /// collections at the same places, so a run can be repeated exactly; another seed moves some pages by a few per cent
    /// (docs/performance.md), which is why the documentation reports runs with several.
    /// </summary>
    public const int DefaultSeed = 20261125;

    public static string Run(int rounds, int seed)
    {
        const int Blocks = 4;
        var text = new StringBuilder();
        text.AppendLine($"| Page (interleaved, {rounds} rounds, seed {seed}) | Parse floor | Parse + one walk | Generated | Interpreted | Hand-written | Walk/parse time | Walk + classes/parse time | Rule floor/parse time | Gen/parse time | Gen/parse alloc | Gen/default parse time | Interpreted/gen time | Gen/hand time | Gen/hand alloc |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var runs = new List<PageRun>();
        foreach (var page in Corpus.Cases)
        {
            var html = page.ReadHtml();
            var url = page.Url;
            var parser = new HtmlParser(Page.ParserOptions);
            var defaults = new HtmlParser();
            var generated = ScrapeDsl.Rules.ScrapeRules.Registry.Get(page.Rule.Name)!;
            var interpreted = InterpretedRule.From(page.Rule, CustomTransforms.FromAssembly(typeof(ScrapeDsl.Rules.ScrapeRules).Assembly, page.Rule.Name));
            var methods = new List<Method>
            {
                new("parse", () => parser.ParseDocument(html)),
                new("default parse", () => defaults.ParseDocument(html)),
                new("walk", () => CountNodes(parser.ParseDocument(html).DocumentElement)),
                new("classes", () => ReadClasses(parser.ParseDocument(html).DocumentElement)),
                new("generated", () => generated.ExtractUntyped(html, url)),
                new("interpreted", () => interpreted.Extract(html, url)),
            };
            if (HandWrittenExtractors.ByRule.TryGetValue(page.Rule.Name, out var hand))
            {
                methods.Add(new("hand", () => hand(html, url!)));
            }

            if (RuleFloors.ByRule.TryGetValue(page.Rule.Name, out var floor))
            {
                methods.Add(new("floor", () => floor(html, url!)));
            }

            var run = new PageRun { Page = page, Methods = methods };
            foreach (var method in methods)
            {
                run.Times[method.Name] = new List<double>(rounds);
                run.Bytes[method.Name] = new List<double>(rounds);
            }

            runs.Add(run);
        }

        // Warm up until tiered compilation has settled: at least 50 rounds of every page and 3 seconds (less in a smoke run).
        var warmupClock = Stopwatch.StartNew();
        for (var warmup = 0; warmup < Math.Min(rounds, 50) || warmupClock.Elapsed.TotalSeconds < (rounds < 50 ? 0 : 3); warmup++)
        {
            foreach (var run in runs)
            {
                foreach (var method in run.Methods)
                {
                    method.Run();
                }
            }
        }

        // The pages take turns in blocks, so slow drift in the machine's load is spread over all of them. Each round runs
        // the methods in a new random order: with a rotation every method always followed the same one, and what a
        // method leaves behind (garbage, caches) then lands on one side of a ratio (the bare walk measured up to 2.5 %
        // faster than the parse it includes).
        var random = new Random(seed);
        for (var block = 0; block < Blocks; block++)
        {
            foreach (var run in runs)
            {
                var methods = run.Methods;
                var order = Enumerable.Range(0, methods.Count).ToArray();
                for (var round = block * rounds / Blocks; round < (block + 1) * rounds / Blocks; round++)
                {
                    random.Shuffle(order);
                    foreach (var index in order)
                    {
                        var method = methods[index];
                        var allocated = GC.GetAllocatedBytesForCurrentThread();
                        var start = Stopwatch.GetTimestamp();
                        GC.KeepAlive(method.Run());
                        var elapsed = Stopwatch.GetElapsedTime(start);
                        run.Bytes[method.Name].Add(GC.GetAllocatedBytesForCurrentThread() - allocated);
                        run.Times[method.Name].Add(elapsed.TotalMilliseconds * 1_000_000);
                    }
                }
            }
        }

        foreach (var run in runs)
        {
            var page = run.Page;
            var times = run.Times;
            var bytes = run.Bytes;
            double? T(string name) => times.TryGetValue(name, out var list) ? Median(list) : null;
            double? R(string name, string baseline) => times.TryGetValue(name, out var a) && times.TryGetValue(baseline, out var b)
                ? Median(a.Zip(b, (x, y) => x / y).ToList())
                : null;
            double? B(string name) => bytes.TryGetValue(name, out var list) ? Median(list) : null;
            string Cell(string name) => T(name) is { } t ? Format.Time(t) + " / " + Format.Size(B(name)) : "–";
            text.Append("| ").Append(page)
                .Append(" | ").Append(Cell("parse"))
                .Append(" | ").Append(Cell("walk"))
                .Append(" | ").Append(Cell("generated"))
                .Append(" | ").Append(Cell("interpreted"))
                .Append(" | ").Append(Cell("hand"))
                .Append(" | ").Append(Format.Ratio(R("walk", "parse"), 1, double.PositiveInfinity))
                .Append(" | ").Append(Format.Ratio(R("classes", "parse"), 1, double.PositiveInfinity))
                .Append(" | ").Append(Format.Ratio(R("floor", "parse"), 1, double.PositiveInfinity))
                .Append(" | ").Append(Format.Ratio(R("generated", "parse"), 1, Targets.ParseTarget))
                .Append(" | ").Append(Format.Ratio(B("generated"), B("parse"), Targets.ParseTarget))
                .Append(" | ").Append(Format.Ratio(R("generated", "default parse"), 1, double.PositiveInfinity))
                .Append(" | ").Append(Format.Ratio(R("interpreted", "generated"), 1, Targets.InterpretedTarget))
                .Append(" | ").Append(Format.Ratio(R("generated", "hand"), 1, Targets.HandWrittenTarget))
                .Append(" | ").Append(Format.Ratio(B("generated"), B("hand"), Targets.HandWrittenTarget))
                .AppendLine(" |");
        }

        text.AppendLine();
        text.AppendLine("Parse floor: AngleSharp's parser with the options the runtime parses with (no element positions, no comment " +
            "text; `Page.ParserOptions`), so that the ratios to it are what extraction adds. Gen/default parse: the generated extractor " +
            "against AngleSharp's parser with its defaults, which is what a page costs a user of AngleSharp alone.");
        text.AppendLine("Parse + one walk: the parse, then one visit of every node of the new document through `ChildNodes` and nothing else: " +
            "the least any extractor that finds first matches in document order (ours, the hand-written one, AngleSharp's `QuerySelector`) " +
            "must add to the parse, since AngleSharp keeps no index of its elements. Walk + classes: the same walk reading every " +
            "character of every `class` attribute, the least any extractor must add once one of its selectors is a class that can " +
            "be anywhere on the page (a remove list of ad classes, say), since each element's classes must be read to find its matches. " +
            "Rule floor (`Floors/`, where a rule has one): the parse and the rule's own work written for that rule alone (one walk " +
            "testing only its ids and classes, ScrapeDsl's text routine, its regexes compiled, no report), giving the same record: " +
            "what extraction costs when nothing in it is general.");
        text.AppendLine("Cells: median time / median bytes allocated per call, over rounds that run every method once on the same page. " +
            "Time ratios: median over rounds of the ratio within the round; allocation ratios: of the medians.");
        return text.ToString();
    }

    /// <summary>Visits every node below <paramref name="node"/> once, depth first, reading every character of each element's class attribute.</summary>
    private static int ReadClasses(AngleSharp.Dom.INode node)
    {
        var sum = 1;
        if (node is AngleSharp.Dom.IElement element)
        {
            var attributes = element.Attributes;
            for (var i = 0; i < attributes.Length; i++)
            {
                if (attributes[i] is { Name: "class" } attribute)
                {
                    foreach (var c in attribute.Value)
                    {
                        sum += c;
                    }
                }
            }
        }

        var children = node.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            sum += ReadClasses(children[i]);
        }

        return sum;
    }

    /// <summary>Visits every node below <paramref name="node"/> once, depth first, and counts them.</summary>
    private static int CountNodes(AngleSharp.Dom.INode node)
    {
        var count = 1;
        var children = node.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            count += CountNodes(children[i]);
        }

        return count;
    }

    /// <summary>The median (the mean of the two middle values for an even count).</summary>
    internal static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
