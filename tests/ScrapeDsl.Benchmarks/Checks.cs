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

            var handWritten = "no hand-written extractor";
            if (HandWrittenExtractors.ByRule.TryGetValue(page.Rule.Name, out var extract))
            {
                var expected = Json(generated.Partial);
                var actual = Json(extract(html, page.Url!));
                if (expected == actual)
                {
                    handWritten = "hand-written gives the same record";
                }
                else
                {
                    // A hand-written extractor that reads less would make the comparison unfair: it is a failure, with the first difference.
                    failures++;
                    handWritten = "FAIL hand-written gives a different record: " + FirstDifference(expected, actual, "hand-written");
                }
            }

            var floor = string.Empty;
            if (RuleFloors.ByRule.TryGetValue(page.Rule.Name, out var floorExtract))
            {
                var expected = Json(generated.Partial);
                var actual = Json(floorExtract(html, page.Url!));
                floor = expected == actual ? "; the rule floor gives the same record" : "; FAIL the rule floor gives a different record: " + FirstDifference(expected, actual, "floor");
                failures += expected == actual ? 0 : 1;
            }

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
