using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AngleSharp.Dom;

namespace ScrapeDsl.Cli.Scaffold;

/// <summary>The publication date: publication meta, microdata, time[datetime], date attributes and classes, JSON-LD datePublished.</summary>
internal static partial class ArticleGuesser
{
    private static readonly string[] s_dateMetas =
    {
        "article:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate", "publish-date",
        "date", "DC.date.issued", "dc.date.issued", "dc.date", "DC.date", "sailthru.date", "parsely-pub-date",
        "article.published", "article_date_original", "published_at", "og:published_time", "publication_date", "cXenseParse:recs:publishtime", "date_published", "pub_date",
    };

    private static FieldGuess? PublishedAt(PageEvidence page, ScaffoldOptions options)
    {
        var candidates = new List<Candidate>();
        var document = page.Document;
        foreach (var key in s_dateMetas)
        {
            if (page.Meta(key) is { } meta && IsDate(meta.Value))
            {
                candidates.Add(new Candidate(GuessedSource.Meta(meta, key + " meta"), meta.Values, key.Contains("published", StringComparison.OrdinalIgnoreCase) || key == "datePublished" ? 3 : 2));
            }
        }

        foreach (var element in document.QuerySelectorAll("[itemprop=datePublished]:not(meta)").Take(3))
        {
            foreach (var attribute in new[] { "datetime", "content" })
            {
                if (element.GetAttribute(attribute) is { } value && IsDate(value) && StableSelector.For(element) is { } selector)
                {
                    candidates.Add(new Candidate(GuessedSource.Css(selector, attribute, "microdata datePublished"), new[] { TextContent.NormalizeInline(value) }, 3));
                }
            }
        }

        var timeStrength = 2;
        foreach (var time in document.QuerySelectorAll("time[datetime]").Take(4))
        {
            var value = TextContent.NormalizeInline(time.GetAttribute("datetime")!);
            if (IsDate(value) && !PageEvidence.InChrome(time) && !Mentions(time, "modif", "updat") && StableSelector.For(time) is { } selector)
            {
                candidates.Add(new Candidate(GuessedSource.Css(selector, "datetime", time.HasAttribute("pubdate") ? "time[pubdate]" : "time[datetime]"), new[] { value }, timeStrength));
                timeStrength = 1;
            }
        }

        // Dates in other attributes: data-published, data-date, content on a visible element…
        var found = 0;
        foreach (var element in document.Body?.QuerySelectorAll("*") ?? Enumerable.Empty<IElement>())
        {
            if (found >= 4)
            {
                break;
            }

            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name;
                if (name is "datetime" or "class" or "id" or "style" or "href" or "src" || !(name.Contains("publish") || name.Contains("date"))
                    || name.Contains("modif") || name.Contains("updat") || !IsDate(attribute.Value) || PageEvidence.InChrome(element) || StableSelector.For(element) is not { } selector)
                {
                    continue;
                }

                candidates.Add(new Candidate(GuessedSource.Css(selector, name, "attribute " + name), new[] { TextContent.NormalizeInline(attribute.Value) }, name.Contains("publish") ? 2 : 1));
                found++;
            }
        }

        foreach (var element in document.QuerySelectorAll("[class*=date], [class*=published], [class*=timestamp]").Take(20))
        {
            var text = TextContent.Of(element);
            if (element.LocalName is not ("meta" or "body") && text.Length is >= 8 and <= 40 && IsDate(text) && !Mentions(element, "modif", "updat") && StableSelector.For(element) is { } selector)
            {
                candidates.Add(new Candidate(GuessedSource.Css(selector, null, "class " + ClassHint(element, "date", "published", "timestamp") + " text"), new[] { text }, 1));
            }
        }

        AddTextDates(candidates, page);

        if (page.JsonLd?.DatePublished is { } published && IsDate(published))
        {
            candidates.Add(new Candidate(GuessedSource.JsonLd("datePublished"), new[] { published }, 3));
        }

        return Agreement.Choose("publishedAt", "datetime", many: false, required: false, candidates, DateKey, options);
    }

    /// <summary>
    /// Dates the page shows only as text in its language's form (<see cref="TextDates"/>): the first three leaf elements
    /// outside page chrome whose whole text is such a date, each with the <c>date</c> step that reads it. Weak evidence
    /// (a date in a list of related articles looks the same), stronger in a <c>time</c> element or a date-like class.
    /// </summary>
    private static void AddTextDates(List<Candidate> candidates, PageEvidence page)
    {
        if (TextDates.ZoneOf(page.Document) is not { } zone || page.Document.Body is not { } body)
        {
            return;
        }

        var found = 0;
        foreach (var element in body.QuerySelectorAll("*"))
        {
            if (found == 3)
            {
                break;
            }

            if (element.ChildElementCount > 0 || element.LocalName is "script" or "style" or "option" || PageEvidence.InChrome(element))
            {
                continue;
            }

            var text = TextContent.NormalizeInline(element.TextContent);
            if (text.Length is < 8 or > 24 || TextDates.FormatOf(text) is not { } format)
            {
                continue;
            }

            var date = new TextDate(format, zone);
            if (TextDates.Instant(text, date) is not { } instant || Mentions(element, "modif", "updat") || StableSelector.For(element) is not { } selector)
            {
                continue;
            }

            var named = element.LocalName == "time" || element.ClassName is { } classes && (classes.Contains("date", StringComparison.OrdinalIgnoreCase) || classes.Contains("publish", StringComparison.OrdinalIgnoreCase));
            candidates.Add(new Candidate(GuessedSource.Css(selector, null, "date text '" + format + "' in " + zone) with { Date = date }, new[] { instant }, named ? 2 : 1));
            found++;
        }
    }

    private static bool IsDate(string text) => Conversions.TryDateTime(text.Trim(), out var instant) && instant.Year is >= 1995 and <= 2100;

    private static bool Mentions(IElement element, params string[] words)
    {
        var hay = (element.ClassName ?? string.Empty) + " " + (element.GetAttribute("itemprop") ?? string.Empty) + " " + (element.ParentElement?.ClassName ?? string.Empty);
        return words.Any(word => hay.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    private static string? DateKey(IReadOnlyList<string> values) =>
        values.Count == 1 && Conversions.TryDateTime(values[0].Trim(), out var instant) ? instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : null;
}
