using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ScrapeDsl.Dates;

// Shared source: this file is compiled into the runtime (src/ScrapeDsl) and into the language library's example
// checker (netstandard2.0, inside the compiler), so a date format, a month word and a year taken from the URL mean
// the same thing at run time and at build time.

/// <summary>The text steps of the <c>date</c> transform that do not depend on where it runs.</summary>
internal static class DateText
{
    /// <summary>
    /// Whether <c>type: datetime</c> may read a text that is not ISO 8601 with the invariant culture: it must give the
    /// year in full and must not start with a number followed by <c>.</c>, <c>/</c> or <c>-</c> ("03.06.2025"), which the
    /// invariant culture would read month first, taking a missing date or year from the clock.
    /// </summary>
    public static bool SaysFullDate(string text)
    {
        var trimmed = text.Trim();
        var leading = 0;
        while (leading < trimmed.Length && trimmed[leading] is >= '0' and <= '9')
        {
            leading++;
        }

        if (leading is 1 or 2 && leading < trimmed.Length && trimmed[leading] is '.' or '/' or '-')
        {
            return false;
        }

        var run = 0;
        foreach (var c in trimmed)
        {
            run = c is >= '0' and <= '9' ? run + 1 : 0;
            if (run == 4)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <c>type: datetime</c> reads <paramref name="text"/> and the text names no UTC offset (no <c>Z</c>, no
    /// <c>+03:00</c>, no <c>GMT</c>), so it is taken as UTC: right for a page that writes UTC so, wrong for one that
    /// writes its local time so (SCR024).
    /// </summary>
    public static bool ReadsAsUtcWithoutOffset(string text) =>
        SaysFullDate(text)
        && DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var parsed)
        && parsed.Kind == DateTimeKind.Unspecified;

    /// <summary>Group 1 of <paramref name="yearFromUrl"/> on the page URL, or null.</summary>
    public static string? FindYear(Regex? yearFromUrl, Uri? url)
    {
        if (yearFromUrl is null || url is null)
        {
            return null;
        }

        try
        {
            var match = yearFromUrl.Match(url.AbsoluteUri);
            return match.Success && match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>ISO 8601 with the offset, as the transform outputs it.</summary>
    public static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// A calendar date read by a format without a time of day from a <c>date</c> step without a <c>timeZone</c>:
    /// <c>yyyy-MM-dd</c>, with no offset, since the page named a day, not an instant in any zone.
    /// </summary>
    public static string CalendarDate(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Whitespace runs (any kind) become one space; leading and trailing whitespace is dropped.</summary>
    public static string Collapse(string value)
    {
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

/// <summary>A format as written and as parsed (month names replaced by numbers).</summary>
internal sealed class DateFormat
{
    public DateFormat(string written)
    {
        Written = written;
        var pattern = new StringBuilder(written.Length);
        var quote = '\0';
        var hour = false;
        var minute = false;
        for (var i = 0; i < written.Length; i++)
        {
            var c = written[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
                pattern.Append(c);
                continue;
            }

            if (c is '\'' or '"')
            {
                quote = c;
                pattern.Append(c);
                continue;
            }

            if (c == '\\' && i + 1 < written.Length)
            {
                pattern.Append(c).Append(written[++i]);
                continue;
            }

            if (c == 'M')
            {
                var run = 1;
                while (i + run < written.Length && written[i + run] == 'M')
                {
                    run++;
                }

                i += run - 1;
                if (run >= 3)
                {
                    // The month word becomes its number, and a dot written after it ("июн.") is dropped with it.
                    HasMonthName = true;
                    pattern.Append('M');
                    if (i + 1 < written.Length && written[i + 1] == '.')
                    {
                        i++;
                    }
                }
                else
                {
                    pattern.Append('M', run);
                }

                continue;
            }

            HasYear |= c == 'y';
            HasOffset |= c is 'z' or 'K';
            HasTimeOfDay |= c is 'H' or 'h' or 'm' or 's' or 'f' or 'F' or 't';
            hour |= c is 'H' or 'h';
            minute |= c == 'm';
            Mistake ??= c switch
            {
                'Y' => "'Y' is not a .NET date letter (other date syntaxes use it): the year is 'yyyy'",
                'D' => "'D' is not a .NET date letter (other date syntaxes use it): the day of the month is 'd' or 'dd'",
                _ => null,
            };
            pattern.Append(c);
        }

        Pattern = pattern.ToString();
        if (minute && !hour)
        {
            Mistake ??= "'m' is the minute, and the format has no hour: the month is 'M' or 'MM'";
        }
    }

    public string Written { get; }

    public string Pattern { get; }

    public bool HasMonthName { get; }

    public bool HasYear { get; }

    public bool HasOffset { get; }

    /// <summary>
    /// A letter that .NET reads otherwise than the author surely meant (<c>YYYY-MM-DD</c>, <c>yyyy-mm-dd</c>), as a
    /// sentence for the build's message; null when there is none.
    /// </summary>
    public string? Mistake { get; }

    /// <summary>
    /// Hours, minutes, seconds, fractions or AM/PM: the format reads an instant. Without any, it reads a calendar date,
    /// which needs no time zone (see <see cref="DateText.CalendarDate"/>).
    /// </summary>
    public bool HasTimeOfDay { get; }
}

/// <summary>Every way a culture writes each month, for matching words in dates.</summary>
internal sealed class MonthNames
{
    private static readonly Dictionary<string, MonthNames> s_cache = new(StringComparer.Ordinal);

    private readonly Dictionary<string, int> _forms = new(StringComparer.Ordinal);
    private readonly TextInfo _text;

    private MonthNames(CultureInfo culture)
    {
        _text = culture.TextInfo;
        var format = culture.DateTimeFormat;
        var full = new List<(string Name, int Month)>();
        foreach (var names in new[] { format.MonthNames, format.MonthGenitiveNames, format.AbbreviatedMonthNames, format.AbbreviatedMonthGenitiveNames })
        {
            for (var m = 0; m < 12 && m < names.Length; m++)
            {
                var name = Clean(names[m]);
                if (name.Length == 0)
                {
                    continue;
                }

                _forms[name] = m + 1;
                full.Add((name, m + 1));
            }
        }

        // Unambiguous prefixes of 3+ letters ("июн" for июнь/июня, "sept" for September); ambiguous ones are dropped.
        var prefixes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, month) in full)
        {
            for (var length = 3; length < name.Length; length++)
            {
                var prefix = name.Substring(0, length);
                if (_forms.ContainsKey(prefix))
                {
                    continue;
                }

                prefixes[prefix] = prefixes.TryGetValue(prefix, out var other) && other != month ? -1 : month;
            }
        }

        foreach (var pair in prefixes)
        {
            if (pair.Value > 0)
            {
                _forms[pair.Key] = pair.Value;
            }
        }
    }

    public static MonthNames For(CultureInfo culture)
    {
        lock (s_cache)
        {
            if (!s_cache.TryGetValue(culture.Name, out var names))
            {
                names = new MonthNames(culture);
                s_cache.Add(culture.Name, names);
            }

            return names;
        }
    }

    /// <summary>Replaces the first word that names a month (and a dot right after it) with the month's number.</summary>
    public string? ReplaceFirst(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            var word = _text.ToLower(text.Substring(start, i - start));
            if (_forms.TryGetValue(word, out var month))
            {
                var end = i < text.Length && text[i] == '.' ? i + 1 : i;
                return text.Substring(0, start) + month.ToString(CultureInfo.InvariantCulture) + text.Substring(end);
            }
        }

        return null;
    }

    private string Clean(string name) => _text.ToLower(name.Trim().TrimEnd('.'));
}
