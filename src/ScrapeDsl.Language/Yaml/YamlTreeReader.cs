using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ScrapeDsl.Language.Yaml;

/// <summary>
/// Reads YAML text into a positioned tree using YamlDotNet's event parser only (no object mapping, no tags,
/// so a rule file can never instantiate types). Syntax errors, duplicate keys, tags, anchors and extra
/// documents become diagnostics; the reader never throws for bad input.
/// </summary>
public static class YamlTreeReader
{
    /// <summary>Reads the first document; null when the file is empty or unreadable (a diagnostic says why).</summary>
    public static YamlNode? Read(string text, string path, List<RuleDiagnostic> diagnostics)
    {
        // YamlDotNet reads a leading U+FEFF (a BOM the caller left in the text) as part of the first key. Parse without
        // it; spans still give offsets into the caller's text, and columns count as an editor shows them (no BOM).
        var offset = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var parser = new Parser(new StringReader(offset == 0 ? text : text.Substring(offset)));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, path, diagnostics, offset, depth: 0);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                diagnostics.Add(RuleDiagnostics.Create(
                    RuleDiagnostics.UnsupportedYaml, path, ToSpan(second.Start, second.End, offset),
                    "Several YAML documents in one file", "write one rule per file"));
            }

            return root;
        }
        catch (YamlException exception)
        {
            var span = WithinText(ToSpan(exception.Start, exception.End, offset), text);
            var message = CleanMessage(exception);
            if (IsAboutTabs(message))
            {
                // YamlDotNet marks a tab in the indentation at the start of the plain scalar it was reading, or not at all
                // (line 1, column 1) when it was reading a mapping. The tab is further on: not before the exception's mark,
                // nor before the last event the parser gave, which the scanner had passed when it met the tab.
                var from = (int)Math.Max(exception.Start.Index, parser.Current?.End.Index ?? 0) + offset;
                span = TabInIndentation(text, Math.Min(from, text.Length)) ?? span;
                message = message.TrimEnd('.') + "; indent with spaces, YAML does not allow tabs in indentation";
            }

            diagnostics.Add(RuleDiagnostics.Create(RuleDiagnostics.YamlSyntax, path, span, message));
            return null;
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these instead of a YamlException for some malformed input: an unclosed '[' followed by
            // a mapping line, "...\nx" or stray control characters in a plain scalar (InvalidOperationException), an
            // escaped lone surrogate such as "\uD800" in a double-quoted scalar (ArgumentOutOfRangeException). They
            // carry no position, so point at the last node that was read; the reader must not throw.
            var last = parser.Current;
            diagnostics.Add(RuleDiagnostics.Create(
                RuleDiagnostics.YamlSyntax, path, WithinText(last is null ? ToSpan(Mark.Empty, Mark.Empty, offset) : ToSpan(last.Start, last.End, offset), text),
                "the YAML cannot be read past this point (" + exception.Message.Replace('\r', ' ').Replace('\n', ' ') + "); check for an unclosed '[', '{' or quote, or an invalid escape"));
            return null;
        }
    }

    /// <summary>Converts YamlDotNet marks (1-based line/column, 0-based index) to a span.</summary>
    public static SourceSpan ToSpan(Mark start, Mark end) => ToSpan(start, end, 0);

    /// <summary>As <see cref="ToSpan(Mark, Mark)"/>, for text parsed without its first <paramref name="offset"/> characters (a BOM).</summary>
    private static SourceSpan ToSpan(Mark start, Mark end, int offset)
    {
        var startIndex = (int)Math.Max(0, start.Index) + offset;
        var endIndex = (int)Math.Max(startIndex, end.Index + offset);
        var startLine = (int)Math.Max(1, start.Line);
        var startColumn = (int)Math.Max(1, start.Column);
        var endLine = (int)Math.Max(startLine, end.Line);
        var endColumn = (int)(endLine == startLine ? Math.Max(startColumn, end.Column) : Math.Max(1, end.Column));
        return new SourceSpan(startIndex, endIndex - startIndex, startLine, startColumn, endLine, endColumn);
    }

    /// <summary>
    /// YamlDotNet marks an error at the end of the stream on the line after the last one; editors and the build need a
    /// position inside the file, so such a span is moved to the end of the text.
    /// </summary>
    private static SourceSpan WithinText(SourceSpan span, string text)
    {
        if (span.Start < text.Length)
        {
            return span;
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = text.Length - lineStart + 1 - (lineStart == 0 && text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0);
        return new SourceSpan(text.Length, 0, line, column, line, column);
    }

    /// <summary>YamlDotNet's two errors for a tab where it wants indentation ("found invalid tab as indentation", "found a tab character that violate indentation").</summary>
    private static bool IsAboutTabs(string message) => message.IndexOf(" tab ", StringComparison.Ordinal) >= 0;

    /// <summary>
    /// The first tab in the leading whitespace of a line, searching from the line that holds <paramref name="from"/>;
    /// null when no line there starts with whitespace holding a tab.
    /// </summary>
    private static SourceSpan? TabInIndentation(string text, int from)
    {
        var lineStart = from;
        while (lineStart > 0 && text[lineStart - 1] != '\n')
        {
            lineStart--;
        }

        var line = 1;
        for (var i = 0; i < lineStart; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        while (lineStart < text.Length)
        {
            // Columns count as an editor shows them: a BOM at the start of the text is not one.
            var bom = lineStart == 0 && text[0] == '\uFEFF' ? 1 : 0;
            for (var i = lineStart + bom; i < text.Length && (text[i] == ' ' || text[i] == '\t'); i++)
            {
                if (text[i] == '\t')
                {
                    var column = i - lineStart - bom + 1;
                    return new SourceSpan(i, 1, line, column, line, column + 1);
                }
            }

            var end = text.IndexOf('\n', lineStart);
            if (end < 0)
            {
                break;
            }

            lineStart = end + 1;
            line++;
        }

        return null;
    }

    private static YamlNode ReadNode(IParser parser, string path, List<RuleDiagnostic> diagnostics, int offset, int depth)
    {
        if (depth > 64)
        {
            // Rules are shallow; a deeper file is hostile or broken and would only cost stack.
            var current = parser.Current!;
            throw new YamlException(current.Start, current.End, "the file is nested more than 64 levels deep");
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            ReportProperties(scalar, path, diagnostics, offset);
            return new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, ToSpan(scalar.Start, scalar.End, offset));
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            ReportProperties(sequenceStart, path, diagnostics, offset);
            var items = new List<YamlNode>();
            Mark end;
            while (true)
            {
                if (parser.TryConsume<SequenceEnd>(out var sequenceEnd))
                {
                    end = sequenceStart.Style == SequenceStyle.Flow ? AfterBracket(sequenceEnd) : sequenceEnd.End;
                    break;
                }

                items.Add(ReadNode(parser, path, diagnostics, offset, depth + 1));
            }

            return new YamlSequence(items, ToSpan(sequenceStart.Start, end, offset));
        }

        if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            ReportProperties(mappingStart, path, diagnostics, offset);
            var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
            var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
            Mark end;
            while (true)
            {
                if (parser.TryConsume<MappingEnd>(out var mappingEnd))
                {
                    end = mappingStart.Style == MappingStyle.Flow ? AfterBracket(mappingEnd) : mappingEnd.End;
                    break;
                }

                var keyNode = ReadNode(parser, path, diagnostics, offset, depth + 1);
                var value = ReadNode(parser, path, diagnostics, offset, depth + 1);
                if (keyNode is not YamlScalar key)
                {
                    diagnostics.Add(RuleDiagnostics.Create(
                        RuleDiagnostics.WrongKind, path, keyNode.Span, "key", "text", keyNode.KindName));
                    continue;
                }

                if (seen.TryGetValue(key.Value, out var first))
                {
                    diagnostics.Add(RuleDiagnostics.Create(
                        RuleDiagnostics.DuplicateKey, path, key.Span, key.Value, first.Span.StartLine));
                    continue;
                }

                seen.Add(key.Value, key);
                entries.Add(new KeyValuePair<YamlScalar, YamlNode>(key, value));
            }

            return new YamlMapping(entries, ToSpan(mappingStart.Start, end, offset));
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            diagnostics.Add(RuleDiagnostics.Create(
                RuleDiagnostics.UnsupportedYaml, path, ToSpan(alias.Start, alias.End, offset),
                "YAML aliases (*" + alias.Value + ")", "write the value out"));
            return new YamlScalar(string.Empty, isPlain: true, ToSpan(alias.Start, alias.End, offset));
        }

        var unexpected = parser.Current!;
        throw new YamlException(unexpected.Start, unexpected.End, "unexpected " + unexpected.GetType().Name);
    }

    // YamlDotNet's end event of a flow collection is an empty mark before the closing ']' or '}'; the node's span
    // must include the bracket (one character, never a line break).
    private static Mark AfterBracket(ParsingEvent end) => new(end.Start.Index + 1, end.Start.Line, end.Start.Column + 1);

    private static void ReportProperties(NodeEvent node, string path, List<RuleDiagnostic> diagnostics, int offset)
    {
        if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific)
        {
            diagnostics.Add(RuleDiagnostics.Create(
                RuleDiagnostics.UnsupportedYaml, path, ToSpan(node.Start, node.End, offset),
                "YAML tags (" + node.Tag.Value + ")", "remove the tag; every value is read as text"));
        }

        if (!node.Anchor.IsEmpty)
        {
            diagnostics.Add(RuleDiagnostics.Create(
                RuleDiagnostics.UnsupportedYaml, path, ToSpan(node.Start, node.End, offset),
                "YAML anchors (&" + node.Anchor.Value + ")", "remove the anchor"));
        }
    }

    private static string CleanMessage(YamlException exception)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (…): "; the position is already in the span.
        var message = exception.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(", StringComparison.Ordinal) ? message.Substring(marker + 3) : message;
    }
}
