using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;

namespace ScrapeDsl;

/// <summary>
/// The meaning of <c>value: html</c>: the element's inner HTML without removed elements, passed through
/// HtmlSanitizer (scripts, event handlers and dangerous URLs dropped; relative URLs made absolute against the page base).
/// </summary>
/// <remarks>
/// HtmlSanitizer's string API serializes nothing itself but parses its input into a new document (a browsing
/// context, a tokenizer and load events per call: ~80 µs and ~22 KB for RBC's three-line lead, more than the rest of
/// the rule). The element is already parsed, so its children are imported into a scratch document made once per
/// thread by the sanitizer's own parser (so CSS is enabled exactly as in the string API), sanitized there with
/// <see cref="HtmlSanitizer.SanitizeDom(IHtmlDocument, IHtmlElement?, string)"/>, serialized, and cleared.
/// The caller's document is never touched. <c>HtmlContentTests</c> compares this with the string API on every
/// element of the example pages.
/// <para>
/// Markup the sanitizer has nothing to take out of (text and allowed elements without attributes, such as RBC's
/// <c>&lt;span&gt;</c> lead) is serialized as it stands, with the sanitizer's formatter: the scratch copy and the
/// sanitizer's pass would return the same text, and on RBC's lead right after a parse they cost 25–42 µs against 8–9 µs
/// (docs/performance.md).
/// </para>
/// </remarks>
public static class HtmlContent
{
    private static readonly HtmlSanitizer s_sanitizer = new();

    /// <summary>
    /// Elements that the sanitizer keeps as they are when they have no attributes: allowed, no content of their own to
    /// sanitize (CSS, templates, foreign markup) and no raw text.
    /// </summary>
    private static readonly FrozenSet<string> s_plainTags = new[]
    {
        "a", "abbr", "article", "aside", "b", "bdi", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dfn",
        "div", "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "i", "ins", "kbd", "li", "main", "mark", "nav", "ol", "p", "q", "s", "samp", "section", "small", "span",
        "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    }.Where(s_sanitizer.AllowedTags.Contains).ToFrozenSet(StringComparer.Ordinal);

    [ThreadStatic]
    private static IHtmlDocument? t_scratch;

    // The node stack of IsPlain, kept by each thread as the walks keep theirs (see FrameStack).
    [ThreadStatic]
    private static NodeFrame[]? t_plainFrames;

    /// <summary>The sanitized inner HTML of <paramref name="element"/>.</summary>
    public static string Of(IElement element, Uri? baseUri) => Of(element, null, baseUri);

    internal static string Of(IElement element, RemovedView? removed, Uri? baseUri)
    {
        var baseUrl = baseUri?.AbsoluteUri ?? string.Empty;
        if (HoldsRawText(element))
        {
            // Its children are one text node that the string API would parse as markup: keep that meaning.
            return s_sanitizer.Sanitize(element.InnerHtml, baseUrl).Trim();
        }

        if (removed is not null && removed.IsEmpty)
        {
            removed = null;
        }

        if (IsPlain(element, removed))
        {
            return element.ChildNodes.ToHtml(s_sanitizer.OutputFormatter).Trim();
        }

        var scratch = t_scratch ??= s_sanitizer.HtmlParserFactory().ParseDocument("<!doctype html><html><body></body></html>");
        var body = scratch.Body!;
        try
        {
            Import(element, removed, scratch, body);
            s_sanitizer.SanitizeDom(scratch, body, baseUrl);
            return body.ChildNodes.ToHtml(s_sanitizer.OutputFormatter).Trim();
        }
        finally
        {
            while (body.LastChild is { } child)
            {
                body.RemoveChild(child);
            }
        }
    }

    /// <summary>Elements whose content the HTML parser keeps as unparsed text (script, style, textarea, ...).</summary>
    private static bool HoldsRawText(IElement element) =>
        element.NamespaceUri == AngleSharp.Dom.NamespaceNames.HtmlUri
        && element.LocalName is "script" or "style" or "textarea" or "title" or "xmp" or "iframe" or "noembed" or "noframes" or "noscript" or "plaintext";

    /// <summary>
    /// True when every node under <paramref name="element"/> is text or a plain element (<see cref="s_plainTags"/>, no
    /// attributes, not removed): the sanitizer would leave all of it as it is. Comments are not plain (it drops them).
    /// One walk over every node, reading each child list once.
    /// </summary>
    private static bool IsPlain(IElement element, RemovedView? removed)
    {
        var frames = FrameStack.Take(ref t_plainFrames);
        frames[0] = new NodeFrame(element.ChildNodes);
        var depth = 1;
        var deepest = 1;
        try
        {
            while (depth > 0)
            {
                ref var frame = ref frames[depth - 1];
                if (++frame.Index >= frame.Nodes.Length)
                {
                    depth--;
                    continue;
                }

                var node = frame.Nodes[frame.Index];
                if (node.NodeType == NodeType.Text)
                {
                    continue;
                }

                if (node is not IElement child
                    || child.NamespaceUri != AngleSharp.Dom.NamespaceNames.HtmlUri
                    || !s_plainTags.Contains(child.LocalName)
                    || child.Attributes.Length > 0
                    || (removed is not null && removed.Contains(child)))
                {
                    return false;
                }

                if (child.ChildNodes.Length > 0)
                {
                    if (depth == frames.Length)
                    {
                        Array.Resize(ref frames, depth * 2);
                    }

                    frames[depth++] = new NodeFrame(child.ChildNodes);
                    deepest = Math.Max(deepest, depth);
                }
            }

            return true;
        }
        finally
        {
            FrameStack.Keep(ref t_plainFrames, frames, deepest);
        }
    }

    /// <summary>
    /// Copies the children of <paramref name="element"/> into <paramref name="body"/>, leaving out removed elements:
    /// walking the original and the copy side by side maps each removed original to its copy.
    /// </summary>
    private static void Import(IElement element, RemovedView? removed, IHtmlDocument scratch, IElement body)
    {
        foreach (var child in element.ChildNodes)
        {
            body.AppendChild(scratch.Import(child, deep: true));
        }

        if (removed is null)
        {
            return;
        }

        var detach = new List<INode>();
        var originals = new Stack<INode>();
        var copies = new Stack<INode>();
        originals.Push(element);
        copies.Push(body);
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
    }
}
