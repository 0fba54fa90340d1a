using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AngleSharp.Dom;

namespace ScrapeDsl.Cli.Scaffold;

/// <summary>The authors: JSON-LD, microdata, rel=author, author meta, links to author pages, byline classes; only name-like values.</summary>
internal static partial class ArticleGuesser
{
    private static readonly string[] s_authorPaths = { "/author/", "/authors/", "/profile/", "/people/", "/staff/", "/writer/", "/writers/", "/contributor/", "/contributors/", "/journalist/", "/by/" };

    private static readonly char[] s_notInNames = { '©', '|', '/', '(', ')', '[', ']', '#', '»', '«' };

    private static FieldGuess? Authors(PageEvidence page, ScaffoldOptions options)
    {
        var candidates = new List<Candidate>();
        var document = page.Document;

        AddElements(candidates, document.QuerySelectorAll("[itemprop=author] [itemprop=name]").ToList(), "microdata author name", 3, NameLike);
        AddElements(candidates, document.QuerySelectorAll("[itemprop=author]").Where(e => e.QuerySelector("[itemprop=name]") is null).ToList(), "microdata author", 2, NameLike);
        AddElements(candidates, document.QuerySelectorAll("a[rel=author]").ToList(), "rel=author", 3, NameLike);
        foreach (var key in new[] { "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "DC.creator" })
        {
            if (page.Meta(key) is { } meta && NameLike(meta.Value))
            {
                candidates.Add(new Candidate(GuessedSource.Meta(meta, key + " meta"), meta.Values, 2));
            }
        }

        // Links to author pages: the href pattern is the selector, when every such link on the page is a distinct name.
        foreach (var pattern in s_authorPaths)
        {
            var selector = "a[href*='" + pattern + "']";
            var links = document.QuerySelectorAll(selector);
            var names = links.Select(TextContent.Of).ToList();
            if (links.Length is > 0 and <= 4 && names.All(NameLike) && names.Distinct(StringComparer.OrdinalIgnoreCase).Count() == names.Count)
            {
                candidates.Add(new Candidate(new GuessedSource(SourceKind.Css, selector, null, "links to " + pattern + " pages"), names, 2));
            }
        }

        // Byline containers by class name: the element itself when it holds just a name, else the links in it.
        foreach (var byline in document.QuerySelectorAll("[class*=author], [class*=byline], [class*=Author], [class*=Byline]").Take(30))
        {
            if (byline.LocalName is "meta" or "body" or "html" || PageEvidence.InChrome(byline))
            {
                continue;
            }

            var text = TextContent.Of(byline);
            if (NameLike(text))
            {
                // A wrapper around the element that holds just the name: that element is the better selector.
                var inner = byline;
                while (inner.Children.FirstOrDefault(child => TextContent.Of(child) == text) is { } child)
                {
                    inner = child;
                }

                AddElements(candidates, new[] { inner }, "class " + ClassHint(byline, "author", "byline"), 1, NameLike);
            }
            else if (text.Length < 300)
            {
                AddElements(candidates, byline.QuerySelectorAll("a").Where(a => NameLike(TextContent.Of(a))).ToList(), "links in class " + ClassHint(byline, "author", "byline"), 1, NameLike);
            }
        }

        if (page.JsonLd is { Authors.Count: > 0 } jsonLd)
        {
            var names = jsonLd.Authors.Select(Normalize).ToList();
            candidates.Add(new Candidate(GuessedSource.JsonLd("author.name"), names, 3));
            var elements = names.Select(name => LeafWithText(document, name)).ToList();
            if (elements.All(e => e is not null))
            {
                AddElements(candidates, elements!, "text equal to JSON-LD author", 2, NameLike);
            }
        }

        return Agreement.Choose("authors", "string", many: true, required: false, candidates, ListKey, options);
    }

    /// <summary>"By Jane Doe", "ByJane Doe" (a byline whose "By" sits in its own element), "by: Jane".</summary>
    private static bool StartsWithBy(string text) =>
        text.Length > 3 && text.StartsWith("by", StringComparison.OrdinalIgnoreCase) && (text[2] is ' ' or ':' || char.IsUpper(text[2]));

    private static bool NameLike(string text)
    {
        if (text.Length is < 3 or > 60 || text.Contains('\n') || text.Contains("http", StringComparison.OrdinalIgnoreCase) || text.Contains('@'))
        {
            return false;
        }

        if (text.Any(char.IsDigit) || text.IndexOfAny(s_notInNames) >= 0 || StartsWithBy(text) || text.Contains("photo", StringComparison.OrdinalIgnoreCase) || text.Contains("image", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words <= 6 && !text.Contains("author", StringComparison.OrdinalIgnoreCase) && !text.EndsWith(':');
    }

    private static IElement? LeafWithText(IDocument document, string text)
    {
        foreach (var element in document.Body?.QuerySelectorAll("a, span, div, p, strong, b, li, address") ?? Enumerable.Empty<IElement>())
        {
            if (element.ChildElementCount <= 1 && string.Equals(TextContent.Of(element), text, StringComparison.OrdinalIgnoreCase))
            {
                return element;
            }
        }

        return null;
    }
}
