using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AngleSharp.Dom;

namespace ScrapeDsl.Cli.Scaffold;

/// <summary>The title: h1, headline microdata, OpenGraph/Twitter/other title meta, title-like classes, &lt;title&gt;, JSON-LD headline.</summary>
internal static partial class ArticleGuesser
{
    private static FieldGuess Title(PageEvidence page, ScaffoldOptions options)
    {
        var candidates = new List<Candidate>();
        var document = page.Document;
        var siteName = page.Meta("og:site_name")?.Value;

        var h1Strength = 3;
        foreach (var h1 in document.QuerySelectorAll("h1").Take(6))
        {
            var text = TextContent.Of(h1);
            if (text.Length < 4 || text.Length > 300 || text.Contains('\n') || text == siteName || PageEvidence.InChrome(h1))
            {
                continue;
            }

            if (StableSelector.For(h1) is { } selector)
            {
                candidates.Add(new Candidate(GuessedSource.Css(selector, null, h1Strength == 3 ? "first h1" : "h1"), new[] { text }, h1Strength));
                h1Strength = 2;
            }
        }

        AddElement(candidates, document.QuerySelector("[itemprop=headline]"), "microdata headline", 3);
        AddMeta(candidates, page, "og:title", 2);
        AddMeta(candidates, page, "twitter:title", 1);
        AddMeta(candidates, page, "title", 1);
        AddMeta(candidates, page, "parsely-title", 1);
        AddMeta(candidates, page, "sailthru.title", 1);
        foreach (var element in document.QuerySelectorAll("[class*=headline], [class*=title]").Take(40))
        {
            if (element.LocalName is not ("h1" or "meta" or "title" or "a" or "body" or "html") && !PageEvidence.InChrome(element))
            {
                var text = TextContent.Of(element);
                if (text.Length is >= 4 and <= 300 && !text.Contains('\n') && StableSelector.For(element) is { } selector)
                {
                    candidates.Add(new Candidate(GuessedSource.Css(selector, null, "class " + ClassHint(element, "title", "headline")), new[] { text }, 1));
                }
            }
        }

        if (document.QuerySelector("title") is { } title && TextContent.Of(title) is { Length: > 0 } titleText)
        {
            // Inline SVG icons have titles of their own: then only the head's is the page's.
            var selector = document.QuerySelectorAll("title").Length == 1 ? "title" : "head > title";
            candidates.Add(new Candidate(new GuessedSource(SourceKind.Css, selector, null, "<title>"), new[] { titleText }, 1));
        }

        if (page.JsonLd?.Headline is { } headline)
        {
            candidates.Add(new Candidate(GuessedSource.JsonLd("headline"), new[] { Normalize(headline) }, 3));
        }

        // "Headline | Site" in <title> or og:title supports "Headline"; and a real headline shows up in <title>.
        var values = candidates.Select(c => c.Values[0]).Distinct().ToList();
        foreach (var candidate in candidates.ToList())
        {
            var value = candidate.Values[0];
            if (values.FirstOrDefault(other => other.Length >= 8 && other.Length < value.Length && StartsWithThenSeparator(Loose(value), Loose(other))) is { } shorter)
            {
                candidates.Add(new Candidate(GuessedSource.Hint(candidate.Source.Evidence + " minus its site suffix"), new[] { shorter }, candidate.Strength));
            }
        }

        var titleElement = document.QuerySelector("title") is { } t ? TextContent.Of(t) : string.Empty;
        return Agreement.Choose("title", "string", many: false, required: true, candidates, Key, options, key => key.Length > 0 && Loose(titleElement).Contains(Loose(key), StringComparison.Ordinal) ? 2 : 0)
            ?? new FieldGuess("title", "string", false, true, new[] { new GuessedSource(SourceKind.Css, "title", null, "<title> (nothing better on the page)") }, "<title>", Array.Empty<string>());
    }

    /// <summary>Typographic quotes and dashes folded to ASCII: og:title and &lt;title&gt; often straighten what the h1 curls.</summary>
    private static string Loose(string text) => text
        .Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"')
        .Replace('\u2013', '-').Replace('\u2014', '-');

    private static bool StartsWithThenSeparator(string text, string prefix)
    {
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text.AsSpan(prefix.Length).TrimStart();
        return rest.Length > 0 && rest[0] is '|' or '-' or '–' or '—' or ':' or '：' or '｜' or '/' or '«' or '·' or '•';
    }
}
