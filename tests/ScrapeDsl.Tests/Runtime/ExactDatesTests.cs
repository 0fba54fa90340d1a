using System;
using System.Globalization;
using System.Text;
using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary>
/// The fast path of the <c>date</c> transform must read every text it accepts exactly as
/// <c>DateTime.TryParseExact(text, pattern, culture, DateTimeStyles.AllowWhiteSpaces, out …)</c> reads it, and leave
/// every other text to that parser. Patterns are as the transform passes them (month names already numbers, the URL's
/// year in front as <c>yyyy </c>).
/// </summary>
public class ExactDatesTests
{
    private static readonly string[] Patterns =
    [
        "M d, yyyy, h:mm tt",          // abcnews.go.com
        "yyyy d M, HH:mm",             // rbc.ru article, year from the URL
        "yyyy d M",                    // rbc.ru rates
        "dd.MM.yyyy HH:mm",
        "yyyy-MM-dd HH:mm:ss",
        "MM/dd/yyyy hh:mm:ss tt",
        "M/d/yyyy H:mm tt",            // a designator with the 24-hour clock
        "d/M/yyyy h:mm",               // the 12-hour clock without a designator
        "yyyy年MM月dd日 HH時mm分",
        "d 'de' M 'de' yyyy, H:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "d M yyyy, h:mmtt",
        "dddd, M d, yyyy, hh:mm tt",   // www.al.com
        "ddd d.M.yyyy HH:mm",
    ];

    private static readonly string[] Cultures = ["en-US", "en-GB", "ru-RU", "de-DE", "ja-JP", "tr-TR", "az-Latn-AZ", "fi-FI", "ko-KR", "af-ZA"];

    [Theory]
    [InlineData("12 16, 2016, 4:19 PM", "M d, yyyy, h:mm tt", "en-US")]
    [InlineData("12 16, 2016, 12:05 am", "M d, yyyy, h:mm tt", "en-US")]
    [InlineData("1 2, 2016, 0:00 AM", "M d, yyyy, h:mm tt", "en-US")]
    [InlineData("2025 03 6, 20:14", "yyyy d M, HH:mm", "ru-RU")]
    [InlineData("2025 4 6", "yyyy d M", "ru-RU")]
    [InlineData("03.06.2025 20:14", "dd.MM.yyyy HH:mm", "de-DE")]
    [InlineData("2019年04月13日 09時00分", "yyyy年MM月dd日 HH時mm分", "ja-JP")]
    [InlineData("2019-04-13 09:00:59", "yyyy-MM-dd HH:mm:ss", "tr-TR")]
    [InlineData("03/06/2025 08:14:01 PM", "MM/dd/yyyy hh:mm:ss tt", "en-GB")]
    [InlineData(" 12  16 ,2016,4:19PM ", "M d, yyyy, h:mm tt", "en-US")]
    [InlineData("3 de 6 de 2025, 9:05", "d 'de' M 'de' yyyy, H:mm", "de-DE")]
    [InlineData("3de6 de  2025, 9:05", "d 'de' M 'de' yyyy, H:mm", "de-DE")]       // a quoted space skips any whitespace, none too
    [InlineData("Thursday, 12 22, 2016, 06:47 PM", "dddd, M d, yyyy, hh:mm tt", "en-US")]
    [InlineData("THURSDAY,12 22, 2016, 06:47 pm", "dddd, M d, yyyy, hh:mm tt", "en-US")]
    [InlineData("Thu 22.12.2016 18:47", "ddd d.M.yyyy HH:mm", "en-GB")]
    [InlineData("Donnerstag, 12 22, 2016, 06:47 PM", "dddd, M d, yyyy, hh:mm tt", "de-DE")]
    public void Texts_of_the_common_shapes_are_read_as_dotnet_reads_them(string text, string pattern, string culture)
    {
        var info = CultureInfo.GetCultureInfo(culture);
        var reader = ExactDates.Prepare(pattern, info);

        Assert.NotNull(reader);
        Assert.True(reader!.TryRead(text, out var fast), $"'{text}' was left to .NET");
        Assert.True(DateTime.TryParseExact(text, pattern, info, DateTimeStyles.AllowWhiteSpaces, out var general));
        Assert.Equal(general, fast);
        Assert.Equal(general.Kind, fast.Kind);
    }

    [Theory]
    [InlineData("12 16, 2016, 13:19 PM", "M d, yyyy, h:mm tt", "en-US")]      // hour 13 with a designator
    [InlineData("2 30, 2016, 4:19 PM", "M d, yyyy, h:mm tt", "en-US")]        // not a day
    [InlineData("12 16, 2016, 4:19 PM and more", "M d, yyyy, h:mm tt", "en-US")]
    [InlineData("12 16, 2016, 4:19", "M d, yyyy, h:mm tt", "en-US")]          // no designator
    [InlineData("12 16, 2016, 4:19 ＰＭ", "M d, yyyy, h:mm tt", "en-US")]     // not ASCII: the culture's comparison decides
    [InlineData("6/3/2025 8:14 PM", "M/d/yyyy H:mm tt", "en-US")]            // PM with an hour before noon
    [InlineData("2025 31 6, 20:14", "yyyy d M, HH:mm", "ru-RU")]
    [InlineData("2025 3 6, 24:00", "yyyy d M, HH:mm", "ru-RU")]
    [InlineData("0000 3 6", "yyyy d M", "ru-RU")]
    [InlineData("3 d e 6 de 2025, 9:05", "d 'de' M 'de' yyyy, H:mm", "de-DE")]  // a quoted word must be whole
    [InlineData("Friday, 12 22, 2016, 06:47 PM", "dddd, M d, yyyy, hh:mm tt", "en-US")]     // not that date's day
    [InlineData("Thursdays, 12 22, 2016, 06:47 PM", "dddd, M d, yyyy, hh:mm tt", "en-US")]
    [InlineData("Thu, 12 22, 2016, 06:47 PM", "dddd, M d, yyyy, hh:mm tt", "en-US")]        // abbreviated where the full name is due
    [InlineData("Thursday, 12 22, 2016, 06:47 PM", "dddd, M d, yyyy, hh:mm tt", "en-US")] // a control character: the culture decides
    public void Other_texts_are_left_to_dotnet(string text, string pattern, string culture)
    {
        var info = CultureInfo.GetCultureInfo(culture);

        Assert.False(ExactDates.Prepare(pattern, info)!.TryRead(text, out _));
    }

    [Theory]
    [InlineData("ddd, M d, yyyy", "fr-FR")]        // "dim.": not letters only
    [InlineData("dddd, M d, yyyy", "tr-TR")]       // "Salı": not ASCII
    [InlineData("dddd, M, yyyy", "en-US")]         // a day name without the day of the month
    [InlineData("M d, yy", "en-US")]               // a two-digit year
    [InlineData("M d", "en-US")]                   // no year: .NET takes it from the clock
    [InlineData("M d, yyyy h t", "en-US")]         // the one-letter designator
    [InlineData("M d, yyyy HH:mm:ss.fff", "en-US")]
    [InlineData("M d, yyyy HH:mm zzz", "en-US")]
    [InlineData("M d, yyyy HH \\h mm", "en-US")]
    [InlineData("'on' M d, yyyy", "en-US")]        // a quote at the start: .NET trims the spaces inside it
    [InlineData("M d, yyyy 'GMT'x", "en-US")]
    [InlineData("M d, yyyy G", "en-US")]
    [InlineData("M d d, yyyy", "en-US")]           // a part twice
    [InlineData("M d, yyyy\u00A0HH:mm", "en-US")]  // whitespace other than a space
    [InlineData("M d, yyyy, h:mm tt", "ja-JP")]    // 午前/午後: not ASCII
    [InlineData("M d, yyyy, h:mm tt", "tr-TR")]    // ÖÖ/ÖS
    [InlineData("M d, yyyy, h:mm tt", "af-ZA")]    // vm./nm.
    [InlineData("M/d/yyyy", "ko-KR")]              // the date separator is ". "
    [InlineData("M d, yyyy", "th-TH")]             // the Buddhist calendar
    [InlineData("M d, yyyy", "ar-SA")]             // Um al-Qura
    public void Patterns_outside_the_subset_have_no_reader(string pattern, string culture) =>
        Assert.Null(ExactDates.Prepare(pattern, CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void Generated_texts_are_read_as_dotnet_reads_them()
    {
        var random = new Random(2016);
        var total = 0;
        var agreedSuccesses = 0;
        foreach (var name in Cultures)
        {
            var culture = CultureInfo.GetCultureInfo(name);
            foreach (var pattern in Patterns)
            {
                if (ExactDates.Prepare(pattern, culture) is not { } reader)
                {
                    continue;
                }

                var accepted = 0;
                for (var n = 0; n < 2_000; n++)
                {
                    var text = Generate(random, pattern, culture);
                    var generalOk = DateTime.TryParseExact(text, pattern, culture, DateTimeStyles.AllowWhiteSpaces, out var general);
                    if (reader.TryRead(text, out var fast))
                    {
                        accepted++;
                        Assert.True(generalOk, $"{name} '{pattern}' '{text}': the fast path read {fast:o}, .NET reads nothing");
                        Assert.Equal(general, fast);
                        Assert.Equal(general.Kind, fast.Kind);
                    }

                    agreedSuccesses += generalOk ? 1 : 0;
                }

                // The generator writes most texts well-formed: the fast path must answer for a good share of them.
                Assert.True(accepted > 250, $"{name} '{pattern}': only {accepted} of 2000 generated texts took the fast path");
                total += accepted;
            }
        }

        Assert.True(total > agreedSuccesses / 2, $"the fast path answered {total} times of {agreedSuccesses} .NET successes");
    }

    [Fact]
    public void The_designator_in_every_case_and_nothing_else_is_read_as_dotnet_reads_it()
    {
        var culture = CultureInfo.GetCultureInfo("en-US");
        var reader = ExactDates.Prepare("M d, yyyy, h:mm tt", culture)!;
        string[] marks = ["AM", "am", "Am", "aM", "PM", "pm", "pM", "Pm", "A", "P", "AX", "PN", "QM", "AMPM", "A M", "ＡＭ", "ⒶⓂ", "ᴬᴹ", "а\u043C", "\u0410M", "AM.", ""];
        foreach (var mark in marks)
        {
            for (var hour = 0; hour <= 13; hour++)
            {
                var text = $"12 16, 2016, {hour}:19 {mark}";
                var generalOk = DateTime.TryParseExact(text, "M d, yyyy, h:mm tt", culture, DateTimeStyles.AllowWhiteSpaces, out var general);
                if (reader.TryRead(text, out var fast))
                {
                    Assert.True(generalOk, text);
                    Assert.Equal(general, fast);
                }
            }
        }
    }

    [Fact]
    public void Collapse_gives_what_rebuilding_the_text_gives()
    {
        var random = new Random(7);
        const string alphabet = "ab1, \t\n\u00A0\u2009";
        for (var n = 0; n < 50_000; n++)
        {
            var chars = new char[random.Next(0, 9)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            var expected = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(expected, ScrapeDsl.Dates.DateText.Collapse(text));
        }
    }

    /// <summary>A text written for <paramref name="pattern"/>, with out-of-range parts, odd whitespace and damage now and then.</summary>
    private static string Generate(Random random, string pattern, CultureInfo culture)
    {
        // A day name must be the date's to be read at all: most texts for such a pattern are a real date, written by .NET
        // (now and then in other letter cases), the rest come from the generator below (almost always the wrong day).
        if (pattern.Contains("ddd", StringComparison.Ordinal) && random.Next(4) != 0)
        {
            var date = new DateTime(random.Next(1990, 2031), 1, 1).AddDays(random.Next(0, 366)).AddMinutes(random.Next(0, 24 * 60));
            var written = date.ToString(pattern, culture);
            return random.Next(5) switch { 0 => written.ToUpperInvariant(), 1 => written.ToLowerInvariant(), _ => written };
        }

        string[] marks = [culture.DateTimeFormat.AMDesignator, culture.DateTimeFormat.PMDesignator, "am", "pm", "Am", "pM", "A", "P", "PMX", "ÖÖ", "öS", "午前", "午後", "ＡＭ", "ᴾᴹ", "ı", "İM", "AM", "PM"];
        string[] spaces = [" ", "  ", "\t", "\u00A0", "\n", ""];
        var text = new StringBuilder();
        if (random.Next(10) == 0)
        {
            text.Append(spaces[random.Next(spaces.Length)]);
        }

        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == c)
            {
                run++;
            }

            if (c == '\'')
            {
                var close = pattern.IndexOf('\'', i + 1);
                var quoted = pattern.Substring(i + 1, close - i - 1);
                text.Append(random.Next(10) switch { 0 => "da", 1 => quoted.Substring(1), 2 => quoted.Replace(" ", "  ", StringComparison.Ordinal), _ => quoted });
                i = close;
                continue;
            }

            if (random.Next(40) == 0)
            {
                // A part left out.
                i += run - 1;
                continue;
            }

            switch (c)
            {
                case 'd' when run >= 3:
                    var names = run == 3 ? culture.DateTimeFormat.AbbreviatedDayNames : culture.DateTimeFormat.DayNames;
                    text.Append(random.Next(10) == 0 ? "Xday" : names[random.Next(7)]);
                    break;
                case 'y':
                    text.Append(random.Next(12) == 0 ? random.Next(0, 100_000).ToString(CultureInfo.InvariantCulture) : random.Next(1990, 2031).ToString(CultureInfo.InvariantCulture));
                    break;
                case 'M':
                    Number(text, random, run, random.Next(8) == 0 ? random.Next(0, 100) : random.Next(1, 13));
                    break;
                case 'd':
                    Number(text, random, run, random.Next(8) == 0 ? random.Next(0, 100) : random.Next(1, 32));
                    break;
                case 'H' or 'h':
                    Number(text, random, run, random.Next(8) == 0 ? random.Next(0, 100) : random.Next(0, c == 'h' ? 14 : 25));
                    break;
                case 'm' or 's':
                    Number(text, random, run, random.Next(8) == 0 ? random.Next(0, 100) : random.Next(0, 61));
                    break;
                case 't':
                    text.Append(marks[random.Next(4) == 0 ? random.Next(marks.Length) : random.Next(2)]);
                    break;
                case ' ':
                    text.Append(random.Next(4) == 0 ? spaces[random.Next(spaces.Length)] : " ");
                    break;
                default:
                    text.Append(random.Next(30) == 0 ? ".:/-, x"[random.Next(7)] : c);
                    break;
            }

            if (random.Next(25) == 0)
            {
                text.Append(spaces[random.Next(spaces.Length)]);
            }

            i += run - 1;
        }

        switch (random.Next(20))
        {
            case 0: text.Append(spaces[random.Next(spaces.Length)]); break;
            case 1: text.Append(" more"); break;
            case 2: text.Append('7'); break;
            default: break;
        }

        return text.ToString();
    }

    private static void Number(StringBuilder text, Random random, int width, int value)
    {
        var written = value.ToString(CultureInfo.InvariantCulture);
        if (width == 2 || random.Next(6) == 0)
        {
            written = written.PadLeft(2, '0');
        }

        text.Append(random.Next(30) == 0 ? written + "0" : written);
    }
}
