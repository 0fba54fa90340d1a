using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;

namespace ScrapeDsl;

/// <summary>
/// A fast path for <c>DateTime.TryParseExact(text, pattern, culture, DateTimeStyles.AllowWhiteSpaces, out …)</c> on the
/// custom formats pages write dates in (<c>M d, yyyy, h:mm tt</c>, <c>yyyy d M, HH:mm</c>): the .NET parser matches
/// <c>tt</c> through ICU's culture-aware comparison, the largest part of the <c>date</c> transform's cost. A pattern is
/// prepared once; reading then follows the .NET exact parser step by step (whitespace skipped before every format item,
/// digits read greedily, no backtracking) and answers only when it is sure. A pattern outside the subset gives no reader
/// (<see cref="Prepare"/> returns null), and a text it cannot read, or would not be sure of, gives false: the caller then
/// runs the .NET parser as before, so no text is read differently. <c>ExactDatesTests</c> compares both on generated texts.
/// </summary>
/// <remarks>
/// The subset: <c>yyyy</c>, <c>M</c>/<c>MM</c>, <c>d</c>/<c>dd</c> (all three required: a missing part would come from the
/// clock), <c>H</c>/<c>HH</c>, <c>h</c>/<c>hh</c>, <c>m</c>/<c>mm</c>, <c>s</c>/<c>ss</c>, each at most once; <c>tt</c>
/// when both designators are plain ASCII letters the culture compares as ASCII does; <c>:</c> and <c>/</c> when the
/// culture's separator is one character; quoted literals without escapes (not first or last: .NET trims spaces inside
/// those); other literal characters except ASCII letters. Only the Gregorian calendar. Everything else: no reader.
/// </remarks>
internal sealed class ExactDates
{
    private static readonly ConcurrentDictionary<string, (string Am, string Pm)?> s_designators = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string Culture, bool Abbreviated), string[]?> s_dayNames = new();

    private readonly Token[] _tokens;
    private readonly string _am;
    private readonly string _pm;
    private readonly bool _hour12;
    private readonly string[]? _dayNames;

    private ExactDates(Token[] tokens, string am, string pm, bool hour12, string[]? dayNames)
    {
        _tokens = tokens;
        _am = am;
        _pm = pm;
        _hour12 = hour12;
        _dayNames = dayNames;
    }

    private enum Kind : byte
    {
        Year,
        Month,
        Day,
        Hour,
        Minute,
        Second,
        DayName,
        TimeMark,
        Literal,
        Separator,
        Space,
    }

    /// <summary>The reader of <paramref name="pattern"/> in <paramref name="culture"/>, or null when the pattern is outside the subset.</summary>
    public static ExactDates? Prepare(string pattern, CultureInfo culture)
    {
        var format = culture.DateTimeFormat;

        // A one-character pattern is a standard format; another calendar numbers years and months its own way.
        if (pattern.Length < 2 || format.Calendar.GetType() != typeof(GregorianCalendar))
        {
            return null;
        }

        // Only ' ' is a no-op under AllowInnerWhite; any other whitespace in a pattern has rules of its own. A quote at
        // either end has its inner spaces trimmed by .NET (RemoveLeadingInQuoteSpaces/RemoveTrailingInQuoteSpaces).
        var first = 0;
        var last = pattern.Length - 1;
        while (first <= last && pattern[first] == ' ')
        {
            first++;
        }

        while (last >= first && pattern[last] == ' ')
        {
            last--;
        }

        if (first > last || pattern[first] is '\'' or '"' || pattern[last] is '\'' or '"')
        {
            return null;
        }

        foreach (var c in pattern)
        {
            if (c != ' ' && (char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c)))
            {
                return null;
            }
        }

        var tokens = new List<Token>();
        var seen = new bool[(int)Kind.TimeMark + 1];
        var hour12 = false;
        string am = string.Empty, pm = string.Empty;
        string[]? dayNames = null;
        for (var i = first; i <= last; i++)
        {
            var c = pattern[i];
            var run = 1;
            while (i + run <= last && pattern[i + run] == c)
            {
                run++;
            }

            Kind kind;
            switch (c)
            {
                case ' ':
                    continue;
                case 'y':
                    // Exactly four digits; shorter runs are two-digit years (a century rule), longer ones other widths.
                    if (run != 4)
                    {
                        return null;
                    }

                    kind = Kind.Year;
                    break;
                case 'd' when run is 3 or 4:
                    // "ddd"/"dddd": a day name, which .NET checks against the date once it is read.
                    if (DayNames(culture, abbreviated: run == 3) is not { } names)
                    {
                        return null;
                    }

                    dayNames = names;
                    kind = Kind.DayName;
                    break;
                case 'M' or 'd' or 'H' or 'h' or 'm' or 's':
                    // Three or more M or d are names; "h"/"hh" is the 12-hour clock, "H"/"HH" the 24-hour one.
                    if (run > 2)
                    {
                        return null;
                    }

                    kind = c switch { 'M' => Kind.Month, 'd' => Kind.Day, 'H' or 'h' => Kind.Hour, 'm' => Kind.Minute, _ => Kind.Second };
                    hour12 |= c == 'h';
                    break;
                case 't':
                    // "t" matches the first letter only; "tt" the whole designator, case-insensitively in the culture.
                    if (run != 2 || Designators(culture) is not { } designators)
                    {
                        return null;
                    }

                    (am, pm) = designators;
                    kind = Kind.TimeMark;
                    break;
                case ':' or '/':
                    // .NET accepts the character itself or the culture's separator (when that is not longer text).
                    var separator = c == ':' ? format.TimeSeparator : format.DateSeparator;
                    if (separator.Length != 1)
                    {
                        return null;
                    }

                    tokens.Add(new Token(Kind.Separator, 0, c, separator[0], skipWhiteBefore: true));
                    continue;
                case '\'' or '"':
                    var close = pattern.IndexOf(c, i + 1);
                    if (close < 0 || close > last || pattern.IndexOf('\\', i + 1, close - i - 1) >= 0)
                    {
                        return null;
                    }

                    // Inside quotes only a space skips whitespace; the other characters must follow each other exactly.
                    for (var k = i + 1; k < close; k++)
                    {
                        var literal = pattern[k];
                        tokens.Add(literal == ' '
                            ? new Token(Kind.Space, 0, ' ', ' ', skipWhiteBefore: true)
                            : new Token(Kind.Literal, 0, literal, literal, skipWhiteBefore: k == i + 1));
                    }

                    i = close;
                    continue;
                default:
                    // '%', '\\' and letters are specifiers or escapes (g, f, F, z, K, Z, ...), not literals of this subset.
                    // .NET also reads an unquoted "GMT" (compared in the culture) as a zone, so a literal there is left alone.
                    if (c is '%' or '\\' || char.IsAsciiLetter(c)
                        || (i + 3 <= pattern.Length && culture.CompareInfo.Compare(pattern.AsSpan(i, 3), "GMT", CompareOptions.IgnoreCase) == 0))
                    {
                        return null;
                    }

                    tokens.Add(new Token(Kind.Literal, 0, c, c, skipWhiteBefore: true));
                    continue;
            }

            // Each part once: .NET compares a repeated part with the first, which this reader does not.
            if (seen[(int)kind])
            {
                return null;
            }

            seen[(int)kind] = true;
            tokens.Add(new Token(kind, (byte)run, c, c, skipWhiteBefore: true));
            i += run - 1;
        }

        if (!seen[(int)Kind.Year] || !seen[(int)Kind.Month] || !seen[(int)Kind.Day] || (seen[(int)Kind.TimeMark] && !seen[(int)Kind.Hour]))
        {
            return null;
        }

        return new ExactDates(tokens.ToArray(), am, pm, hour12, dayNames);
    }

    /// <summary>
    /// True with the value <c>DateTime.TryParseExact</c> (<c>AllowWhiteSpaces</c>) gives for <paramref name="text"/>;
    /// false when the text does not parse or the reader is not sure (the caller then asks .NET).
    /// </summary>
    public bool TryRead(ReadOnlySpan<char> text, out DateTime value)
    {
        value = default;

        // AllowTrailingWhite trims the end; AllowLeadingWhite and AllowInnerWhite skip whitespace before every item.
        var length = text.Length;
        while (length > 0 && char.IsWhiteSpace(text[length - 1]))
        {
            length--;
        }

        text = text.Slice(0, length);
        int pos = 0, year = 0, month = 0, day = 0, hour = -1, minute = 0, second = 0;
        var pm = false;
        var marked = false;
        var dayOfWeek = -1;
        foreach (var token in _tokens)
        {
            if (token.SkipWhiteBefore)
            {
                while (pos < text.Length && char.IsWhiteSpace(text[pos]))
                {
                    pos++;
                }
            }

            switch (token.Kind)
            {
                case Kind.Literal:
                    if (pos >= text.Length || text[pos] != token.Char)
                    {
                        return false;
                    }

                    pos++;
                    break;
                case Kind.Separator:
                    if (pos >= text.Length || (text[pos] != token.Char && text[pos] != token.Other))
                    {
                        return false;
                    }

                    pos++;
                    break;
                case Kind.Space:
                    break;
                case Kind.TimeMark:
                    if (!TryMark(text, ref pos, out pm))
                    {
                        return false;
                    }

                    marked = true;
                    break;
                case Kind.DayName:
                    if (!TryDayName(text, ref pos, out dayOfWeek))
                    {
                        return false;
                    }

                    break;
                default:
                    // One digit in the pattern reads one or two; two or four read exactly that many (ASCII digits only).
                    var min = token.Width == 1 ? 1 : token.Width;
                    var max = token.Width == 1 ? 2 : token.Width;
                    var number = 0;
                    var digits = 0;
                    while (digits < max && pos < text.Length && char.IsAsciiDigit(text[pos]))
                    {
                        number = (number * 10) + (text[pos] - '0');
                        digits++;
                        pos++;
                    }

                    if (digits < min)
                    {
                        return false;
                    }

                    switch (token.Kind)
                    {
                        case Kind.Year: year = number; break;
                        case Kind.Month: month = number; break;
                        case Kind.Day: day = number; break;
                        case Kind.Hour: hour = number; break;
                        case Kind.Minute: minute = number; break;
                        default: second = number; break;
                    }

                    break;
            }
        }

        if (pos < text.Length)
        {
            return false;
        }

        // As .NET: "h" without a designator is AM, and hour 0 is accepted ("0:30 AM" is 00:30); with "H" a designator
        // must agree with the hour.
        if (_hour12)
        {
            if (hour > 12)
            {
                return false;
            }

            hour = pm ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour);
        }
        else if (marked && (pm ? hour < 12 : hour >= 12))
        {
            return false;
        }

        hour = Math.Max(hour, 0);
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);

        // As .NET: a day name must be the date's.
        if (dayOfWeek >= 0 && (int)value.DayOfWeek != dayOfWeek)
        {
            value = default;
            return false;
        }

        return true;
    }

    /// <summary>
    /// The designators of a culture when both are ASCII letters (at most four) that its comparison, ignoring case, holds
    /// equal to exactly their ASCII case variants: then a text of ASCII letters matches as it does ordinally ignoring
    /// case. Checked once per culture on every case variant and every one-letter change (Turkish "i", tailored letters).
    /// </summary>
    private static (string Am, string Pm)? Designators(CultureInfo culture) =>
        s_designators.GetOrAdd(culture.Name, static (_, culture) =>
        {
            var am = culture.DateTimeFormat.AMDesignator;
            var pm = culture.DateTimeFormat.PMDesignator;
            return AsciiWord(culture.CompareInfo, am) && AsciiWord(culture.CompareInfo, pm)
                && !string.Equals(am, pm, StringComparison.OrdinalIgnoreCase) ? (am, pm) : null;
        }, culture);

    /// <summary>
    /// The culture's seven day names (full or abbreviated, indexed by <see cref="DayOfWeek"/>) when each is ASCII letters
    /// that its comparison, ignoring case, holds equal to exactly their ASCII case variants (as for the designators);
    /// else null. Checked once per culture.
    /// </summary>
    private static string[]? DayNames(CultureInfo culture, bool abbreviated) =>
        s_dayNames.GetOrAdd((culture.Name, abbreviated), static (_, state) =>
        {
            var names = state.Abbreviated ? state.Culture.DateTimeFormat.AbbreviatedDayNames : state.Culture.DateTimeFormat.DayNames;
            if (names.Length != 7)
            {
                return null;
            }

            foreach (var name in names)
            {
                if (!AsciiWord(state.Culture.CompareInfo, name, maxLength: 12))
                {
                    return null;
                }
            }

            return (string[])names.Clone();
        }, (Culture: culture, Abbreviated: abbreviated));

    /// <summary>
    /// <c>ddd</c>/<c>dddd</c>: the longest day name the text starts with, compared over the name's length (.NET's
    /// MatchDayName). False when none matches, or when a compared stretch of text holds anything but printable ASCII
    /// (the culture's comparison ignores some control characters and folds others: it would decide).
    /// </summary>
    private bool TryDayName(ReadOnlySpan<char> text, ref int pos, out int dayOfWeek)
    {
        dayOfWeek = -1;
        var longest = 0;
        for (var day = 0; day < 7; day++)
        {
            var name = _dayNames![day];
            if (pos + name.Length > text.Length)
            {
                continue;
            }

            var word = text.Slice(pos, name.Length);
            foreach (var c in word)
            {
                if (c is < ' ' or > '~')
                {
                    dayOfWeek = -1;
                    return false;
                }
            }

            if (name.Length > longest && word.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                longest = name.Length;
                dayOfWeek = day;
            }
        }

        pos += longest;
        return dayOfWeek >= 0;
    }

    /// <summary>
    /// ASCII letters, at most <paramref name="maxLength"/>, that <paramref name="compare"/> (ignoring case) holds equal to
    /// each of their ASCII case variants and to no word with one letter changed. Up to four letters every case variant is
    /// tried; a longer word is tried all in lower case, all in upper case and with each letter's case changed on its own
    /// (a comparison that ignores case weighs each letter's case on its own).
    /// </summary>
    private static bool AsciiWord(CompareInfo compare, string word, int maxLength = 4)
    {
        if (word.Length == 0 || word.Length > maxLength)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        var variant = new char[word.Length];
        if (word.Length <= 4)
        {
            for (var mask = 0; mask < 1 << word.Length; mask++)
            {
                for (var i = 0; i < word.Length; i++)
                {
                    variant[i] = (mask & (1 << i)) != 0 ? char.ToUpperInvariant(word[i]) : char.ToLowerInvariant(word[i]);
                }

                if (compare.Compare(variant, word, CompareOptions.IgnoreCase) != 0)
                {
                    return false;
                }
            }
        }
        else
        {
            if (compare.Compare(word.ToLowerInvariant(), word, CompareOptions.IgnoreCase) != 0
                || compare.Compare(word.ToUpperInvariant(), word, CompareOptions.IgnoreCase) != 0)
            {
                return false;
            }

            for (var i = 0; i < word.Length; i++)
            {
                word.CopyTo(0, variant, 0, word.Length);
                variant[i] = char.IsAsciiLetterUpper(word[i]) ? char.ToLowerInvariant(word[i]) : char.ToUpperInvariant(word[i]);
                if (compare.Compare(variant, word, CompareOptions.IgnoreCase) != 0)
                {
                    return false;
                }
            }
        }

        for (var i = 0; i < word.Length; i++)
        {
            word.CopyTo(0, variant, 0, word.Length);
            for (var c = 'A'; c <= 'z'; c++)
            {
                if (!char.IsAsciiLetter(c) || char.ToLowerInvariant(c) == char.ToLowerInvariant(word[i]))
                {
                    continue;
                }

                variant[i] = c;
                if (compare.Compare(variant, word, CompareOptions.IgnoreCase) == 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// <c>tt</c>: the AM designator, else the PM one, compared over its length (.NET's MatchTimeMark). False when neither
    /// matches, or when the text there is not ASCII letters (the culture's comparison would decide).
    /// </summary>
    private bool TryMark(ReadOnlySpan<char> text, ref int pos, out bool pm)
    {
        pm = false;
        foreach (var (designator, isPm) in (ReadOnlySpan<(string, bool)>)[(_am, false), (_pm, true)])
        {
            if (pos + designator.Length > text.Length)
            {
                continue;
            }

            var word = text.Slice(pos, designator.Length);
            foreach (var c in word)
            {
                if (!char.IsAsciiLetter(c))
                {
                    return false;
                }
            }

            if (word.Equals(designator, StringComparison.OrdinalIgnoreCase))
            {
                pos += designator.Length;
                pm = isPm;
                return true;
            }
        }

        return false;
    }

    private readonly struct Token(Kind kind, byte width, char c, char other, bool skipWhiteBefore)
    {
        public Kind Kind { get; } = kind;

        public byte Width { get; } = width;

        public char Char { get; } = c;

        public char Other { get; } = other;

        public bool SkipWhiteBefore { get; } = skipWhiteBefore;
    }
}
