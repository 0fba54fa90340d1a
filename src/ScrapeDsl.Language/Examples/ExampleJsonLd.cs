using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ScrapeDsl.Language;

/// <summary>
/// The runtime's JSON-LD source (src/ScrapeDsl/Selection/JsonLd.cs) for the example checks: every object of every
/// <c>application/ld+json</c> block, top-level arrays and <c>@graph</c> flattened, a dotted path evaluated over them.
/// The runtime parses with System.Text.Json, which a generator cannot count on inside the compiler, so this file has a
/// small reader with the same options (comments skipped, trailing commas allowed, depth 64, blocks over 1 MB skipped,
/// the last of duplicate keys wins). <c>SemanticsTests</c> holds it to the runtime on the corpus pages.
/// </summary>
internal sealed class ExampleJsonLd
{
    private const int MaxBlockLength = 1_000_000;
    private readonly List<Dictionary<string, object?>> _objects = new();

    public ExampleJsonLd(IEnumerable<string> blocks)
    {
        foreach (var block in blocks)
        {
            if (block.Length > MaxBlockLength)
            {
                continue;
            }

            if (JsonReader.TryRead(block, out var value))
            {
                Flatten(value, _objects, depth: 0);
            }
        }
    }

    /// <summary>Adds the non-empty values at <paramref name="path"/> of every object (of one of <paramref name="types"/>, if any).</summary>
    public void Evaluate(string[] path, IReadOnlyList<string> types, bool all, List<string> output)
    {
        var current = new List<object?>();
        var next = new List<object?>();
        foreach (var root in _objects)
        {
            if (types.Count > 0 && !HasType(root, types))
            {
                continue;
            }

            current.Clear();
            current.Add(root);
            foreach (var step in path)
            {
                next.Clear();
                foreach (var value in current)
                {
                    if (value is Dictionary<string, object?> map && map.TryGetValue(step, out var property))
                    {
                        Expand(property, next, depth: 0);
                    }
                }

                (current, next) = (next, current);
            }

            foreach (var leaf in current)
            {
                if (Text(leaf) is { Length: > 0 } text)
                {
                    output.Add(text);
                    if (!all)
                    {
                        return;
                    }
                }
            }
        }
    }

    private static string? Text(object? value) => value switch
    {
        string text => ExampleText.NormalizeInline(text),
        JsonNumber number => number.Raw,
        bool flag => flag ? "true" : "false",
        Dictionary<string, object?> map when map.TryGetValue("@value", out var inner) => Text(inner),
        _ => null,
    };

    private static bool HasType(Dictionary<string, object?> value, IReadOnlyList<string> types)
    {
        if (!value.TryGetValue("@type", out var type))
        {
            return false;
        }

        if (type is string one)
        {
            return Contains(types, one);
        }

        if (type is List<object?> list)
        {
            foreach (var item in list)
            {
                if (item is string name && Contains(types, name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Contains(IReadOnlyList<string> types, string type)
    {
        foreach (var candidate in types)
        {
            if (string.Equals(candidate, type, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void Flatten(object? value, List<Dictionary<string, object?>> objects, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        if (value is List<object?> list)
        {
            foreach (var item in list)
            {
                Flatten(item, objects, depth + 1);
            }
        }
        else if (value is Dictionary<string, object?> map)
        {
            objects.Add(map);
            if (map.TryGetValue("@graph", out var graph))
            {
                Flatten(graph, objects, depth + 1);
            }
        }
    }

    private static void Expand(object? value, List<object?> into, int depth)
    {
        if (value is List<object?> list && depth < 8)
        {
            foreach (var item in list)
            {
                Expand(item, into, depth + 1);
            }
        }
        else
        {
            into.Add(value);
        }
    }

    /// <summary>A number as written (the runtime reads numbers with <c>GetRawText</c>).</summary>
    private sealed class JsonNumber
    {
        public JsonNumber(string raw) => Raw = raw;

        public string Raw { get; }
    }

    /// <summary>A strict JSON reader (RFC 8259) with System.Text.Json's lenient options as the runtime sets them.</summary>
    private sealed class JsonReader
    {
        private const int MaxDepth = 64;
        private readonly string _text;
        private int _position;

        private JsonReader(string text) => _text = text;

        public static bool TryRead(string text, out object? value)
        {
            var reader = new JsonReader(text);
            value = null;
            try
            {
                reader.SkipTrivia();
                value = reader.ReadValue(depth: 0);
                reader.SkipTrivia();
                return reader._position == text.Length;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        private object? ReadValue(int depth)
        {
            if (_position >= _text.Length)
            {
                throw new FormatException();
            }

            switch (_text[_position])
            {
                case '{':
                    return ReadObject(depth + 1);
                case '[':
                    return ReadArray(depth + 1);
                case '"':
                    return ReadString();
                case 't':
                    Expect("true");
                    return true;
                case 'f':
                    Expect("false");
                    return false;
                case 'n':
                    Expect("null");
                    return null;
                default:
                    return ReadNumber();
            }
        }

        private Dictionary<string, object?> ReadObject(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new FormatException();
            }

            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            _position++;
            SkipTrivia();
            while (Peek() != '}')
            {
                if (Peek() != '"')
                {
                    throw new FormatException();
                }

                var key = ReadString();
                SkipTrivia();
                if (Peek() != ':')
                {
                    throw new FormatException();
                }

                _position++;
                SkipTrivia();
                map[key] = ReadValue(depth);
                SkipTrivia();
                if (Peek() == ',')
                {
                    _position++;
                    SkipTrivia();
                }
                else if (Peek() != '}')
                {
                    throw new FormatException();
                }
            }

            _position++;
            return map;
        }

        private List<object?> ReadArray(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new FormatException();
            }

            var list = new List<object?>();
            _position++;
            SkipTrivia();
            while (Peek() != ']')
            {
                list.Add(ReadValue(depth));
                SkipTrivia();
                if (Peek() == ',')
                {
                    _position++;
                    SkipTrivia();
                }
                else if (Peek() != ']')
                {
                    throw new FormatException();
                }
            }

            _position++;
            return list;
        }

        private string ReadString()
        {
            _position++;
            var builder = new StringBuilder();
            while (true)
            {
                var c = Peek();
                _position++;
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c < 0x20)
                {
                    throw new FormatException(); // also the end of the text (Peek gives '\0')
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                var escape = Peek();
                _position++;
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_position + 4 > _text.Length
                            || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new FormatException();
                        }

                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        throw new FormatException();
                }
            }
        }

        private JsonNumber ReadNumber()
        {
            var start = _position;
            if (Peek() == '-')
            {
                _position++;
            }

            if (Peek() == '0')
            {
                _position++;
            }
            else if (IsDigit(Peek()))
            {
                Digits();
            }
            else
            {
                throw new FormatException();
            }

            if (Peek() == '.')
            {
                _position++;
                if (!IsDigit(Peek()))
                {
                    throw new FormatException();
                }

                Digits();
            }

            if (Peek() is 'e' or 'E')
            {
                _position++;
                if (Peek() is '+' or '-')
                {
                    _position++;
                }

                if (!IsDigit(Peek()))
                {
                    throw new FormatException();
                }

                Digits();
            }

            return new JsonNumber(_text.Substring(start, _position - start));
        }

        private void Digits()
        {
            while (IsDigit(Peek()))
            {
                _position++;
            }
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private void Expect(string word)
        {
            if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
            {
                throw new FormatException();
            }

            _position += word.Length;
        }

        private char Peek() => _position < _text.Length ? _text[_position] : '\0';

        /// <summary>Whitespace (JSON's four characters) and comments, which the runtime's options skip.</summary>
        private void SkipTrivia()
        {
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (c is ' ' or '\t' or '\n' or '\r')
                {
                    _position++;
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
                {
                    var end = _text.IndexOf('\n', _position);
                    _position = end < 0 ? _text.Length : end + 1;
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw new FormatException();
                    }

                    _position = end + 2;
                }
                else
                {
                    return;
                }
            }
        }
    }
}
