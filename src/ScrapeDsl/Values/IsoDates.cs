using System;

namespace ScrapeDsl;

/// <summary>
/// A fast path for the date-times pages write most (<c>2025-06-03T20:14:01+03:00</c>, <c>…Z</c>, <c>2025-06-03</c>):
/// the general .NET parsers tokenize and compare culture strings, several microseconds per value. The fast path only
/// answers when the text has exactly one of these shapes and every part is in range; anything else (spaces, other
/// separators, out-of-range parts, years near the ends of the calendar) returns null and goes to the general parser,
/// so no text is read differently. <c>IsoDatesTests</c> compares both on generated texts.
/// </summary>
internal static class IsoDates
{
    /// <summary>
    /// <c>yyyy-MM-dd</c>, optionally <c>THH:mm</c>, <c>:ss</c>, <c>.f</c> (1–7 digits), then <c>Z</c> or <c>±HH:mm</c>;
    /// without a zone the value is UTC (the conversion's <c>AssumeUniversal</c>). Null when not this shape.
    /// </summary>
    public static DateTimeOffset? TryDateTime(ReadOnlySpan<char> text)
    {
        if (!TryDate(text, out var year, out var month, out var day))
        {
            return null;
        }

        int hour = 0, minute = 0, second = 0;
        long fraction = 0;
        var offset = TimeSpan.Zero;
        var rest = text.Slice(10);
        if (rest.Length > 0)
        {
            if (rest.Length < 6 || rest[0] != 'T' || !TwoDigits(rest, 1, 23, out hour) || rest[3] != ':' || !TwoDigits(rest, 4, 59, out minute))
            {
                return null;
            }

            rest = rest.Slice(6);
            if (rest.Length > 0 && rest[0] == ':')
            {
                if (!TwoDigits(rest, 1, 59, out second))
                {
                    return null;
                }

                rest = rest.Slice(3);
                if (rest.Length > 0 && rest[0] == '.')
                {
                    var digits = 0;
                    while (digits + 1 < rest.Length && char.IsAsciiDigit(rest[digits + 1]))
                    {
                        digits++;
                    }

                    if (digits is 0 or > 7)
                    {
                        return null;
                    }

                    for (var i = 0; i < 7; i++)
                    {
                        fraction = (fraction * 10) + (i < digits ? rest[i + 1] - '0' : 0);
                    }

                    rest = rest.Slice(digits + 1);
                }
            }

            if (rest.Length == 1 && rest[0] == 'Z')
            {
                rest = default;
            }
            else if (rest.Length == 6 && rest[0] is '+' or '-' && TwoDigits(rest, 1, 14, out var offsetHours) && rest[3] == ':'
                && TwoDigits(rest, 4, 59, out var offsetMinutes) && offsetHours * 60 + offsetMinutes <= 14 * 60)
            {
                offset = new TimeSpan(offsetHours, offsetMinutes, 0);
                if (rest[0] == '-')
                {
                    offset = -offset;
                }

                rest = default;
            }

            if (rest.Length > 0)
            {
                return null;
            }
        }

        return new DateTimeOffset(new DateTime(year, month, day, hour, minute, second).AddTicks(fraction), offset);
    }

    /// <summary><c>yyyy-MM-dd</c> and nothing else; null when the text is not that, or not a real day.</summary>
    public static DateOnly? TryDateOnly(ReadOnlySpan<char> text) =>
        text.Length == 10 && TryDate(text, out var year, out var month, out var day) ? new DateOnly(year, month, day) : null;

    /// <summary>The leading <c>yyyy-MM-dd</c> of a text, when it is a real day (years 2–9998 only: no edge of the calendar).</summary>
    private static bool TryDate(ReadOnlySpan<char> text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (text.Length < 10 || text[4] != '-' || text[7] != '-'
            || !TwoDigits(text, 0, 99, out var century) || !TwoDigits(text, 2, 99, out var yearOfCentury)
            || !TwoDigits(text, 5, 12, out month) || !TwoDigits(text, 8, 31, out day))
        {
            return false;
        }

        year = (century * 100) + yearOfCentury;
        return year is >= 2 and <= 9998 && month >= 1 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    private static bool TwoDigits(ReadOnlySpan<char> text, int at, int max, out int value)
    {
        value = 0;
        if (at + 1 >= text.Length || !char.IsAsciiDigit(text[at]) || !char.IsAsciiDigit(text[at + 1]))
        {
            return false;
        }

        value = ((text[at] - '0') * 10) + (text[at + 1] - '0');
        return value <= max;
    }
}
