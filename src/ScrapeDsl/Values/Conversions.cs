using System;
using System.Globalization;
using ScrapeDsl.Dates;

namespace ScrapeDsl;

/// <summary>Converts a field's text to its declared type.</summary>
/// <returns>False when the text is not a valid value of the type.</returns>
public delegate bool TryConvert<T>(string text, out T value);

/// <summary>
/// The meaning of each field <c>type</c>. All conversions use the invariant culture; culture-specific
/// formats are written as transforms.
/// </summary>
public static class Conversions
{
    private static readonly string[] s_dateFormats = { "yyyy-MM-dd", "yyyyMMdd" };

    /// <summary><c>type: int</c>: an optionally signed integer (no thousands separators).</summary>
    public static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

    /// <summary><c>type: decimal</c>: a number with <c>.</c> as decimal separator and optional exponent.</summary>
    public static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary><c>type: bool</c>: true/false, yes/no, on/off, 1/0 (case-insensitive).</summary>
    public static bool TryBool(string text, out bool value)
    {
        switch (text.ToLowerInvariant())
        {
            case "true" or "yes" or "on" or "1":
                value = true;
                return true;
            case "false" or "no" or "off" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>
    /// <c>type: datetime</c>: ISO 8601 (or another invariant format); the offset in the text is kept.
    /// A text without an offset is read as UTC (write a transform with a time zone for local times).
    /// The text must give the year in full and must not start with a number followed by <c>.</c>, <c>/</c> or <c>-</c>
    /// ("03.06.2025"): the invariant culture would read the month first, and take a missing date or year from the clock.
    /// </summary>
    public static bool TryDateTime(string text, out DateTimeOffset value)
    {
        if (IsoDates.TryDateTime(text) is { } iso)
        {
            value = iso;
            return true;
        }

        if (!DateText.SaysFullDate(text))
        {
            value = default;
            return false;
        }

        return DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal,
            out value);
    }

    /// <summary><c>type: date</c>: <c>yyyy-MM-dd</c>, or the date part (as written) of a date-time.</summary>
    public static bool TryDate(string text, out DateOnly value)
    {
        if (IsoDates.TryDateOnly(text) is { } iso)
        {
            value = iso;
            return true;
        }

        // A longer text is never one of the exact date formats below: an ISO date-time gives its date part at once.
        if (text.Length > 10 && IsoDates.TryDateTime(text) is { } isoInstant)
        {
            value = DateOnly.FromDateTime(isoInstant.DateTime);
            return true;
        }

        if (DateOnly.TryParseExact(text, s_dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return true;
        }

        if (TryDateTime(text, out var instant))
        {
            value = DateOnly.FromDateTime(instant.DateTime);
            return true;
        }

        return false;
    }

    /// <summary>
    /// <c>type: url</c>: absolute URLs are kept; relative ones are resolved against <paramref name="baseUri"/>
    /// (the page's <c>&lt;base href&gt;</c>, else the page URL) and stay relative when there is neither.
    /// <c>javascript:</c>, <c>data:</c> and <c>vbscript:</c> values (also spelled as a browser would still run them, e.g.
    /// <c>" JavaScript:…"</c> or with a tab inside the scheme) are not URLs of a page: the conversion fails.
    /// </summary>
    public static bool TryUrl(string text, Uri? baseUri, out Uri value)
    {
        value = null!;
        if (IsScriptOrData(text))
        {
            return false;
        }

        if (text.StartsWith("//", StringComparison.Ordinal) && baseUri is null)
        {
            text = "https:" + text;
        }

        Uri? url = null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            url = absolute;
        }
        else if (baseUri is not null && Uri.TryCreate(baseUri, text, out var resolved))
        {
            url = resolved;
        }
        else if (Uri.TryCreate(text, UriKind.Relative, out var relative))
        {
            url = relative;
        }

        // A relative value resolved against a base that is itself a script or data URL is no better.
        if (url is null || (url.IsAbsoluteUri && IsScriptOrData(url.Scheme + ":")))
        {
            return false;
        }

        value = url;
        return true;
    }

    /// <summary>
    /// True for a <c>javascript:</c>, <c>data:</c> or <c>vbscript:</c> URL, also spelled as a browser would still run
    /// it: the scheme is case-insensitive, and spaces and control characters before the <c>:</c> are ignored.
    /// </summary>
    public static bool IsScriptOrData(string text)
    {
        Span<char> scheme = stackalloc char[10];
        var length = 0;
        foreach (var c in text)
        {
            // Browsers drop tabs and line breaks anywhere and ignore leading spaces; attribute values reach here with
            // whitespace already collapsed to spaces, so any space or control character before the ':' is ignored.
            if (c <= ' ')
            {
                continue;
            }

            if (c == ':')
            {
                var name = scheme.Slice(0, length);
                return name.SequenceEqual("javascript") || name.SequenceEqual("data") || name.SequenceEqual("vbscript");
            }

            if (length == scheme.Length || !(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }

            scheme[length++] = char.ToLowerInvariant(c);
        }

        return false;
    }
}
