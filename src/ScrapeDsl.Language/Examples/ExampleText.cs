using System;
using System.Collections.Generic;
using System.Text;
using AngleSharp.Dom;
using ScrapeDsl.Text;

namespace ScrapeDsl.Language;

/// <summary>
/// The runtime's <c>value: text</c> and whitespace normalisation (src/ScrapeDsl/Values/TextContent.cs), for the example
/// checks: transforms need the text itself, not only whether it is empty. The element lists are shared
/// (src/Shared/TextElements.cs); the walk is a copy, because this netstandard2.0 library cannot reference the net10
/// runtime's vectorized one, and <c>SemanticsTests</c> holds the two together.
/// </summary>
internal static class ExampleText
{
    private static readonly HashSet<string> s_blocks = new(TextElements.Blocks, StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> s_invisible = new(TextElements.Invisible, StringComparer.OrdinalIgnoreCase);

    /// <summary>True for the elements whose contents <c>value: text</c> skips.</summary>
    public static bool IsInvisible(string localName) => s_invisible.Contains(localName);

    /// <summary>The element's text: visible, not removed text, whitespace collapsed, block elements on their own lines.</summary>
    public static string Of(IElement element, RemovedSet? removed)
    {
        var writer = new LineWriter(new StringBuilder());
        var stack = new List<Frame> { new(element.ChildNodes) };
        while (stack.Count > 0)
        {
            var top = stack.Count - 1;
            var frame = stack[top];
            frame.Index++;
            stack[top] = frame;
            if (frame.Index >= frame.Nodes.Length)
            {
                stack.RemoveAt(top);
                if (stack.Count > 0 && IsBlock(stack[stack.Count - 1].Nodes[stack[stack.Count - 1].Index]))
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
                    stack.Add(new Frame(child.ChildNodes));
                }
                else if (block)
                {
                    writer.LineBreak();
                }
            }
        }

        return writer.ToString();
    }

    /// <summary>Collapses whitespace runs to one space and trims.</summary>
    public static string NormalizeInline(string value)
    {
        var writer = new LineWriter(new StringBuilder(value.Length));
        writer.Append(value);
        return writer.ToString();
    }

    private static bool IsBlock(INode node) => node is IElement element && s_blocks.Contains(element.LocalName);

    private struct Frame
    {
        public Frame(INodeList nodes)
        {
            Nodes = nodes;
            Index = -1;
        }

        public INodeList Nodes;
        public int Index;
    }

    /// <summary>Appends text collapsing whitespace; line breaks are only written between non-empty lines.</summary>
    private sealed class LineWriter
    {
        private readonly StringBuilder _builder;
        private bool _pendingSpace;
        private bool _pendingBreak;

        public LineWriter(StringBuilder builder) => _builder = builder;

        public void Append(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = true;
                    continue;
                }

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
                _builder.Append(c);
            }
        }

        public void LineBreak() => _pendingBreak = true;

        public override string ToString() => _builder.ToString();
    }
}
