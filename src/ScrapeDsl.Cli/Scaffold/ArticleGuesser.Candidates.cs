using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AngleSharp.Dom;

namespace ScrapeDsl.Cli.Scaffold;

/// <summary>Turning meta tags and elements into candidates, and the keys candidates are grouped by.</summary>
internal static partial class ArticleGuesser
{
    private static void AddMeta(List<Candidate> candidates, PageEvidence page, string key, int strength)
    {
        if (page.Meta(key) is { } meta)
        {
            candidates.Add(new Candidate(GuessedSource.Meta(meta, key + " meta"), meta.Values, strength));
        }
    }

    private static void AddElement(List<Candidate> candidates, IElement? element, string evidence, int strength)
    {
        if (element is null)
        {
            return;
        }

        var attribute = element.LocalName == "meta" || (element.HasAttribute("content") && TextContent.Of(element).Length == 0) ? "content" : null;
        var value = PageEvidence.ValueOf(element, attribute);
        if (value.Length > 0 && StableSelector.For(element) is { } selector)
        {
            candidates.Add(new Candidate(GuessedSource.Css(selector, attribute, evidence), new[] { value }, strength));
        }
    }

    /// <summary>Adds a list candidate for elements that each give an acceptable, distinct value, if one selector matches exactly them.</summary>
    private static void AddElements(List<Candidate> candidates, IReadOnlyList<IElement> elements, string evidence, int strength, Func<string, bool> accept)
    {
        if (elements.Count == 0)
        {
            return;
        }

        var attribute = elements[0].LocalName == "meta" ? "content" : null;
        var kept = new List<IElement>();
        var values = new List<string>();
        foreach (var element in elements)
        {
            var value = PageEvidence.ValueOf(element, attribute);
            if (value.Length == 0 || !accept(value))
            {
                return; // the rule would read this element too: a list with junk in it is no candidate
            }

            if (!values.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                values.Add(value);
                kept.Add(element);
            }
        }

        if (values.Count > 4 && evidence.Contains("author", StringComparison.Ordinal))
        {
            return; // more names than a byline has: a list of other stories' authors
        }

        if (StableSelector.ForAll(kept) is { } selector)
        {
            candidates.Add(new Candidate(GuessedSource.Css(selector, attribute, evidence), values, strength));
        }
    }

    private static bool TagLike(string text) => text.Length is > 0 and <= 50 && !text.Contains('\n');

    private static string ClassHint(IElement element, params string[] words)
    {
        foreach (var cls in element.ClassList)
        {
            if (words.Any(word => cls.Contains(word, StringComparison.OrdinalIgnoreCase)))
            {
                return cls;
            }
        }

        return element.ClassName ?? element.LocalName;
    }

    /// <summary>Whitespace collapsed and trimmed (what the runtime does to text).</summary>
    public static string Normalize(string text) => TextContent.NormalizeInline(text);

    private static string? Key(IReadOnlyList<string> values) => values.Count == 1 ? Normalize(values[0]) : null;

    private static string? ListKey(IReadOnlyList<string> values) => string.Join("|", values.Select(v => Normalize(v).ToLowerInvariant()));

    private static string? UrlKey(IReadOnlyList<string> values, Uri? pageUrl) =>
        values.Count == 1 && Conversions.TryUrl(values[0].Trim(), pageUrl, out var url) && url.IsAbsoluteUri ? url.AbsoluteUri : null;
}
