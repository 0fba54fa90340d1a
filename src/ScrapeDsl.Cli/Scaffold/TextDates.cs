using System;
using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ScrapeDsl.Cli.Scaffold;

/// <summary>
/// Publication dates that a page shows only as text in a form of its language (<c>2019年3月5日</c>, <c>2019/03/05 12:00</c>
/// on a Japanese page): the format that reads them and the zone the page's local time is in, so that the scaffolded rule
/// says both in a <c>date</c> step instead of reading the text as UTC. Only whole texts that are a date, and only on pages
/// whose language names one zone, are taken: a guess the author would have to undo is worse than none.
/// </summary>
internal static partial class TextDates
{
    /// <summary>The zone of a page's local times from its <c>lang</c>, for the languages spoken in one zone; null otherwise.</summary>
    public static string? ZoneOf(IDocument document)
    {
        var lang = document.DocumentElement?.GetAttribute("lang") ?? string.Empty;
        return lang.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? "Asia/Tokyo"
            : lang.StartsWith("ko", StringComparison.OrdinalIgnoreCase) ? "Asia/Seoul"
            : null;
    }

    /// <summary>The format that reads <paramref name="text"/> when all of it is a date in one of the known forms, or null.</summary>
    public static string? FormatOf(string text)
    {
        if (Kanji().Match(text) is { Success: true } kanji)
        {
            return "yyyy年M月d日" + (kanji.Groups["hour"].Success ? (kanji.Groups["colon"].Success ? " H:mm" : " H時m分") : string.Empty);
        }

        if (Numeric().Match(text) is { Success: true } numeric)
        {
            var separator = numeric.Groups["sep"].Value;
            return "yyyy" + separator + "M" + separator + "d" + (numeric.Groups["hour"].Success ? " H:mm" : string.Empty);
        }

        return null;
    }

    /// <summary>The instant <paramref name="text"/> names read with <paramref name="date"/>, in ISO 8601, or null.</summary>
    public static string? Instant(string text, TextDate date)
    {
        if (!DateTime.TryParseExact(text, date.Format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local)
            || local.Year is < 1995 or > 2100)
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(date.TimeZone);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日(?:\s*(?<hour>[0-9]{1,2})(?:(?<colon>:)[0-9]{2}|時[0-9]{1,2}分))?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Kanji();

    [GeneratedRegex(@"^[0-9]{4}(?<sep>[/.])[0-9]{1,2}\k<sep>[0-9]{1,2}(?:\s+(?<hour>[0-9]{1,2}):[0-9]{2})?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Numeric();
}
