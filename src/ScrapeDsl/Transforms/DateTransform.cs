using System;
using System.Collections.Generic;
using System.Globalization;

using ScrapeDsl.Dates;

namespace ScrapeDsl;

/// <summary>
/// <c>date</c>: parses a date written for people ("03 июн, 20:14", "December 16, 2016") with explicit formats, a
/// culture and a time zone, and outputs ISO 8601 with the offset (<c>2025-06-03T20:14:00+03:00</c>) for the field's
/// <c>datetime</c>/<c>date</c> conversion. Without a time zone, a format without a time of day gives a calendar date
/// (<c>2025-06-04</c>); the build allows that only outside <c>datetime</c> fields (SCR045). Never looks at the machine
/// clock or the machine's time zone.
/// </summary>
/// <remarks>
/// Month names (<c>MMM</c>/<c>MMMM</c> in a format) are matched by <see cref="MonthNames"/>: every form the culture
/// knows (nominative, genitive, abbreviated, with or without a final dot) and any unambiguous 3+ letter prefix,
/// case-insensitively; so Russian "июня", "июнь", "июн" and "июн." all mean June. A format without a year takes it
/// from the page URL (<c>yearFromUrl</c>, group 1 of a regex); without one it cannot parse, by design. Common
/// patterns are read by <see cref="ExactDates"/>, which gives what <c>DateTime.TryParseExact</c> gives or leaves the
/// text to it.
/// </remarks>
internal sealed class DateTransform : Transform
{
    private readonly DateFormat[] _formats;
    private readonly CultureInfo _culture;
    private readonly TimeZoneInfo _zone;
    private readonly bool _calendar;
    private readonly TieredRegex? _yearFromUrl;
    private readonly MonthNames _months;
    private readonly ExactDates?[] _fast;

    public DateTransform(string[] formats, string culture, string? timeZone, TieredRegex? yearFromUrl)
    {
        _culture = CultureInfo.GetCultureInfo(culture);
        _zone = timeZone is null || timeZone == "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        _calendar = timeZone is null;
        _yearFromUrl = yearFromUrl;
        _months = MonthNames.For(_culture);
        _formats = new DateFormat[formats.Length];
        _fast = new ExactDates?[formats.Length];
        for (var i = 0; i < formats.Length; i++)
        {
            _formats[i] = new DateFormat(formats[i]);

            // The pattern as Apply passes it to .NET; null when it is outside the fast path's subset.
            _fast[i] = _formats[i].HasOffset ? null : ExactDates.Prepare(_formats[i].HasYear ? _formats[i].Pattern : "yyyy " + _formats[i].Pattern, _culture);
        }
    }

    public override string Describe() => "date " + string.Join(" | ", Array.ConvertAll(_formats, static f => f.Written));

    internal override void Apply(string value, Page page, List<string> output)
    {
        // The runtime's own whitespace collapsing (what DateText.Collapse does for the checker), which returns a date
        // that is already collapsed as it is.
        var text = TextContent.NormalizeInline(value);
        string? year = null;
        for (var i = 0; i < _formats.Length; i++)
        {
            var format = _formats[i];
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
                year ??= page.YearFromUrl(_yearFromUrl);
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
                    output.Add(DateText.Iso(withOffset));
                    return;
                }
            }
            else if (_fast[i] is { } fast && fast.TryRead(candidate, out var read))
            {
                output.Add(Local(read, format));
                return;
            }
            else if (DateTime.TryParseExact(candidate, pattern, _culture, DateTimeStyles.AllowWhiteSpaces, out var local))
            {
                output.Add(Local(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), format));
                return;
            }
        }
    }

    /// <summary>
    /// A date read without an offset: a calendar date when no zone is named and the format has no time of day, else the
    /// instant in the zone (UTC when none is named).
    /// </summary>
    private string Local(DateTime local, DateFormat format) =>
        _calendar && !format.HasTimeOfDay ? DateText.CalendarDate(local) : DateText.Iso(new DateTimeOffset(local, _zone.GetUtcOffset(local)));
}
