using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using System.Text;
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

    [ThreadStatic]
    private static MarkupFrame[]? t_markupFrames;

    /// <summary>A scratch body with more children than this is dropped rather than emptied (see <see cref="Clear"/>).</summary>
    private const int ClearedOneByOne = 256;

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
            return Markup(element.ChildNodes, s_sanitizer.OutputFormatter).Trim();
        }

        var scratch = t_scratch ??= s_sanitizer.HtmlParserFactory().ParseDocument("<!doctype html><html><body></body></html>");
        var body = scratch.Body!;
        try
        {
            Import(element, removed, scratch, body);
            s_sanitizer.SanitizeDom(scratch, body, baseUrl);
            return Markup(body.ChildNodes, s_sanitizer.OutputFormatter).Trim();
        }
        finally
        {
            Clear(body);
        }
    }

    /// <summary>
    /// Empties the scratch body for the next value. AngleSharp finds a child to remove by searching its parent's list
    /// from the start, so removing the children of a wide body one by one would cost the square of their number; such
    /// a body is dropped with its document instead, and the next value makes a new one.
    /// </summary>
    private static void Clear(IElement body)
    {
        if (body.ChildNodes.Length > ClearedOneByOne)
        {
            t_scratch = null;
            return;
        }

        while (body.LastChild is { } child)
        {
            body.RemoveChild(child);
        }
    }

    /// <summary>
    /// The markup of <paramref name="nodes"/> exactly as AngleSharp's <c>ToHtml</c> writes it with
    /// <paramref name="formatter"/>, in time proportional to the number of nodes. AngleSharp's serializer finds where
    /// each element ends through <c>NextSibling</c>, which searches the parent's child list from the start, so markup
    /// with n sibling nodes costs n²: a page of 500,000 sibling paragraphs kept <c>value: html</c> busy for 87 s.
    /// <c>HtmlContentTests</c> compare the two on every element of the example pages.
    /// </summary>
    internal static string Markup(INodeList nodes, IMarkupFormatter formatter)
    {
        var markup = new StringBuilder();
        var frames = FrameStack.Take(ref t_markupFrames);
        frames[0] = new MarkupFrame(nodes, null);
        var depth = 1;
        var deepest = 1;
        try
        {
            while (depth > 0)
            {
                ref var frame = ref frames[depth - 1];
                if (++frame.Index >= frame.Nodes.Length)
                {
                    if (frame.Owner is { } owner)
                    {
                        markup.Append(formatter.CloseTag(owner, IsSelfClosing(owner)));
                    }

                    depth--;
                    continue;
                }

                // The same tests, in the same order, as AngleSharp's Node.ToHtml.
                var node = frame.Nodes[frame.Index];
                if (node is IComment comment)
                {
                    markup.Append(formatter.Comment(comment));
                }
                else if (node is IProcessingInstruction instruction)
                {
                    markup.Append(formatter.Processing(instruction));
                }
                else if (node is ICharacterData text)
                {
                    markup.Append(text.Parent is { } parent && (parent.Flags & NodeFlags.LiteralText) != 0 ? formatter.LiteralText(text) : formatter.Text(text));
                }
                else if (node is IDocumentType doctype)
                {
                    markup.Append(formatter.Doctype(doctype));
                }
                else if (node is IElement element)
                {
                    var selfClosing = IsSelfClosing(element);
                    markup.Append(formatter.OpenTag(element, selfClosing));
                    if (!selfClosing && (element.Flags & NodeFlags.LineTolerance) != 0 && element.FirstChild is IText { Data: ['\n', ..] })
                    {
                        markup.Append('\n'); // pre, textarea, listing: the parser drops a first line feed, so it is doubled
                    }

                    var template = (element as IHtmlTemplateElement)?.Content;
                    if (template is null && !element.HasChildNodes)
                    {
                        markup.Append(formatter.CloseTag(element, selfClosing));
                        continue;
                    }

                    // The element's own children, then its closing tag; a template's content comes before them.
                    FrameStack.Push(ref frames, ref depth, ref deepest, new MarkupFrame(element.ChildNodes, element));
                    if (template is not null)
                    {
                        FrameStack.Push(ref frames, ref depth, ref deepest, new MarkupFrame(template.ChildNodes, null));
                    }
                }
            }

            return markup.ToString();
        }
        finally
        {
            FrameStack.Keep(ref t_markupFrames, frames, deepest);
        }
    }

    private static bool IsSelfClosing(IElement element) => (element.Flags & NodeFlags.SelfClosing) != 0;

    /// <summary>A position in a child list whose end closes <see cref="Owner"/> (none for a template's content or the top list).</summary>
    private struct MarkupFrame(INodeList nodes, IElement? owner)
    {
        public readonly INodeList Nodes = nodes;
        public readonly IElement? Owner = owner;
        public int Index = -1;
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
                    FrameStack.Push(ref frames, ref depth, ref deepest, new NodeFrame(child.ChildNodes));
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
    /// Copies the children of <paramref name="element"/> into <paramref name="body"/> node by node, leaving out removed
    /// elements and the HTML elements the sanitizer would take out with their content (tags it does not allow; it keeps
    /// no child nodes of those). Not copying them costs nothing, while removing them from a copy, as a removal list or
    /// the sanitizer does, searches their parent's child list each time: the square of a wide parent's children (200,000
    /// sibling scripts took the sanitizer 17 s).
    /// </summary>
    private static void Import(IElement element, RemovedView? removed, IHtmlDocument scratch, IElement body)
    {
        var originals = new Stack<INode>();
        var copies = new Stack<INode>();
        originals.Push(element);
        copies.Push(body);
        while (originals.Count > 0)
        {
            var original = originals.Pop();
            var copy = copies.Pop();
            foreach (var child in original.ChildNodes)
            {
                if (child is IElement childElement
                    && ((removed is not null && removed.Contains(childElement))
                        || (childElement.NamespaceUri == AngleSharp.Dom.NamespaceNames.HtmlUri && !s_sanitizer.AllowedTags.Contains(childElement.LocalName))))
                {
                    continue;
                }

                // A template's content is not among its children, so a template is copied whole.
                var whole = !child.HasChildNodes || child is IHtmlTemplateElement;
                var childCopy = copy.AppendChild(scratch.Import(child, deep: whole));
                if (!whole)
                {
                    originals.Push(child);
                    copies.Push(childCopy);
                }
            }
        }
    }
}
