using System;
using System.IO;
using System.Text;
using System.Text.Json;
using ScrapeDsl.Benchmarks.Floors;
using ScrapeDsl.Benchmarks.HandWritten;
using ScrapeDsl.Interpreter;

namespace ScrapeDsl.Benchmarks;

/// <summary>
/// Before anything is timed: the columns must do the same work. The interpreter must give the generated extractor's
/// exact JSON, and a hand-written extractor and a rule floor the same record (an extractor that reads less would make
/// the comparison unfair, e.g. after the rule changed). Each difference is a failure, which fails the smoke run.
/// </summary>
public static class Checks
{
    public static int Run(TextWriter log)
    {
        var failures = 0;
        log.WriteLine($"Benchmark cases (every rule x example under {Path.Combine(Corpus.RepositoryRoot, "rules")}):");
        foreach (var page in Corpus.Cases)
        {
            var html = page.ReadHtml();
            var generated = ScrapeDsl.Rules.ScrapeRules.Registry.Get(page.Rule.Name)?.ExtractUntyped(html, page.Url);
            if (generated is null)
            {
                log.WriteLine($"  FAIL {page}: rule {page.Rule.Name} is not compiled into ScrapeDsl.Rules");
                failures++;
                continue;
            }

            var interpreted = InterpretedRule.From(page.Rule, CustomTransforms.FromAssembly(typeof(ScrapeDsl.Rules.ScrapeRules).Assembly, page.Rule.Name)).Extract(html, page.Url);
            var same = ResultJson.Serialize(generated) == ResultJson.Serialize(interpreted);
            if (!same)
            {
                failures++;
            }

            // An extractor that reads less than the rule would make its comparison unfair: a different record is a
            // failure, reported with the first difference.
            var expected = Json(generated.Partial);
            string Compare(string name, Func<string, Uri, IExtractedRecord> extract)
            {
                var actual = Json(extract(html, page.Url!));
                if (expected == actual)
                {
                    return name + " gives the same record";
                }

                failures++;
                return $"FAIL {name} gives a different record: " + FirstDifference(expected, actual, name);
            }

            var handWritten = HandWrittenExtractors.ByRule.TryGetValue(page.Rule.Name, out var hand) ? Compare("hand-written", hand) : "no hand-written extractor";
            var floor = RuleFloors.ByRule.TryGetValue(page.Rule.Name, out var ruleFloor) ? "; " + Compare("the rule floor", ruleFloor) : string.Empty;

            log.WriteLine($"  {page}: {html.Length} chars, {(generated.Success ? "success" : "unsuccessful")}, {generated.Problems.Count} problem(s); " +
                $"{(same ? "interpreted = generated" : "FAIL interpreted != generated")}; {handWritten}{floor}");
        }

        return failures;
    }

    private static string FirstDifference(string expected, string actual, string other)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Min(expectedLines.Length, actualLines.Length); i++)
        {
            if (expectedLines[i] != actualLines[i])
            {
                return $"line {i + 1}: generated {expectedLines[i].Trim()} / {other} {actualLines[i].Trim()}";
            }
        }

        return "one output is longer";
    }

    private static string Json(IExtractedRecord record)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, ResultJson.Options))
        {
            record.WriteJson(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
