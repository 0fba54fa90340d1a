using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace ScrapeDsl.Cli.Scaffold;

/// <summary>One page of a scaffolding corpus and what a correct extractor should find on it (any value may be unknown).</summary>
internal sealed record ExpectedPage(string Page, string? Url, string? Title, string? Author, DateTimeOffset? Published, string? BodyStart = null);

/// <summary>How the scaffolder did on one page.</summary>
internal sealed record PageOutcome(ExpectedPage Expected, bool Valid, string? Error, string? Title, string? Body, IReadOnlyList<string> Authors, DateTimeOffset? Published)
{
    /// <summary>CSS sources written into the rule.</summary>
    public int Selectors { get; init; }

    /// <summary>Of those, the <c>:nth-of-type</c> paths (the only kind likely to break on the site's other pages).</summary>
    public int Positional { get; init; }

    public bool TitleEqual => Expected.Title is { } title && Title is not null && Measure.SameText(title, Title);

    public bool AuthorEqual => Expected.Author is { } author && Measure.SameAuthors(author, Authors);

    public bool PublishedEqual => Expected.Published is { } published && Published is { } guessed && published.UtcDateTime == guessed.UtcDateTime;

    public bool BodyHasStart => Expected.BodyStart is { } start && Body is not null && Measure.ContainsStart(Body, start);
}

/// <summary>The corpus figures of <c>scrape new-eval</c>.</summary>
internal sealed record EvaluationFigures(int Pages, int Valid, int TitleNonEmpty, int BodyNonEmpty, int TitleExpected, int TitleEqual, int PublishedExpected, int PublishedEqual, int AuthorExpected, int AuthorEqual, int Selectors, int Positional, int BodyExpected, int BodyHasStart)
{
    public double BodyHasStartRate => Rate(BodyHasStart, BodyExpected);

    public double ValidRate => Rate(Valid, Pages);

    public double TitleNonEmptyRate => Rate(TitleNonEmpty, Pages);

    public double BodyNonEmptyRate => Rate(BodyNonEmpty, Pages);

    public double TitleEqualRate => Rate(TitleEqual, TitleExpected);

    public double PublishedEqualRate => Rate(PublishedEqual, PublishedExpected);

    public double AuthorEqualRate => Rate(AuthorEqual, AuthorExpected);

    public static EvaluationFigures Of(IReadOnlyList<PageOutcome> outcomes) => new(
        outcomes.Count,
        outcomes.Count(o => o.Valid),
        outcomes.Count(o => !string.IsNullOrEmpty(o.Title)),
        outcomes.Count(o => !string.IsNullOrEmpty(o.Body)),
        outcomes.Count(o => o.Expected.Title is not null),
        outcomes.Count(o => o.TitleEqual),
        outcomes.Count(o => o.Expected.Published is not null),
        outcomes.Count(o => o.PublishedEqual),
        outcomes.Count(o => o.Expected.Author is not null),
        outcomes.Count(o => o.AuthorEqual),
        outcomes.Sum(o => o.Selectors),
        outcomes.Sum(o => o.Positional),
        outcomes.Count(o => o.Expected.BodyStart is not null),
        outcomes.Count(o => o.BodyHasStart));

    private static double Rate(int count, int of) => of == 0 ? 0 : 100.0 * count / of;
}

/// <summary>
/// Runs the scaffolder on every page of a corpus described by a manifest (the format of
/// <c>shared/corpus/news/manifest.json</c>: <c>[{ page, url, expected: { title, author, date_published } }]</c>)
/// and compares what the scaffolded rules extract with the expected values.
/// </summary>
internal static class ScaffoldEvaluation
{
    public static List<ExpectedPage> ReadManifest(string manifestPath)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
        var pages = new List<ExpectedPage>();
        foreach (var entry in json.RootElement.EnumerateArray())
        {
            var expected = entry.TryGetProperty("expected", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
            DateTimeOffset? published = Text(expected, "date_published") is { } date
                && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
            pages.Add(new ExpectedPage(Text(entry, "page")!, Text(entry, "url"), Text(expected, "title"), Text(expected, "author"), published, Text(expected, "content_first_words")));
        }

        return pages;
    }

    /// <summary>Scaffolds a rule for every page (in parallel) and measures it; outcomes are in manifest order.</summary>
    public static PageOutcome[] Run(IReadOnlyList<ExpectedPage> pages, string pagesFolder, string manifestFolder, int threads)
    {
        var outcomes = new PageOutcome[pages.Count];
        Parallel.For(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, i =>
            outcomes[i] = Evaluate(pages[i], Locate(pages[i].Page, pagesFolder, manifestFolder)));
        return outcomes;
    }

    private static PageOutcome Evaluate(ExpectedPage expected, string path)
    {
        try
        {
            var html = PageText.Decode(File.ReadAllBytes(path));
            var url = expected.Url is { } given && Uri.TryCreate(given, UriKind.Absolute, out var parsed) ? parsed
                : PageUrl.Find(PageParser.Parse(html).Document) ?? new Uri("https://example.invalid/");
            var rule = Scaffolder.Scaffold(html, url, recordName: null, "fixtures/" + Path.GetFileName(path), ScaffoldOptions.Default);
            return new PageOutcome(
                expected,
                Valid: true,
                Error: null,
                rule.Result["title"] as string,
                rule.Result["body"] as string,
                rule.Result["authors"] as IReadOnlyList<string> ?? Array.Empty<string>(),
                rule.Result["publishedAt"] as DateTimeOffset?)
            {
                Selectors = rule.Fields.Sum(f => f.Sources.Count(source => source.Kind == SourceKind.Css)),
                Positional = rule.Fields.Sum(f => f.Sources.Count(source => source.Kind == SourceKind.Css && source.Stability == Stability.Positional)),
            };
        }
        catch (Exception error) when (error is InvalidOperationException or IOException or CliError)
        {
            return new PageOutcome(expected, Valid: false, error.Message, null, null, Array.Empty<string>(), null);
        }
    }

    private static string Locate(string page, string pagesFolder, string manifestFolder)
    {
        var besideManifest = Path.Combine(manifestFolder, page);
        return File.Exists(besideManifest) ? besideManifest : Path.Combine(pagesFolder, Path.GetFileName(page));
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text ? text : null;
}

/// <summary>The comparison rules of the corpus figures (documented in docs/cli.md).</summary>
internal static class Measure
{
    /// <summary>Equal after collapsing whitespace (no-break spaces included) and trimming; case matters.</summary>
    public static bool SameText(string expected, string actual) =>
        string.Equals(TextContent.NormalizeInline(expected), TextContent.NormalizeInline(actual), StringComparison.Ordinal);

    /// <summary>The body contains the first six words of the expected start (whitespace normalised; HTML entities in the manifest decoded).</summary>
    public static bool ContainsStart(string body, string expectedStart)
    {
        var words = System.Net.WebUtility.HtmlDecode(expectedStart).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var start = string.Join(" ", words.Take(6));
        return start.Length > 0 && TextContent.NormalizeInline(body.Replace('\n', ' ')).Contains(start, StringComparison.Ordinal);
    }

    /// <summary>
    /// The expected author string equals the guessed list written as one line: joined with ", ", or as "A and B" /
    /// "A, B and C", compared after whitespace normalisation and ignoring case (bylines are often upper-cased by CSS only).
    /// </summary>
    public static bool SameAuthors(string expected, IReadOnlyList<string> authors)
    {
        if (authors.Count == 0)
        {
            return false;
        }

        var target = TextContent.NormalizeInline(expected);
        var names = authors.Select(TextContent.NormalizeInline).ToList();
        var forms = new List<string> { string.Join(", ", names) };
        if (names.Count > 1)
        {
            forms.Add(string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1]);
        }

        return forms.Exists(form => string.Equals(form, target, StringComparison.OrdinalIgnoreCase));
    }
}
