using System;
using System.Globalization;
using System.Text;
using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary>
/// The ISO 8601 fast path of <c>type: datetime</c> and <c>type: date</c> must read every text it accepts exactly as the
/// general .NET parser reads it (same instant, same offset), and leave every other text to that parser.
/// </summary>
public class IsoDatesTests
{
    [Theory]
    [InlineData("2025-06-03T20:14:01+03:00")]
    [InlineData("2025-06-03T17:14:01Z")]
    [InlineData("2025-06-03T20:14:01.1234567-05:30")]
    [InlineData("2025-06-03T20:14")]
    [InlineData("2024-02-29")]
    [InlineData("2025-12-31T23:59:59.9+14:00")]
    public void Texts_of_the_common_shapes_are_read_as_the_general_parser_reads_them(string text)
    {
        var fast = IsoDates.TryDateTime(text);

        Assert.NotNull(fast);
        Assert.True(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var general));
        Assert.Equal(general, fast!.Value);
        Assert.Equal(general.Offset, fast.Value.Offset);
    }

    [Theory]
    [InlineData("2025-02-29")]                 // not a day
    [InlineData("2025-06-03 20:14:01")]        // a space: the general parser decides
    [InlineData("2025-06-03T24:00:00Z")]
    [InlineData("2025-06-03T20:14:01+15:00")]
    [InlineData("2025-06-03T20:14:01+0300")]
    [InlineData("2025-06-03T20:14:01.12345678Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]  // the edge of the calendar
    [InlineData("20250603")]
    [InlineData(" 2025-06-03")]
    public void Other_texts_are_left_to_the_general_parser(string text) =>
        Assert.Null(IsoDates.TryDateTime(text));

    [Fact]
    public void Generated_texts_are_read_as_the_general_parser_reads_them()
    {
        var random = new Random(2025);
        var accepted = 0;
        for (var n = 0; n < 20_000; n++)
        {
            var text = Generate(random);
            var fast = IsoDates.TryDateTime(text);
            var generalOk = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var general);
            if (fast is { } value)
            {
                accepted++;
                Assert.True(generalOk, $"'{text}': the fast path read {value:o}, the general parser reads nothing");
                Assert.Equal(general, value);
                Assert.Equal(general.Offset, value.Offset);
            }

            var fastDate = IsoDates.TryDateOnly(text);
            if (fastDate is { } day)
            {
                Assert.True(DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var generalDay), text);
                Assert.Equal(generalDay, day);
            }

            // Whatever path answers, the conversion gives what the general parser gives for every well-formed text.
            if (Conversions.TryDateTime(text, out var converted) && fast is null)
            {
                Assert.Equal(general, converted);
            }
        }

        Assert.True(accepted > 5_000, $"only {accepted} generated texts took the fast path");
    }

    private static string Generate(Random random)
    {
        static string Two(Random r, int max) => r.Next(0, max + 1).ToString("00", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append(random.Next(0, 10) == 0 ? random.Next(0, 10000).ToString("0000", CultureInfo.InvariantCulture) : random.Next(1990, 2031).ToString(CultureInfo.InvariantCulture));
        text.Append('-').Append(Two(random, 13)).Append('-').Append(Two(random, 32));
        if (random.Next(4) > 0)
        {
            text.Append('T').Append(Two(random, 25)).Append(':').Append(Two(random, 60));
            if (random.Next(4) > 0)
            {
                text.Append(':').Append(Two(random, 60));
                if (random.Next(3) == 0)
                {
                    text.Append('.').Append(random.Next(0, 100_000_000).ToString("00000000", CultureInfo.InvariantCulture).Substring(0, random.Next(1, 9)));
                }
            }

            switch (random.Next(4))
            {
                case 0: text.Append('Z'); break;
                case 1: text.Append(random.Next(2) == 0 ? '+' : '-').Append(Two(random, 15)).Append(':').Append(Two(random, 60)); break;
                case 2: break;
                default: text.Append(random.Next(2) == 0 ? "+0300" : "z"); break;
            }
        }

        return text.ToString();
    }
}
