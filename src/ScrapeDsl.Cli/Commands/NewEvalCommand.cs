using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using ScrapeDsl.Cli.Scaffold;

namespace ScrapeDsl.Cli.Commands;

/// <summary><c>scrape new-eval</c>: measure the scaffolder over a corpus of saved pages with expected values.</summary>
internal static class NewEvalCommand
{
    public static Command Create()
    {
        var pages = new Argument<string>("pages") { Description = "The folder of saved pages." };
        var manifest = new Argument<string>("manifest") { Description = "manifest.json: [{ page, url, expected: { title, author, date_published } }]." };
        var verbose = new Option<bool>("--verbose") { Description = "List every page with what was expected and what was guessed." };
        var threads = new Option<int>("--threads") { Description = "Pages scaffolded at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("new-eval", """
            Measure `scrape new` over a corpus: scaffolds a rule for every page of the manifest (nothing is written),
            checks it validates, runs it on its page and compares with the expected values. Prints: rules valid %,
            title non-empty %, body non-empty %, and where the manifest has a value: title equal % (whitespace
            normalised), published instant equal %, author equal %.

            Examples:
              scrape new-eval ../shared/corpus/news/pages ../shared/corpus/news/manifest.json
              scrape new-eval tests/ScrapeDsl.Tests/Scaffold/pages tests/ScrapeDsl.Tests/Scaffold/manifest.json --verbose

            Exit codes: 0 figures printed; 2 bad input (no folder, unreadable manifest).
            """)
        {
            pages, manifest, verbose, threads,
        };
        command.SetAction(result => Cli.Guard(() => Run(result.GetValue(pages)!, result.GetValue(manifest)!, result.GetValue(verbose), result.GetValue(threads))));
        return command;
    }

    private static int Run(string pagesFolder, string manifestPath, bool verbose, int threads)
    {
        if (!Directory.Exists(pagesFolder))
        {
            throw new CliError($"pages folder '{pagesFolder}' not found");
        }

        if (!File.Exists(manifestPath))
        {
            throw new CliError($"manifest '{manifestPath}' not found");
        }

        System.Collections.Generic.List<ExpectedPage> expected;
        try
        {
            expected = ScaffoldEvaluation.ReadManifest(manifestPath);
        }
        catch (Exception error) when (error is System.Text.Json.JsonException or InvalidOperationException or ArgumentNullException)
        {
            throw new CliError($"manifest '{manifestPath}' is not a list of {{ page, url, expected }}: {error.Message}");
        }

        var started = DateTime.UtcNow;
        var outcomes = ScaffoldEvaluation.Run(expected, pagesFolder, Path.GetDirectoryName(Path.GetFullPath(manifestPath))!, threads);
        var figures = EvaluationFigures.Of(outcomes);
        if (verbose)
        {
            foreach (var outcome in outcomes)
            {
                Console.WriteLine(Path.GetFileName(outcome.Expected.Page) + (outcome.Valid ? string.Empty : "  INVALID: " + outcome.Error));
                Line("title", outcome.Expected.Title, outcome.Title, outcome.TitleEqual);
                Line("author", outcome.Expected.Author, string.Join(", ", outcome.Authors), outcome.AuthorEqual);
                Line("published", outcome.Expected.Published?.UtcDateTime.ToString("O"), outcome.Published?.UtcDateTime.ToString("O"), outcome.PublishedEqual);
                Line("body start", outcome.Expected.BodyStart, outcome.Body, outcome.BodyHasStart);
                if (outcome.Expected.BodyStart is null)
                {
                    Console.WriteLine("  body       " + Short(outcome.Body));
                }
            }

            Console.WriteLine();
        }

        Console.WriteLine($"scrape new over {figures.Pages} pages ({(DateTime.UtcNow - started).TotalSeconds:0.0} s):");
        Console.WriteLine($"  rules valid        {figures.ValidRate,6:0.0}%  ({figures.Valid}/{figures.Pages})");
        Console.WriteLine($"  title non-empty    {figures.TitleNonEmptyRate,6:0.0}%  ({figures.TitleNonEmpty}/{figures.Pages})");
        Console.WriteLine($"  body non-empty     {figures.BodyNonEmptyRate,6:0.0}%  ({figures.BodyNonEmpty}/{figures.Pages})");
        Console.WriteLine($"  title equal        {figures.TitleEqualRate,6:0.0}%  ({figures.TitleEqual}/{figures.TitleExpected} with an expected title)");
        Console.WriteLine($"  published equal    {figures.PublishedEqualRate,6:0.0}%  ({figures.PublishedEqual}/{figures.PublishedExpected} with an expected date)");
        Console.WriteLine($"  author equal       {figures.AuthorEqualRate,6:0.0}%  ({figures.AuthorEqual}/{figures.AuthorExpected} with an expected author)");
        Console.WriteLine($"  body has start     {figures.BodyHasStartRate,6:0.0}%  ({figures.BodyHasStart}/{figures.BodyExpected} with expected first words; informational)");
        Console.WriteLine($"  selectors written  {figures.Selectors} ({figures.Selectors / (double)Math.Max(1, figures.Valid):0.0} per rule), {figures.Positional} positional");
        return 0;
    }

    private static void Line(string what, string? expected, string? actual, bool equal)
    {
        if (expected is null)
        {
            return;
        }

        Console.WriteLine($"  {what,-10} {(equal ? "ok  " : "MISS")} expected {Short(expected)} | got {Short(actual)}");
    }

    private static string Short(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "(empty)";
        }

        text = text.Replace('\n', ' ');
        return text.Length <= 90 ? text : text.Substring(0, 89) + "…";
    }
}
