using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ScrapeDsl.Language;

/// <summary>
/// The runtime's <c>date</c> step (src/ScrapeDsl/Transforms/DateTransform.cs) for the example checks: explicit formats,
/// a culture, month names matched by every form the culture knows, the year from the page URL for formats without one.
/// A copy, held to the runtime by <c>SemanticsTests</c>. What it cannot know inside the compiler it says so
/// (<see cref="Outcome.Unknown"/>) instead of guessing: a culture or time zone this machine does not have.
/// </summary>
internal sealed class ExampleDate
{
    private readonly Format[] _formats;
    private readonly CultureInfo _culture;
    private readonly TimeZoneInfo? _zone;
    private readonly Regex? _yearFromUrl;
    private readonly ExampleMonthNames _months;

    private ExampleDate(string[] formats, CultureInfo culture, TimeZoneInfo? zone, Regex? yearFromUrl)
    {
        _culture = culture;
        _zone = zone;
        _yearFromUrl = yearFromUrl;
        _months = ExampleMonthNames.For(_culture);
        _formats = new Format[formats.Length];
        for (var i = 0; i < formats.Length; i++)
        {
            _formats[i] = new Format(formats[i]);
        }
    }

    /// <summary>What one value gave.</summary>
    public enum Outcome
    {
        /// <summary>No format parses it: the source yields nothing.</summary>
        Nothing,

        /// <summary>Parsed; the ISO text is exact.</summary>
        Value,

        /// <summary>Parsed, but the offset is unknown here (the time zone is not on this machine): the text is not exact.</summary>
        ValueWithUnknownOffset,

        /// <summary>Cannot tell here (the culture is not on this machine).</summary>
        Unknown,
    }

    /// <summary>The step, or null when its culture is not available here (every value is then <see cref="Outcome.Unknown"/>).</summary>
    public static ExampleDate? Create(string[] formats, string culture, string? timeZone, Regex? yearFromUrl)
    {
        CultureInfo info;
        try
        {
            info = CultureInfo.GetCultureInfo(culture);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }

        // Under invariant globalization every culture is the invariant one, whose month names are not the rule's.
        if (!string.Equals(info.Name, culture, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        TimeZoneInfo? zone = TimeZoneInfo.Utc;
        if (timeZone is not null && timeZone != "UTC")
        {
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
            }
            catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException or System.Security.SecurityException)
            {
                zone = null;
            }
        }

        return new ExampleDate(formats, info, zone, yearFromUrl);
    }

    public Outcome Apply(string value, Uri? url, out string? iso)
    {
        iso = null;
        var text = Collapse(value);
        string? year = null;
        foreach (var format in _formats)
        {
            var candidate = text;
            var pattern = format.Pattern;
            if (format.HasMonthName)
            {
                if (_months.ReplaceFirst(candidate) is not { } numeric)
                {
                    continue;
                }

                candidate = numeric;
            }

            if (!format.HasYear)
            {
                year ??= FindYear(url);
                if (year is null)
                {
                    continue;
                }

                candidate = year + " " + candidate;
                pattern = "yyyy " + pattern;
            }

            if (format.HasOffset)
            {
                if (DateTimeOffset.TryParseExact(candidate, pattern, _culture, DateTimeStyles.AllowWhiteSpaces, out var withOffset))
                {
                    iso = Iso(withOffset);
                    return Outcome.Value;
                }
            }
            else if (DateTime.TryParseExact(candidate, pattern, _culture, DateTimeStyles.AllowWhiteSpaces, out var local))
            {
                local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
                if (_zone is null)
                {
                    iso = Iso(new DateTimeOffset(local, TimeSpan.Zero));
                    return Outcome.ValueWithUnknownOffset;
                }

                iso = Iso(new DateTimeOffset(local, _zone.GetUtcOffset(local)));
                return Outcome.Value;
            }
        }

        return Outcome.Nothing;
    }

    private string? FindYear(Uri? url)
    {
        if (_yearFromUrl is null || url is null)
        {
            return null;
        }

        try
        {
            var match = _yearFromUrl.Match(url.AbsoluteUri);
            return match.Success && match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Collapse(string value)
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

    /// <summary>A format as written and as parsed (month names replaced by numbers).</summary>
    private sealed class Format
    {
        public Format(string written)
        {
            Written = written;
            var pattern = new StringBuilder(written.Length);
            var quote = '\0';
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
                pattern.Append(c);
            }

            Pattern = pattern.ToString();
        }

        public string Written { get; }

        public string Pattern { get; }

        public bool HasMonthName { get; }

        public bool HasYear { get; }

        public bool HasOffset { get; }
    }
}

/// <summary>Every way a culture writes each month, for matching words in dates.</summary>
internal sealed class ExampleMonthNames
{
    private static readonly Dictionary<string, ExampleMonthNames> s_cache = new(StringComparer.Ordinal);

    private readonly Dictionary<string, int> _forms = new(StringComparer.Ordinal);
    private readonly TextInfo _text;

    private ExampleMonthNames(CultureInfo culture)
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

    public static ExampleMonthNames For(CultureInfo culture)
    {
        lock (s_cache)
        {
            if (!s_cache.TryGetValue(culture.Name, out var names))
            {
                names = new ExampleMonthNames(culture);
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
