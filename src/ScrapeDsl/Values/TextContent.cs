using System;
using System.Buffers;
using System.Collections.Frozen;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using AngleSharp.Dom;
using ScrapeDsl.Text;

namespace ScrapeDsl;

/// <summary>
/// The meaning of <c>value: text</c>: the text a reader sees, with runs of whitespace (including no-break spaces)
/// collapsed to one space, each block element (paragraph, heading, list item, <c>br</c>…) on its own line,
/// lines trimmed, empty lines dropped, lines joined with <c>\n</c>. Scripts, styles and removed elements contribute nothing.
/// </summary>
public static class TextContent
{
    private static readonly FrozenSet<string> s_blocks = TextElements.Blocks.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private static readonly FrozenSet<string> s_invisible = TextElements.Invisible.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Each thread keeps the text buffer and the frame stack from one text to the next (taken out while in use, so a
    // text read inside another, which nothing does today, would make its own).
    [ThreadStatic]
    private static char[]? t_buffer;

    [ThreadStatic]
    private static TextFrame[]? t_frames;

    /// <summary>The element's text as defined above, or an empty string.</summary>
    public static string Of(IElement element) => Of(element, null);

    /// <summary>
    /// The text of <paramref name="element"/> without the subtrees <paramref name="removed"/> holds and those of the
    /// descendants that match one of <paramref name="remove"/> (a field's own remove list, tested with the element as
    /// scope). Testing each element the walk meets leaves out exactly what collecting the matches first would: an
    /// element is left out when it or an ancestor matches, and the walk never enters a subtree it left out.
    /// </summary>
    internal static string Of(IElement element, RemovedView? removed, Selector[]? remove = null)
    {
        if (removed is { IsEmpty: true })
        {
            removed = null;
        }

        if (remove is { Length: 0 })
        {
            remove = null;
        }

        var writer = new LineWriter(t_buffer ?? ArrayPool<char>.Shared.Rent(1024));
        t_buffer = null;
        var stack = FrameStack.Take(ref t_frames);

        // AngleSharp's own nodes derive from its Element class: a class test is much cheaper than the interface
        // tests below, and most nodes of a text are elements or text.
        var angleSharpNodes = element is Element;
        var deepest = 1;
        try
        {
            var depth = 0;
            var top = element.ChildNodes;
            stack[depth++] = new TextFrame(top, top.Length, block: false);
            while (depth > 0)
            {
                ref var frame = ref stack[depth - 1];
                frame.Index++;
                if (frame.Index >= frame.Count)
                {
                    // Leaving a block element's children: it ends its line.
                    if (frame.Block)
                    {
                        writer.LineBreak();
                    }

                    depth--;
                    continue;
                }

                var node = frame.Nodes[frame.Index];
                var child = DomNodes.AsElement(node, angleSharpNodes);
                if (child is null)
                {
                    if (node is IText text)
                    {
                        writer.Append(text.Data);
                    }

                    continue;
                }

                var kind = Classify(DomNodes.LocalName(child));
                if (kind == ElementKind.Invisible
                    || (removed is not null && removed.Contains(child))
                    || (remove is not null && MatchesAny(remove, child, element)))
                {
                    continue;
                }

                var block = kind == ElementKind.Block;
                if (block)
                {
                    writer.LineBreak();
                }

                var children = child.ChildNodes;
                var count = children.Length;
                if (count == 0)
                {
                    continue;
                }

                if (depth == stack.Length)
                {
                    Array.Resize(ref stack, depth * 2);
                }

                stack[depth++] = new TextFrame(children, count, block);
                deepest = Math.Max(deepest, depth);
            }

            return writer.ToString();
        }
        finally
        {
            // A grown stack's old array is garbage; the one in use is kept.
            FrameStack.Keep(ref t_frames, stack, deepest);

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

    private static bool MatchesAny(Selector[] selectors, IElement element, IElement scope)
    {
        foreach (var selector in selectors)
        {
            if (selector.Matches(element, scope))
            {
                return true;
            }
        }

        return false;
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

    /// <summary>
    /// Which of the two lists (<see cref="TextElements"/>) a tag name is on, compared ignoring case. Parsed HTML names are
    /// lower-case ASCII, so a switch over the lists decides them, faster than a set; any other spelling goes through the
    /// case-insensitive sets. <c>TextValueTests</c> hold the switch to the lists.
    /// </summary>
    private static ElementKind Classify(string name) => name switch
    {
        "address" or "article" or "aside" or "blockquote" or "br" or "dd" or "details" or "div" or "dl" or "dt" or "fieldset"
            or "figcaption" or "figure" or "footer" or "form" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "header"
            or "hr" or "li" or "main" or "nav" or "ol" or "p" or "pre" or "section" or "summary" or "table" or "td" or "th"
            or "tr" or "ul" => ElementKind.Block,
        "script" or "style" or "noscript" or "template" or "iframe" or "object" or "head" or "title" or "svg" => ElementKind.Invisible,
        _ when IsLowerAsciiName(name) => ElementKind.Inline,
        _ => s_invisible.Contains(name) ? ElementKind.Invisible : s_blocks.Contains(name) ? ElementKind.Block : ElementKind.Inline,
    };

    private static bool IsLowerAsciiName(string name)
    {
        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private enum ElementKind
    {
        Inline,
        Block,
        Invisible,
    }

    /// <summary>
    /// A position in one element's child list (its length read once: the list is an interface, and the document does not
    /// change during the walk), and whether that element is a block (it ends its line when left).
    /// </summary>
    private struct TextFrame
    {
        public TextFrame(INodeList nodes, int count, bool block)
        {
            Nodes = nodes;
            Count = count;
            Index = -1;
            Block = block;
        }

        public INodeList Nodes;
        public int Count;
        public int Index;
        public bool Block;
    }

    /// <summary>
    /// Appends text collapsing whitespace (exactly what <see cref="char.IsWhiteSpace(char)"/> accepts) into a pooled
    /// buffer; line breaks are only written between non-empty lines. Each run of words with single spaces between them
    /// is found by one vectorized search (<see cref="PhraseEnd"/>) and copied as a block: a search for word ends would
    /// stop every few characters, and appending word by word or character by character costs more.
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
            // Room for every character plus one separator: no growing inside the loop.
            if (_length + text.Length + 1 > _buffer.Length)
            {
                Grow(_length + text.Length + 1);
            }

            var source = text.AsSpan();
            var target = _buffer.AsSpan();
            var length = _length;
            var i = 0;
            while (i < source.Length)
            {
                // A run of whitespace: one pending separator.
                if (IsWhiteSpace(source[i]))
                {
                    _pendingSpace = true;
                    i++;
                    continue;
                }

                // A phrase: words joined by single spaces, which the collapsed text keeps as they are, so the whole run
                // is found in one search and copied in one block.
                var start = i;
                i = PhraseEnd(source, i);

                if ((_pendingSpace || _pendingBreak) && length > 0)
                {
                    target[length++] = _pendingBreak ? '\n' : ' ';
                }

                _pendingSpace = false;
                _pendingBreak = false;
                source.Slice(start, i - start).CopyTo(target.Slice(length));
                length += i - start;
            }

            _length = length;
        }

        public void LineBreak() => _pendingBreak = true;

        /// <summary>
        /// The index of the first character at or after <paramref name="i"/> that ends a phrase: whitespace other than
        /// a single space followed by a non-whitespace character. Prose is mostly phrases (a paragraph of a rendered
        /// page often is one), so the search tests a vector of characters at a time, and finishes the last few
        /// characters one by one. Each lane's successor is the next lane, so one whitespace test per vector serves both:
        /// its bits shifted by one, and the character after the vector tested alone.
        /// </summary>
        private static int PhraseEnd(ReadOnlySpan<char> source, int i)
        {
            ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(source));

            // A step reads the character after its vector, so it needs one beyond it. Wide vectors first (16 characters
            // where the processor has them), then narrow ones for what is left.
            if (Vector256.IsHardwareAccelerated)
            {
                while (i + Vector256<ushort>.Count < source.Length)
                {
                    var characters = Vector256.LoadUnsafe(ref first, (nuint)i);
                    var white = IsWhiteSpace(characters).ExtractMostSignificantBits();
                    if (white != 0)
                    {
                        var spaces = Vector256.Equals(characters, Vector256.Create((ushort)' ')).ExtractMostSignificantBits();
                        var end = FirstEnd(white, spaces, IsWhiteSpace(source[i + Vector256<ushort>.Count]), Vector256<ushort>.Count);
                        if (end >= 0)
                        {
                            return i + end;
                        }
                    }

                    i += Vector256<ushort>.Count;
                }
            }

            if (Vector128.IsHardwareAccelerated)
            {
                while (i + Vector128<ushort>.Count < source.Length)
                {
                    var characters = Vector128.LoadUnsafe(ref first, (nuint)i);
                    var white = IsWhiteSpace(characters).ExtractMostSignificantBits();
                    if (white != 0)
                    {
                        var spaces = Vector128.Equals(characters, Vector128.Create((ushort)' ')).ExtractMostSignificantBits();
                        var end = FirstEnd(white, spaces, IsWhiteSpace(source[i + Vector128<ushort>.Count]), Vector128<ushort>.Count);
                        if (end >= 0)
                        {
                            return i + end;
                        }
                    }

                    i += Vector128<ushort>.Count;
                }
            }

            for (; i < source.Length; i++)
            {
                if (IsWhiteSpace(source[i]) && !(source[i] == ' ' && i + 1 < source.Length && !IsWhiteSpace(source[i + 1])))
                {
                    return i;
                }
            }

            return source.Length;
        }

        /// <summary>
        /// The first lane that ends a phrase, or -1: <paramref name="white"/> and <paramref name="spaces"/> have a bit per
        /// lane (whitespace, U+0020), and <paramref name="nextIsWhite"/> is the test of the character after the last lane.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int FirstEnd(uint white, uint spaces, bool nextIsWhite, int lanes)
        {
            var successorWhite = (white >> 1) | (nextIsWhite ? 1u << (lanes - 1) : 0u);
            var ends = white & ~(spaces & ~successorWhite);
            return ends == 0 ? -1 : BitOperations.TrailingZeroCount(ends);
        }

        /// <summary><see cref="IsWhiteSpace(char)"/> for each lane; the characters from U+1680 on are checked only when a lane has one.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<ushort> IsWhiteSpace(Vector128<ushort> c)
        {
            var whiteSpace = Vector128.Equals(c, Vector128.Create((ushort)' '))
                | Vector128.LessThanOrEqual(c - Vector128.Create((ushort)'\t'), Vector128.Create((ushort)('\r' - '\t')))
                | Vector128.Equals(c, Vector128.Create((ushort)'\u0085'))
                | Vector128.Equals(c, Vector128.Create((ushort)'\u00A0'));
            var high = Vector128.GreaterThanOrEqual(c, Vector128.Create((ushort)'\u1680'));
            if (high == Vector128<ushort>.Zero)
            {
                return whiteSpace;
            }

            var rare = Vector128.Equals(c, Vector128.Create((ushort)'\u1680'))
                | Vector128.LessThanOrEqual(c - Vector128.Create((ushort)'\u2000'), Vector128.Create((ushort)('\u200A' - '\u2000')))
                | Vector128.LessThanOrEqual(c - Vector128.Create((ushort)'\u2028'), Vector128.Create((ushort)1))
                | Vector128.Equals(c, Vector128.Create((ushort)'\u202F'))
                | Vector128.Equals(c, Vector128.Create((ushort)'\u205F'))
                | Vector128.Equals(c, Vector128.Create((ushort)'\u3000'));
            return whiteSpace | rare;
        }

        /// <summary>The same test on 16 characters at a time.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector256<ushort> IsWhiteSpace(Vector256<ushort> c)
        {
            var whiteSpace = Vector256.Equals(c, Vector256.Create((ushort)' '))
                | Vector256.LessThanOrEqual(c - Vector256.Create((ushort)'\t'), Vector256.Create((ushort)('\r' - '\t')))
                | Vector256.Equals(c, Vector256.Create((ushort)'\u0085'))
                | Vector256.Equals(c, Vector256.Create((ushort)'\u00A0'));
            var high = Vector256.GreaterThanOrEqual(c, Vector256.Create((ushort)'\u1680'));
            if (high == Vector256<ushort>.Zero)
            {
                return whiteSpace;
            }

            var rare = Vector256.Equals(c, Vector256.Create((ushort)'\u1680'))
                | Vector256.LessThanOrEqual(c - Vector256.Create((ushort)'\u2000'), Vector256.Create((ushort)('\u200A' - '\u2000')))
                | Vector256.LessThanOrEqual(c - Vector256.Create((ushort)'\u2028'), Vector256.Create((ushort)1))
                | Vector256.Equals(c, Vector256.Create((ushort)'\u202F'))
                | Vector256.Equals(c, Vector256.Create((ushort)'\u205F'))
                | Vector256.Equals(c, Vector256.Create((ushort)'\u3000'));
            return whiteSpace | rare;
        }

        public override string ToString() => new(_buffer, 0, _length);

        /// <summary>The buffer written to (a bigger one than given when the text outgrew it), for the caller to keep or return.</summary>
        public readonly char[] Buffer => _buffer;

        /// <summary>
        /// Exactly <see cref="char.IsWhiteSpace(char)"/> (its 25 characters), decided by one comparison for printable
        /// ASCII and for the Latin, Greek, Cyrillic, Hebrew and Arabic letters below U+1680.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool IsWhiteSpace(char c) =>
            c <= ' '
                ? c == ' ' || (uint)(c - '\t') <= '\r' - '\t'
                : c >= '\u0085' && (c == '\u0085' || c == '\u00A0' || (c >= '\u1680' && IsRareWhiteSpace(c)));

        private static bool IsRareWhiteSpace(char c) =>
            c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000';

        private void Grow(int needed)
        {
            var bigger = ArrayPool<char>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
            Array.Copy(_buffer, bigger, _length);
            ArrayPool<char>.Shared.Return(_buffer);
            _buffer = bigger;
        }
    }
}
