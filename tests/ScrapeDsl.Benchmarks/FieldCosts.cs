using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using AngleSharp.Html.Parser;
using ScrapeDsl.Benchmarks.Floors;
using ScrapeDsl.Interpreter;
using ScrapeDsl.Language;

namespace ScrapeDsl.Benchmarks;

/// <summary>
/// Where a rule's extraction time goes: for one rule's example page, the rule with no fields and no remove list (the
/// bare walk), with no fields (its remove list), with all fields and with each single field, timed in interleaved rounds
/// like the target pass. Each round parses the page for each variant (not timed), then times the extraction on that
/// document right after the parse, and again at once on the same document: the difference is what a page the parser has
/// just written, and the parts of .NET the parse has pushed out of the caches, cost to reach. A field's cost is its
/// median above the no-field rule's. The rule is run by the interpreter (within 1–2 % of the generated extractor) so that
/// a field can be left out without a build. Costs are not additive: fields that read the same part of a freshly parsed
/// page, or run the same code, share the cost of reaching it. The generated extractor is timed the same way, and the
/// rule's floor where it has one (<c>Floors/</c>: the rule's work written for that rule alone, its own parse included)
/// above the parse.
/// </summary>
public static class FieldCosts
{
    public static string Run(string ruleName, int rounds)
    {
        var page = Corpus.Cases.FirstOrDefault(c => string.Equals(c.Rule.Name, ruleName, StringComparison.Ordinal))
            ?? throw new ArgumentException($"no rule named '{ruleName}' with an example page under rules/; the rules with one: "
                + string.Join(", ", Corpus.Cases.Select(c => c.Rule.Name).Distinct().Order(StringComparer.Ordinal)));
        var html = page.ReadHtml();
        var url = page.Url;
        var parser = new HtmlParser(Page.ParserOptions);
        var rule = page.Rule;
        var extractions = new List<(string Name, IExtractor Extractor)>
        {
            ("bare walk (no fields, no remove list)", InterpretedRule.From(rule with { Fields = EquatableArray<Field>.Empty, Remove = EquatableArray<SelectorSpec>.Empty })),
            ("no fields (the remove list)", InterpretedRule.From(rule with { Fields = EquatableArray<Field>.Empty })),
            ("all fields", InterpretedRule.From(rule)),
        };
        const int NoFields = 1;
        var fieldsFrom = extractions.Count;
        foreach (var field in rule.Fields)
        {
            extractions.Add((field.Name, InterpretedRule.From(rule with { Fields = new EquatableArray<Field>(new[] { field }) })));
        }

        var fieldsTo = extractions.Count;
        if (ScrapeDsl.Rules.ScrapeRules.Registry.Get(rule.Name) is { } generated)
        {
            extractions.Add(("generated extractor", generated));
        }

        var floor = url is not null && RuleFloors.ByRule.TryGetValue(rule.Name, out var found) ? found : null;

        // Jobs 0 .. n-1 are the extractions; then the parse alone and the floor, each timed whole.
        var first = extractions.Select(_ => new List<double>(rounds)).ToArray();
        var again = extractions.Select(_ => new List<double>(rounds)).ToArray();
        var parseTimes = new List<double>(rounds);
        var floorTimes = new List<double>(rounds);
        void RunJob(int job, bool record)
        {
            if (job < extractions.Count)
            {
                var document = parser.ParseDocument(html);
                var start = Stopwatch.GetTimestamp();
                GC.KeepAlive(extractions[job].Extractor.ExtractUntyped(document, url));
                var middle = Stopwatch.GetTimestamp();
                GC.KeepAlive(extractions[job].Extractor.ExtractUntyped(document, url));
                var end = Stopwatch.GetTimestamp();
                if (record)
                {
                    first[job].Add(Stopwatch.GetElapsedTime(start, middle).TotalMilliseconds * 1_000_000);
                    again[job].Add(Stopwatch.GetElapsedTime(middle, end).TotalMilliseconds * 1_000_000);
                }

                return;
            }

            var whole = Stopwatch.GetTimestamp();
            GC.KeepAlive(job == extractions.Count ? parser.ParseDocument(html) : floor!(html, url!));
            if (record)
            {
                (job == extractions.Count ? parseTimes : floorTimes).Add(Stopwatch.GetElapsedTime(whole).TotalMilliseconds * 1_000_000);
            }
        }

        var jobs = extractions.Count + (floor is null ? 1 : 2);
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed.TotalSeconds < 3)
        {
            for (var job = 0; job < jobs; job++)
            {
                RunJob(job, record: false);
            }
        }

        // A new random order every round, as in the interleaved pass (a rotation gives every job the same predecessor).
        var random = new Random(Interleaved.DefaultSeed);
        var order = Enumerable.Range(0, jobs).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            random.Shuffle(order);
            foreach (var job in order)
            {
                RunJob(job, record: true);
            }
        }

        var parse = Interleaved.Median(parseTimes);
        var noFields = Interleaved.Median(first[NoFields]);
        var text = new StringBuilder();
        text.AppendLine($"Field costs of {page} ({rounds} rounds; parse {Format.Time(parse)}):");
        text.AppendLine();
        text.AppendLine("| Variant | Right after the parse | Run again at once | Above no fields, right after the parse | That, of the parse |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        for (var i = 0; i < extractions.Count; i++)
        {
            // A field against the no-field rule; the whole rule, its walks and the generated extractor against nothing.
            var isField = i >= fieldsFrom && i < fieldsTo;
            var median = Interleaved.Median(first[i]);
            var cost = isField ? median - noFields : median;
            text.Append("| ").Append(extractions[i].Name)
                .Append(" | ").Append(Micro(median))
                .Append(" | ").Append(Micro(Interleaved.Median(again[i])))
                .Append(" | ").Append(isField ? Micro(cost) : "–")
                .Append(" | ").Append(Percent(cost / parse))
                .AppendLine(" |");
        }

        if (floor is not null)
        {
            var above = Interleaved.Median(floorTimes) - parse;
            text.Append("| rule floor (Floors/), above the parse | ").Append(Micro(above)).Append(" | – | – | ").Append(Percent(above / parse)).AppendLine(" |");
        }

        text.AppendLine();
        text.AppendLine("Medians over rounds; each extraction is timed on a document parsed just before it (not timed), then again on the same document.");
        return text.ToString();
    }

    private static string Micro(double nanoseconds) =>
        (nanoseconds / 1_000).ToString("0.0", CultureInfo.InvariantCulture) + " µs";

    private static string Percent(double ratio) => ratio.ToString("+0.0 %;-0.0 %", CultureInfo.InvariantCulture);
}
