using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

using ScrapeDsl.Dates;

namespace ScrapeDsl.Language;

/// <summary>
/// The runtime's <c>date</c> step (src/ScrapeDsl/Transforms/DateTransform.cs) for the example checks: explicit formats,
/// a culture, month names matched by every form the culture knows, the year from the page URL for formats without one.
/// Format parsing and month words are shared source with the runtime (src/Shared/DateText.cs); the rest is held to the runtime by <c>SemanticsTests</c>. What it cannot know inside the compiler it says so
/// (<see cref="Outcome.Unknown"/>) instead of guessing: a culture or time zone this machine does not have.
/// </summary>
internal sealed class ExampleDate
{
    private readonly DateFormat[] _formats;
    private readonly CultureInfo _culture;
    private readonly TimeZoneInfo? _zone;
    private readonly bool _calendar;
    private readonly Regex? _yearFromUrl;
    private readonly MonthNames _months;

    private ExampleDate(string[] formats, CultureInfo culture, TimeZoneInfo? zone, bool calendar, Regex? yearFromUrl)
    {
        _culture = culture;
        _zone = zone;
        _calendar = calendar;
        _yearFromUrl = yearFromUrl;
        _months = MonthNames.For(_culture);
        _formats = new DateFormat[formats.Length];
        for (var i = 0; i < formats.Length; i++)
        {
            _formats[i] = new DateFormat(formats[i]);
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

        /// <summary>
        /// No format parses it, and a format without a year was not tried because the page URL gives no year
        /// (<c>yearFromUrl</c>): the source yields nothing, but that is the URL's doing, not the formats'.
        /// </summary>
        NoYearInUrl,
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

        return new ExampleDate(formats, info, zone, calendar: timeZone is null, yearFromUrl);
    }

    public Outcome Apply(string value, Uri? url, out string? iso)
    {
        iso = null;
        var text = DateText.Collapse(value);
        string? year = null;
        var noYear = false;
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
                year ??= DateText.FindYear(_yearFromUrl, url);
                if (year is null)
                {
                    noYear = true;
                    continue;
                }

                candidate = year + " " + candidate;
                pattern = "yyyy " + pattern;
            }

            if (format.HasOffset)
            {
                if (DateTimeOffset.TryParseExact(candidate, pattern, _culture, DateTimeStyles.AllowWhiteSpaces, out var withOffset))
                {
                    iso = DateText.Iso(withOffset);
                    return Outcome.Value;
                }
            }
            else if (DateTime.TryParseExact(candidate, pattern, _culture, DateTimeStyles.AllowWhiteSpaces, out var local))
            {
                local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
                if (_calendar && !format.HasTimeOfDay)
                {
                    iso = DateText.CalendarDate(local);
                    return Outcome.Value;
                }

                if (_zone is null)
                {
                    iso = DateText.Iso(new DateTimeOffset(local, TimeSpan.Zero));
                    return Outcome.ValueWithUnknownOffset;
                }

                iso = DateText.Iso(new DateTimeOffset(local, _zone.GetUtcOffset(local)));
                return Outcome.Value;
            }
        }

        return noYear ? Outcome.NoYearInUrl : Outcome.Nothing;
    }
}
