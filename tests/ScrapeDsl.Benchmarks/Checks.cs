using System;
using System.IO;
using System.Text;
using System.Text.Json;
using ScrapeDsl.Benchmarks.HandWritten;
using ScrapeDsl.Interpreter;

namespace ScrapeDsl.Benchmarks;

/// <summary>
/// Before anything is timed: the columns must do the same work. The interpreter must give the generated extractor's
/// exact JSON (a failure), and a hand-written extractor should give the same record (a warning: the comparison is then
/// no longer like for like, e.g. after the rule changed).
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

            var interpreted = InterpretedRule.From(page.Rule).Extract(html, page.Url);
            var same = ResultJson.Serialize(generated) == ResultJson.Serialize(interpreted);
            if (!same)
            {
                failures++;
            }

            var handWritten = "no hand-written extractor";
            if (HandWrittenExtractors.ByRule.TryGetValue(page.Rule.Name, out var extract))
            {
                handWritten = Json(extract(html, page.Url!)) == Json(generated.Partial)
                    ? "hand-written gives the same record"
                    : "WARNING: hand-written gives a different record (not like for like)";
            }

            log.WriteLine($"  {page}: {html.Length} chars, {(generated.Success ? "success" : "unsuccessful")}, {generated.Problems.Count} problem(s); " +
                $"{(same ? "interpreted = generated" : "FAIL interpreted != generated")}; {handWritten}");
        }

        return failures;
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
