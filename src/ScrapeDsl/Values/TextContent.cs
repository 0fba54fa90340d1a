using System;
using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using AngleSharp.Dom;

namespace ScrapeDsl;

/// <summary>
/// The meaning of <c>value: text</c>: the text a reader sees, with runs of whitespace (including no-break spaces)
/// collapsed to one space, each block element (paragraph, heading, list item, <c>br</c>…) on its own line,
/// lines trimmed, empty lines dropped, lines joined with <c>\n</c>. Scripts, styles and removed elements contribute nothing.
/// </summary>
public static class TextContent
{
    private static readonly FrozenSet<string> s_blocks = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
        "pre", "section", "summary", "table", "td", "th", "tr", "ul");

    private static readonly FrozenSet<string> s_invisible = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "script", "style", "noscript", "template", "iframe", "object", "head", "title", "svg");

    // Exactly the characters char.IsWhiteSpace accepts (all 25 of them), for vectorized searches.
    private static readonly SearchValues<char> s_whitespace = SearchValues.Create(
        "\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    [ThreadStatic]
    private static StringBuilder? t_builder;

    /// <summary>The element's text as defined above, or an empty string.</summary>
    public static string Of(IElement element) => Of(element, null);

    internal static string Of(IElement element, RemovedView? removed)
    {
        var builder = t_builder ?? new StringBuilder(1024);
        t_builder = null;
        builder.Clear();
        var writer = new LineWriter(builder);
        var stack = ArrayPool<NodeFrame>.Shared.Rent(32);
        try
        {
            var depth = 0;
            stack[depth++] = new NodeFrame(element.ChildNodes);
            while (depth > 0)
            {
                ref var frame = ref stack[depth - 1];
                frame.Index++;
                if (frame.Index >= frame.Nodes.Length)
                {
                    depth--;
                    if (depth > 0 && IsBlock(stack[depth - 1].Nodes[stack[depth - 1].Index]))
                    {
                        writer.LineBreak();
                    }

                    continue;
                }

                var node = frame.Nodes[frame.Index];
                if (node is IText text)
                {
                    writer.Append(text.Data);
                }
                else if (node is IElement child)
                {
                    if (s_invisible.Contains(child.LocalName) || (removed is not null && removed.Contains(child)))
                    {
                        continue;
                    }

                    var block = s_blocks.Contains(child.LocalName);
                    if (block)
                    {
                        writer.LineBreak();
                    }

                    if (child.ChildNodes.Length > 0)
                    {
                        if (depth == stack.Length)
                        {
                            var bigger = ArrayPool<NodeFrame>.Shared.Rent(stack.Length * 2);
                            Array.Copy(stack, bigger, depth);
                            Array.Clear(stack, 0, stack.Length);
                            ArrayPool<NodeFrame>.Shared.Return(stack);
                            stack = bigger;
                        }

                        stack[depth++] = new NodeFrame(child.ChildNodes);
                    }
                    else if (block)
                    {
                        writer.LineBreak();
                    }
                }
            }

            return writer.ToStringAndTrim();
        }
        finally
        {
            Array.Clear(stack, 0, stack.Length);
            ArrayPool<NodeFrame>.Shared.Return(stack);
            if (builder.Capacity <= 64 * 1024)
            {
                t_builder = builder;
            }
        }
    }

    /// <summary>Collapses whitespace runs to one space and trims; returns the same instance when nothing changes.</summary>
    public static string NormalizeInline(string value)
    {
        if (!NeedsNormalizing(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        var writer = new LineWriter(builder);
        writer.Append(value);
        return writer.ToStringAndTrim();
    }

    private static bool NeedsNormalizing(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[value.Length - 1]))
        {
            return true;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsWhiteSpace(value[i]) && (value[i] != ' ' || char.IsWhiteSpace(value[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBlock(INode node) => node is IElement element && s_blocks.Contains(element.LocalName);

    /// <summary>Appends text collapsing whitespace; line breaks are only written between non-empty lines.</summary>
    private struct LineWriter
    {
        private readonly StringBuilder _builder;
        private bool _pendingSpace;
        private bool _pendingBreak;

        public LineWriter(StringBuilder builder)
        {
            _builder = builder;
            _pendingSpace = false;
            _pendingBreak = false;
        }

        public void Append(string text)
        {
            // Whole runs of non-whitespace at a time (what char-by-char appending would write, in fewer copies).
            var rest = text.AsSpan();
            while (rest.Length > 0)
            {
                var start = rest.IndexOfAnyExcept(s_whitespace);
                if (start < 0)
                {
                    _pendingSpace = true;
                    return;
                }

                if (start > 0)
                {
                    _pendingSpace = true;
                }

                rest = rest.Slice(start);
                var end = rest.IndexOfAny(s_whitespace);
                var word = end < 0 ? rest : rest.Slice(0, end);
                if (_builder.Length > 0)
                {
                    if (_pendingBreak)
                    {
                        _builder.Append('\n');
                    }
                    else if (_pendingSpace)
                    {
                        _builder.Append(' ');
                    }
                }

                _pendingBreak = false;
                _pendingSpace = false;
                _builder.Append(word);
                if (end < 0)
                {
                    return;
                }

                rest = rest.Slice(end);
            }
        }

        public void LineBreak() => _pendingBreak = true;

        public string ToStringAndTrim() => _builder.ToString();
    }
}
