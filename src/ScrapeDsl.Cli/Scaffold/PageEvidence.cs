using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;

namespace ScrapeDsl.Cli.Scaffold;

/// <summary>What a saved page says about itself: its document, its JSON-LD article and its meta tags, read once.</summary>
internal sealed class PageEvidence
{
    private static readonly string[] s_valueAttributes = { "content", "value" };

    private PageEvidence(IDocument document, Uri? url)
    {
        Document = document;
        Url = url;
        JsonLd = JsonLdArticle.Find(document);
    }

    public IDocument Document { get; }

    public Uri? Url { get; }

    public JsonLdArticle? JsonLd { get; }

    public static PageEvidence Read(IDocument document, Uri? url) => new(document, url);

    /// <summary>
    /// A meta tag by <c>property</c>, <c>name</c> or <c>itemprop</c>: a selector that reads it, the attribute holding
    /// its value (<c>content</c>, or <c>value</c> as some saved pages have it) and the normalised value; or null.
    /// The selector names the key attribute the page uses, so it keeps working as long as the tag does.
    /// </summary>
    public MetaTag? Meta(string key)
    {
        foreach (var keyAttribute in new[] { "property", "name", "itemprop" })
        {
            var selector = "meta[" + keyAttribute + "='" + key + "']";
            if (Document.QuerySelector(selector) is { } meta)
            {
                foreach (var valueAttribute in s_valueAttributes)
                {
                    var value = TextContent.NormalizeInline(meta.GetAttribute(valueAttribute) ?? string.Empty);
                    if (value.Length > 0)
                    {
                        var metaSource = MetaSourceValues(key, all: false);
                        return new MetaTag(key, selector, valueAttribute, new[] { value }, metaSource.Count == 1 && metaSource[0] == value);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>All non-empty contents of a repeated meta tag (e.g. <c>article:tag</c>), with the selector that reads them.</summary>
    public MetaTag? MetaAll(string key)
    {
        foreach (var keyAttribute in new[] { "property", "name" })
        {
            var selector = "meta[" + keyAttribute + "='" + key + "']";
            foreach (var valueAttribute in s_valueAttributes)
            {
                var values = new List<string>();
                var all = true;
                foreach (var meta in Document.QuerySelectorAll(selector))
                {
                    var value = TextContent.NormalizeInline(meta.GetAttribute(valueAttribute) ?? string.Empty);
                    all &= value.Length > 0;
                    values.Add(value);
                }

                if (values.Count > 0 && all)
                {
                    return new MetaTag(key, selector, valueAttribute, values, MetaSourceValues(key, all: true).SequenceEqual(values));
                }
            }
        }

        return null;
    }

    /// <summary>
    /// What a rule's <c>meta: key</c> source reads on this page (the runtime's meaning: every meta tag whose
    /// <c>name</c> or <c>property</c> is the key, ASCII case-insensitively, in document order; its <c>content</c>,
    /// else its <c>value</c>); only the first unless <paramref name="all"/>.
    /// </summary>
    private List<string> MetaSourceValues(string key, bool all)
    {
        var values = new List<string>();
        foreach (var meta in Document.QuerySelectorAll("meta"))
        {
            if (string.Equals(meta.GetAttribute("name")?.Trim(), key, StringComparison.OrdinalIgnoreCase)
                || string.Equals(meta.GetAttribute("property")?.Trim(), key, StringComparison.OrdinalIgnoreCase))
            {
                values.Add(TextContent.NormalizeInline(meta.GetAttribute("content") ?? meta.GetAttribute("value") ?? string.Empty));
                if (!all)
                {
                    break;
                }
            }
        }

        return values;
    }

    /// <summary>The value the runtime reads from an element: its normalised text, or an attribute.</summary>
    public static string ValueOf(IElement element, string? attribute) =>
        attribute is null ? TextContent.Of(element) : TextContent.NormalizeInline(element.GetAttribute(attribute) ?? string.Empty);

    /// <summary>True when the element sits in page chrome (navigation, footer, aside) rather than the article.</summary>
    public static bool InChrome(IElement element)
    {
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (current.LocalName is "nav" or "footer" or "aside")
            {
                return true;
            }

            var role = current.GetAttribute("role");
            if (role is "navigation" or "contentinfo" or "complementary")
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A meta tag (or a repeated one) that gives a field's value, and how a rule can read it.</summary>
/// <param name="Key">Its <c>property</c>, <c>name</c> or <c>itemprop</c>.</param>
/// <param name="Selector">A CSS selector that reads it, naming the key attribute the page uses.</param>
/// <param name="Attribute">The attribute holding its value: <c>content</c>, or <c>value</c> as some saved pages have it.</param>
/// <param name="Values">The normalised values.</param>
/// <param name="ReadByMetaSource">
/// True when a <c>meta: key</c> source gives the same values. That source is what a rule should say: it reads
/// <c>property</c> and <c>name</c>, <c>content</c> and <c>value</c> alike, so it keeps working on the live page when the
/// saved copy was rewritten (pages saved by Postlight Parser's tooling have <c>value</c> where the site writes <c>content</c>).
/// </param>
internal sealed record MetaTag(string Key, string Selector, string Attribute, IReadOnlyList<string> Values, bool ReadByMetaSource)
{
    /// <summary>The first value (the only one of a single tag).</summary>
    public string Value => Values[0];
}
