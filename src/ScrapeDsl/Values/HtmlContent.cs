using System;
using System.Collections.Generic;
using AngleSharp.Dom;
using Ganss.Xss;

namespace ScrapeDsl;

/// <summary>
/// The meaning of <c>value: html</c>: the element's inner HTML without removed elements, passed through
/// HtmlSanitizer (scripts, event handlers and dangerous URLs dropped; relative URLs made absolute against the page base).
/// </summary>
public static class HtmlContent
{
    private static readonly HtmlSanitizer s_sanitizer = new();

    /// <summary>The sanitized inner HTML of <paramref name="element"/>.</summary>
    public static string Of(IElement element, Uri? baseUri) => Of(element, null, baseUri);

    internal static string Of(IElement element, RemovedView? removed, Uri? baseUri)
    {
        var html = removed is null || removed.IsEmpty ? element.InnerHtml : InnerHtmlWithout(element, removed);
        return s_sanitizer.Sanitize(html, baseUri?.AbsoluteUri ?? string.Empty).Trim();
    }

    /// <summary>
    /// Serializes a deep clone from which the removed elements are detached: walking the original and the clone
    /// side by side maps each removed original to its copy, and the caller's document is left untouched.
    /// </summary>
    private static string InnerHtmlWithout(IElement element, RemovedView removed)
    {
        var clone = (IElement)element.Clone(deep: true);
        var detach = new List<INode>();
        var originals = new Stack<INode>();
        var copies = new Stack<INode>();
        originals.Push(element);
        copies.Push(clone);
        while (originals.Count > 0)
        {
            var original = originals.Pop();
            var copy = copies.Pop();
            for (var i = 0; i < original.ChildNodes.Length; i++)
            {
                var child = original.ChildNodes[i];
                if (child is IElement childElement && removed.Contains(childElement))
                {
                    detach.Add(copy.ChildNodes[i]);
                }
                else if (child.HasChildNodes)
                {
                    originals.Push(child);
                    copies.Push(copy.ChildNodes[i]);
                }
            }
        }

        foreach (var node in detach)
        {
            node.Parent?.RemoveChild(node);
        }

        return clone.InnerHtml;
    }
}
