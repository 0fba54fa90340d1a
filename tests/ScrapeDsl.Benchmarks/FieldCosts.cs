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
/// Where a rule's extraction time goes: for one rule's example page, the parse alone, the rule with no fields (its
/// remove list and the walk), and the rule with each single field, timed in interleaved rounds like the target pass.
/// A field's cost is its median time above the no-field rule. The rule is run by the interpreter (within 1–2 % of the
/// generated extractor) so that a field can be left out without a build. Costs are not additive: fields that read the
/// same part of a freshly parsed page share the cache misses of reaching it. The generated extractor, and the rule's
/// floor where it has one (<c>Floors/</c>: the rule's work written for that rule alone), are measured above the parse.
/// </summary>
public static class FieldCosts
{
    public static string Run(string ruleName, int rounds)
    {
        var page = Corpus.Cases.FirstOrDefault(c => string.Equals(c.Rule.Name, ruleName, StringComparison.Ordinal))
            ?? throw new ArgumentException($"no rule named '{ruleName}' with an example page under rules/");
        var html = page.ReadHtml();
        var url = page.Url;
        var parser = new HtmlParser(Page.ParserOptions);
        var rule = page.Rule;
        var variants = new List<(string Name, Func<object?> Run)>
        {
            ("parse", () => parser.ParseDocument(html)),
            ("all fields", Variant(rule with { Fields = rule.Fields }, html, url)),
            ("no fields", Variant(rule with { Fields = EquatableArray<Field>.Empty }, html, url)),
        };
        foreach (var field in rule.Fields)
        {
            variants.Add((field.Name, Variant(rule with { Fields = new EquatableArray<Field>(new[] { field }) }, html, url)));
        }

        // Rows measured against the parse, like the no-field rule.
        var againstParse = new HashSet<int> { 2 };
        if (ScrapeDsl.Rules.ScrapeRules.Registry.Get(rule.Name) is { } generated)
        {
            againstParse.Add(variants.Count);
            variants.Add(("generated extractor", () => generated.ExtractUntyped(html, url)));
        }

        if (RuleFloors.ByRule.TryGetValue(rule.Name, out var floor) && url is not null)
        {
            againstParse.Add(variants.Count);
            variants.Add(("rule floor (Floors/)", () => floor(html, url)));
        }

        var times = variants.Select(_ => new List<double>(rounds)).ToArray();
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed.TotalSeconds < 3)
        {
            foreach (var variant in variants)
            {
                variant.Run();
            }
        }

        // A new random order every round, as in the interleaved pass (a rotation gives every variant the same predecessor).
        var random = new Random(20261125);
        var order = Enumerable.Range(0, variants.Count).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var start = Stopwatch.GetTimestamp();
                GC.KeepAlive(variants[i].Run());
                times[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1_000_000);
            }
        }

        var medians = times.Select(Interleaved.Median).ToArray();
        var parse = medians[0];
        var noFields = medians[2];
        var text = new StringBuilder();
        text.AppendLine($"Field costs of {page} ({rounds} rounds; parse {Format.Time(parse)}):");
        text.AppendLine();
        text.AppendLine("| Variant | Median (parse included) | Above the parse | Above no fields | That, of the parse |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: |");
        for (var i = 1; i < variants.Count; i++)
        {
            // The no-field rule, the generated extractor and the floor are measured against the parse; a field against the no-field rule.
            var above = againstParse.Contains(i) ? medians[i] - parse : medians[i] - noFields;
            text.Append("| ").Append(variants[i].Name)
                .Append(" | ").Append(Format.Time(medians[i]))
                .Append(" | ").Append(Micro(medians[i] - parse))
                .Append(" | ").Append(againstParse.Contains(i) ? "–" : Micro(above))
                .Append(" | ").Append((above / parse).ToString("+0.0 %;-0.0 %", CultureInfo.InvariantCulture))
                .AppendLine(" |");
        }

        return text.ToString();
    }

    private static Func<object?> Variant(Rule rule, string html, Uri? url)
    {
        var extractor = InterpretedRule.From(rule);
        return () => extractor.Extract(html, url);
    }

    private static string Micro(double nanoseconds) =>
        (nanoseconds / 1_000).ToString("+0.0;-0.0", CultureInfo.InvariantCulture) + " µs";
}
