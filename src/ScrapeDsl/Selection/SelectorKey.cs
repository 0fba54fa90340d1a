using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using AngleSharp.Dom;

namespace ScrapeDsl;

/// <summary>What kind of simple selector a key is.</summary>
internal enum SelectorKeyKind
{
    Id,
    Class,
    Attribute,
    Tag,
}

/// <summary>
/// A simple selector an element must carry to match one compound selector: an id, a class, an attribute (with its
/// exact value when the selector gives one with <c>=</c>) or a tag, read from outside any <c>:not()</c>, <c>:is()</c>
/// or other functional pseudo-class. Keys are compared ignoring case, a superset of whatever case rule the document
/// mode applies, so a key is always a necessary condition, never a sufficient one.
/// </summary>
internal readonly record struct SelectorKey(SelectorKeyKind Kind, string Name, string? Value = null);

/// <summary>
/// The keys of a selector: per comma-separated part, the key of its subject (the last compound), and, for a selector
/// of one part, the keys of the compounds that must be ancestors of the subject (those left of a descendant or child
/// combinator; compounds left of <c>+</c> or <c>~</c> are siblings and give nothing).
/// Anything this reader is not sure of (escapes, namespaces, non-ASCII names, unbalanced brackets) gives no key:
/// no subject key means "test on every element", a missing ancestor key means no requirement.
/// </summary>
internal sealed class SelectorShape
{
    private SelectorShape(SelectorKey[]? subjects, SelectorKey[] ancestors, List<List<(string Text, char CombinatorBefore)>>? parts = null)
    {
        Subjects = subjects;
        Ancestors = ancestors;
        Parts = parts;
    }

    /// <summary>Per comma-separated part, its compounds with the combinator before each; null when the text did not split.</summary>
    public List<List<(string Text, char CombinatorBefore)>>? Parts { get; }

    /// <summary>One key per part, or null when some part has none.</summary>
    public SelectorKey[]? Subjects { get; }

    /// <summary>Keys every match must have among its ancestors (empty for selector lists).</summary>
    public SelectorKey[] Ancestors { get; }

    public static SelectorShape Of(string selector)
    {
        var none = new SelectorShape(null, Array.Empty<SelectorKey>());
        if (selector.IndexOf('\\') >= 0)
        {
            return none;
        }

        var parts = SplitTopLevel(selector);
        if (parts is null || parts.Count == 0)
        {
            return none;
        }

        var subjects = new SelectorKey[parts.Count];
        var ancestors = new List<SelectorKey>();
        var partCompounds = new List<List<(string, char)>>();
        for (var p = 0; p < parts.Count; p++)
        {
            if (Compounds(parts[p]) is not { Count: > 0 } compounds || KeyOfCompound(compounds[compounds.Count - 1].Text) is not { } subject)
            {
                return none;
            }

            partCompounds.Add(compounds);

            subjects[p] = subject;
            if (parts.Count == 1)
            {
                // Compound i-1 is an ancestor of the subject when the combinator after it is descendant or child.
                for (var i = 1; i < compounds.Count; i++)
                {
                    if (compounds[i].CombinatorBefore is ' ' or '>' && KeyOfCompound(compounds[i - 1].Text) is { } ancestor)
                    {
                        ancestors.Add(ancestor);
                    }
                }
            }
        }

        return new SelectorShape(subjects, ancestors.ToArray(), partCompounds);
    }

    /// <summary>
    /// A CSS identifier of ASCII letters, digits, '-' and '_' from <paramref name="start"/> to <paramref name="end"/>: not
    /// empty, not starting with a digit, nor with '-' then a digit.
    /// </summary>
    internal static bool IsIdentifier(string text, int start, int end)
    {
        if (start >= end)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            if (!IsNameChar(text[i]))
            {
                return false;
            }
        }

        var first = text[start];
        if (first is >= '0' and <= '9')
        {
            return false;
        }

        return first != '-' || (start + 1 < end && text[start + 1] is not (>= '0' and <= '9'));
    }

    /// <summary>The comma-separated parts, or null when the text is not balanced.</summary>
    private static List<string>? SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']':
                    if (--depth < 0)
                    {
                        return null;
                    }

                    break;
                case ',' when depth == 0:
                    parts.Add(text.Substring(start, i - start));
                    start = i + 1;
                    break;
            }
        }

        if (depth != 0 || quote != '\0')
        {
            return null;
        }

        parts.Add(text.Substring(start));
        return parts;
    }

    /// <summary>The compounds of one part with the combinator before each (' ', '&gt;', '+', '~'; '\0' for the first).</summary>
    private static List<(string Text, char CombinatorBefore)>? Compounds(string part)
    {
        var compounds = new List<(string, char)>();
        var depth = 0;
        var quote = '\0';
        var start = -1;
        var combinator = '\0';
        for (var i = 0; i <= part.Length; i++)
        {
            var c = i < part.Length ? part[i] : ' ';
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            var separator = depth == 0 && (c is ' ' or '\t' or '\n' or '\r' or '\f' or '>' or '+' or '~');
            if (!separator)
            {
                if (start < 0)
                {
                    start = i;
                }

                if (c is '"' or '\'')
                {
                    quote = c;
                }
                else if (c is '(' or '[')
                {
                    depth++;
                }
                else if (c is ')' or ']')
                {
                    depth--;
                }

                continue;
            }

            if (start >= 0)
            {
                compounds.Add((part.Substring(start, i - start), compounds.Count == 0 ? '\0' : combinator));
                start = -1;
                combinator = ' ';
            }

            if (c is '>' or '+' or '~')
            {
                if (compounds.Count == 0 || combinator is '>' or '+' or '~')
                {
                    return null;
                }

                combinator = c;
            }
        }

        return depth == 0 && quote == '\0' ? compounds : null;
    }

    /// <summary>The best key of one compound: id, else a class, else an attribute with a value, else an attribute, else the tag.</summary>
    private static SelectorKey? KeyOfCompound(string compound)
    {
        string? tag = null;
        string? id = null;
        string? cls = null;
        SelectorKey? attribute = null;
        SelectorKey? attributeWithValue = null;
        var i = 0;
        if (i < compound.Length && IsNameChar(compound[i]))
        {
            tag = ReadName(compound, ref i);
            if (i < compound.Length && compound[i] == '|')
            {
                return null;
            }
        }
        else if (i < compound.Length && compound[i] == '*')
        {
            i++;
            if (i < compound.Length && compound[i] == '|')
            {
                return null;
            }
        }

        while (i < compound.Length)
        {
            switch (compound[i])
            {
                case '#':
                    i++;
                    var idName = ReadName(compound, ref i);
                    if (idName is null)
                    {
                        return null;
                    }

                    id ??= idName;
                    break;
                case '.':
                    i++;
                    var className = ReadName(compound, ref i);
                    if (className is null)
                    {
                        return null;
                    }

                    cls ??= className;
                    break;
                case '[':
                    i++;
                    if (ReadAttribute(compound, ref i) is not { } key)
                    {
                        return null;
                    }

                    if (key.Value is not null)
                    {
                        attributeWithValue ??= key;
                    }
                    else
                    {
                        attribute ??= key;
                    }

                    break;
                case ':':
                    i++;
                    if (i < compound.Length && compound[i] == ':')
                    {
                        i++;
                    }

                    if (ReadName(compound, ref i) is null)
                    {
                        return null;
                    }

                    if (i < compound.Length && compound[i] == '(')
                    {
                        i++;
                        if (!SkipPast(compound, ref i, ')'))
                        {
                            return null;
                        }
                    }

                    break;
                default:
                    return null;
            }
        }

        if (id is not null)
        {
            return new SelectorKey(SelectorKeyKind.Id, id);
        }

        if (cls is not null)
        {
            return new SelectorKey(SelectorKeyKind.Class, cls);
        }

        return attributeWithValue ?? attribute ?? (tag is null ? null : new SelectorKey(SelectorKeyKind.Tag, tag));
    }

    /// <summary>
    /// Reads an attribute selector after its '[' up to and including ']': the name, and the value when the operator is
    /// a plain '=' with an identifier or a quoted string (a value with anything unusual is left out; the name still counts).
    /// Null when the name is namespaced or anything does not parse.
    /// </summary>
    private static SelectorKey? ReadAttribute(string text, ref int i)
    {
        SkipSpaces(text, ref i);
        var name = ReadName(text, ref i);
        if (name is null || (i < text.Length && text[i] == '|' && (i + 1 >= text.Length || text[i + 1] != '=')))
        {
            return null;
        }

        SkipSpaces(text, ref i);
        string? value = null;
        if (i < text.Length && text[i] == '=')
        {
            i++;
            SkipSpaces(text, ref i);
            value = ReadValue(text, ref i);
        }

        return SkipPast(text, ref i, ']') ? new SelectorKey(SelectorKeyKind.Attribute, name, value) : null;
    }

    private static string? ReadValue(string text, ref int i)
    {
        if (i >= text.Length)
        {
            return null;
        }

        var quote = text[i];
        if (quote is '"' or '\'')
        {
            var end = text.IndexOf(quote, i + 1);
            if (end < 0)
            {
                return null;
            }

            var value = text.Substring(i + 1, end - i - 1);
            i = end + 1;
            return value;
        }

        return ReadName(text, ref i);
    }

    private static void SkipSpaces(string text, ref int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\r' or '\f')
        {
            i++;
        }
    }

    /// <summary>Reads <c>[A-Za-z0-9_-]+</c>; null when there is none.</summary>
    private static string? ReadName(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && IsNameChar(text[i]))
        {
            i++;
        }

        return i > start ? text.Substring(start, i - start) : null;
    }

    /// <summary>Moves past the bracket that closes the one just opened, honouring nesting and quotes.</summary>
    private static bool SkipPast(string text, ref int i, char close)
    {
        var open = close == ')' ? '(' : '[';
        var depth = 1;
        var quote = '\0';
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == open)
            {
                depth++;
            }
            else if (c == close && --depth == 0)
            {
                i++;
                return true;
            }
        }

        return false;
    }

    internal static bool IsNameChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-';
}

/// <summary>
/// A selector's subject keys as a quick test on one element: false means the selector cannot match it (so AngleSharp's
/// <c>Match</c>, which builds a class list for every element it looks at, need not run); true means it might.
/// </summary>
internal sealed class SelectorFilter
{
    private readonly SelectorKey[]? _keys;

    private SelectorFilter(SelectorKey[]? keys, ClassSelectors? classSelectors)
    {
        _keys = keys;
        ClassSelectors = classSelectors;
    }

    /// <summary>Set when the selector's class selectors can be matched apart from the rest (see <see cref="ScrapeDsl.ClassSelectors"/>).</summary>
    public ClassSelectors? ClassSelectors { get; }

    /// <summary>The filter of a selector; <paramref name="parseRest"/> parses the rest of a compound with AngleSharp (null when it does not parse).</summary>
    public static SelectorFilter For(string selector, Func<string, AngleSharp.Css.Dom.ISelector?> parseRest)
    {
        var shape = SelectorShape.Of(selector);
        return new SelectorFilter(shape.Subjects, shape.Parts is { } parts ? ClassSelectors.Of(parts, parseRest) : null);
    }

    /// <summary>
    /// Exactly what AngleSharp's class selector does (<c>element.ClassList.Contains(name)</c>: the <c>class</c> attribute
    /// split at HTML spaces, tokens compared ordinally), without allocating the class list. False in
    /// <paramref name="known"/> for an element with a class attribute spelt in another case (a document parsed with
    /// attribute names preserved), where the caller asks AngleSharp instead.
    /// </summary>
    public static bool HasClass(IElement element, string name, out bool known)
    {
        known = true;
        var attributes = element.Attributes;
        var length = attributes.Length;
        for (var i = 0; i < length; i++)
        {
            if (attributes[i] is not { } attribute || attribute.Name is not { Length: 5 } attributeName)
            {
                continue;
            }

            if (attributeName == "class")
            {
                return HasToken(attribute.Value, name, StringComparison.Ordinal);
            }

            if (string.Equals(attributeName, "class", StringComparison.OrdinalIgnoreCase))
            {
                known = false;
                return false;
            }
        }

        return false;
    }

    public bool MayMatch(IElement element)
    {
        if (_keys is null)
        {
            return true;
        }

        foreach (var key in _keys)
        {
            if (Has(element, key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the element carries the key (ignoring case).</summary>
    public static bool Has(IElement element, SelectorKey key)
    {
        if (key.Kind == SelectorKeyKind.Tag)
        {
            return string.Equals(element.LocalName, key.Name, StringComparison.OrdinalIgnoreCase);
        }

        var attributes = element.Attributes;
        var length = attributes.Length;
        for (var i = 0; i < length; i++)
        {
            if (attributes[i] is not { } attribute)
            {
                continue;
            }

            switch (key.Kind)
            {
                case SelectorKeyKind.Attribute:
                    if (string.Equals(attribute.Name, key.Name, StringComparison.OrdinalIgnoreCase)
                        || string.Equals(attribute.LocalName, key.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        if (key.Value is null || string.Equals(attribute.Value, key.Value, StringComparison.OrdinalIgnoreCase))
                        {
                            return true;
                        }
                    }

                    break;
                case SelectorKeyKind.Id when string.Equals(attribute.Name, "id", StringComparison.OrdinalIgnoreCase):
                    return string.Equals(attribute.Value, key.Name, StringComparison.OrdinalIgnoreCase);
                case SelectorKeyKind.Class when string.Equals(attribute.Name, "class", StringComparison.OrdinalIgnoreCase):
                    return HasToken(attribute.Value, key.Name, StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    private static bool HasToken(string list, string token, StringComparison comparison)
    {
        var position = 0;
        while (ClassTokens.Next(list, ref position, out var name))
        {
            if (name.Equals(token, comparison))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Class lists as the HTML spec splits them, and a cheap fingerprint of a class name.</summary>
internal static class ClassTokens
{
    /// <summary>ASCII whitespace, the class-list separators (keys never contain other characters, see <see cref="SelectorShape"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHtmlSpace(char c) => c <= ' ' && c is ' ' or '\t' or '\n' or '\f' or '\r';

    /// <summary>
    /// The next name of the class list <paramref name="list"/> at or after <paramref name="position"/>, which moves past
    /// it; false when only spaces are left. Each name's end is found by a vectorized search for the first character at
    /// or below ' ' (every HTML space is one, and a class attribute rarely holds any other), which suits both short hashed
    /// names and long BEM ones.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Next(string list, ref int position, out ReadOnlySpan<char> name)
    {
        var i = position;
        while (i < list.Length && IsHtmlSpace(list[i]))
        {
            i++;
        }

        if (i == list.Length)
        {
            position = i;
            name = default;
            return false;
        }

        position = EndOfName(list, i + 1);
        name = list.AsSpan(i, position - i);
        return true;
    }

    /// <summary>The index of the first HTML space in <paramref name="value"/> at or after <paramref name="from"/>, or its length.</summary>
    private static int EndOfName(string value, int from)
    {
        while (from < value.Length)
        {
            var found = value.AsSpan(from).IndexOfAnyInRange('\0', ' ');
            if (found < 0)
            {
                return value.Length;
            }

            from += found;
            if (IsHtmlSpace(value[from]))
            {
                return from;
            }

            from++;
        }

        return value.Length;
    }

    /// <summary>A 10-bit fingerprint from the length and the first and last characters, the same for any ASCII case.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Fingerprint(ReadOnlySpan<char> name) =>
        ((name.Length * 131) + ((name[0] | 0x20) * 31) + (name[name.Length - 1] | 0x20)) & 1023;
}
