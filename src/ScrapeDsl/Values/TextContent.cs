using System;
using System.Buffers;
using System.Collections.Frozen;
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

    [ThreadStatic]
    private static char[]? t_buffer;

    /// <summary>The element's text as defined above, or an empty string.</summary>
    public static string Of(IElement element) => Of(element, null);

    internal static string Of(IElement element, RemovedView? removed)
    {
        var writer = new LineWriter(t_buffer ?? ArrayPool<char>.Shared.Rent(1024));
        t_buffer = null;
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

            return writer.ToString();
        }
        finally
        {
            Array.Clear(stack, 0, stack.Length);
            ArrayPool<NodeFrame>.Shared.Return(stack);
            var buffer = writer.Buffer;
            if (buffer.Length <= 64 * 1024)
            {
                t_buffer = buffer;
            }
            else
            {
                ArrayPool<char>.Shared.Return(buffer);
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

        // The result is never longer than the value.
        var writer = new LineWriter(ArrayPool<char>.Shared.Rent(value.Length));
        try
        {
            writer.Append(value);
            return writer.ToString();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(writer.Buffer);
        }
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

    /// <summary>
    /// Appends text collapsing whitespace (exactly what <see cref="char.IsWhiteSpace(char)"/> accepts) into a pooled
    /// buffer; line breaks are only written between non-empty lines. One scalar pass per character, with the common
    /// case (printable ASCII) decided by one comparison: cheaper than searching for word ends when words are short.
    /// </summary>
    private struct LineWriter
    {
        private char[] _buffer;
        private int _length;
        private bool _pendingSpace;
        private bool _pendingBreak;

        public LineWriter(char[] buffer)
        {
            _buffer = buffer;
            _length = 0;
            _pendingSpace = false;
            _pendingBreak = false;
        }

        public void Append(string text)
        {
            // Room for every character plus one separator: no bounds work inside the loop.
            if (_length + text.Length + 1 > _buffer.Length)
            {
                Grow(_length + text.Length + 1);
            }

            var buffer = _buffer;
            var length = _length;
            foreach (var c in text)
            {
                if (IsWhiteSpace(c))
                {
                    _pendingSpace = true;
                    continue;
                }

                if ((_pendingSpace || _pendingBreak) && length > 0)
                {
                    buffer[length++] = _pendingBreak ? '\n' : ' ';
                }

                _pendingSpace = false;
                _pendingBreak = false;
                buffer[length++] = c;
            }

            _length = length;
        }

        public void LineBreak() => _pendingBreak = true;

        public override string ToString() => new(_buffer, 0, _length);

        /// <summary>The buffer written to (a bigger one than given when the text outgrew it), for the caller to keep or return.</summary>
        public readonly char[] Buffer => _buffer;

        private static bool IsWhiteSpace(char c) =>
            c <= ' ' ? c == ' ' || (c >= '\t' && c <= '\r') : c >= '\u007F' && char.IsWhiteSpace(c);

        private void Grow(int needed)
        {
            var bigger = ArrayPool<char>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
            Array.Copy(_buffer, bigger, _length);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = bigger;
        }
    }
}
