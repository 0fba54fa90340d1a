using System;
using System.Collections.Generic;
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
    public (string Selector, string Attribute, string Value)? Meta(string key)
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
                        return (selector, valueAttribute, value);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>All non-empty contents of a repeated meta tag (e.g. <c>article:tag</c>), with the selector that reads them.</summary>
    public (string Selector, string Attribute, List<string> Values)? MetaAll(string key)
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
                    return (selector, valueAttribute, values);
                }
            }
        }

        return null;
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
