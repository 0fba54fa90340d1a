using System;
using System.Globalization;
using Xunit;

namespace ScrapeDsl.Tests.Runtime;

/// <summary>Each field <c>type</c> converts text the same way on every machine, whatever its culture.</summary>
public class ConversionTests
{
    [Theory]
    [InlineData("42", 42)]
    [InlineData("-7", -7)]
    [InlineData(" 115 ", 115)]
    public void Int_reads_signed_whole_numbers(string text, int expected)
    {
        Assert.True(Conversions.TryInt(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("4.2")]
    [InlineData("1,000")]
    [InlineData("12 шт.")]
    [InlineData("99999999999")]
    public void Int_rejects_fractions_separators_units_and_overflow(string text)
    {
        Assert.False(Conversions.TryInt(text, out _));
    }

    [Fact]
    public void Decimal_uses_a_dot_whatever_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ru-RU");

            Assert.True(Conversions.TryDecimal("89.93", out var value));
            Assert.Equal(89.93m, value);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Decimal_with_a_comma_is_rejected_rather_than_read_as_thousands()
    {
        Assert.False(Conversions.TryDecimal("89,93", out _));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("Yes", true)]
    [InlineData("ON", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("no", false)]
    [InlineData("Off", false)]
    [InlineData("0", false)]
    public void Bool_reads_the_usual_words_in_any_case(string text, bool expected)
    {
        Assert.True(Conversions.TryBool(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("да")]
    [InlineData("maybe")]
    [InlineData("2")]
    public void Bool_rejects_other_words(string text)
    {
        Assert.False(Conversions.TryBool(text, out _));
    }

    [Fact]
    public void Datetime_keeps_the_offset_written_in_the_text()
    {
        Assert.True(Conversions.TryDateTime("2025-06-03T20:14:01+03:00", out var value));

        Assert.Equal(TimeSpan.FromHours(3), value.Offset);
        Assert.Equal(new DateTime(2025, 6, 3, 20, 14, 1), value.DateTime);
        Assert.Equal(1748970841, value.ToUnixTimeSeconds());
    }

    [Fact]
    public void Datetime_without_an_offset_is_read_as_utc_on_every_machine()
    {
        Assert.True(Conversions.TryDateTime("2025-06-03T20:14:01", out var value));

        Assert.Equal(TimeSpan.Zero, value.Offset);
        Assert.Equal(new DateTime(2025, 6, 3, 20, 14, 1), value.DateTime);
    }

    [Theory]
    [InlineData("03 июн, 20:14")]
    [InlineData("yesterday")]
    public void Datetime_rejects_text_that_is_not_a_date(string text)
    {
        Assert.False(Conversions.TryDateTime(text, out _));
    }

    [Fact]
    public void Datetime_reads_http_dates_and_written_out_months()
    {
        Assert.True(Conversions.TryDateTime("Tue, 03 Jun 2025 17:14:01 GMT", out var http));
        Assert.True(Conversions.TryDateTime("3 June 2025", out var written));

        Assert.Equal(new DateTimeOffset(2025, 6, 3, 17, 14, 1, TimeSpan.Zero), http);
        Assert.Equal(new DateTimeOffset(2025, 6, 3, 0, 0, 0, TimeSpan.Zero), written);
    }

    [Theory]
    [InlineData("03.06.2025")]
    [InlineData("06/03/2025")]
    [InlineData("3-6-2025 20:14")]
    public void Datetime_whose_day_and_month_order_the_text_does_not_say_is_rejected(string text)
    {
        // The invariant culture would read "03.06.2025" as 6 March; on a Russian page it is 3 June.
        Assert.False(Conversions.TryDateTime(text, out _));
        Assert.False(Conversions.TryDate(text, out _));
    }

    [Theory]
    [InlineData("20:14")]
    [InlineData("3 June")]
    [InlineData("03.06.25")]
    public void Datetime_without_a_full_year_is_rejected_rather_than_completed_from_the_clock(string text)
    {
        // Parsing would take the missing date or year from today, so the same page would give a different value each day.
        Assert.False(Conversions.TryDateTime(text, out _));
        Assert.False(Conversions.TryDate(text, out _));
    }

    [Fact]
    public void Date_reads_an_iso_date()
    {
        Assert.True(Conversions.TryDate("2025-06-03", out var value));

        Assert.Equal(new DateOnly(2025, 6, 3), value);
    }

    [Fact]
    public void Date_of_a_datetime_is_the_date_as_written_not_the_utc_date()
    {
        Assert.True(Conversions.TryDate("2025-06-03T23:30:00-05:00", out var value));

        Assert.Equal(new DateOnly(2025, 6, 3), value);
    }

    [Theory]
    [InlineData("2016-12-22 18:47:00", true)]
    [InlineData("2016-12-22T18:47:00", true)]
    [InlineData("April 7, 2020 3:49 PM", true)]
    [InlineData("2016-12-22T18:47:00Z", false)]
    [InlineData("2025-06-03T20:14:01+03:00", false)]
    [InlineData("Tue, 03 Jun 2025 17:14:01 GMT", false)]
    [InlineData("03.06.2025 20:14", false)]              // not read at all (month-first ambiguity): conversionFailed, not SCR024
    [InlineData("yesterday", false)]
    public void The_build_names_exactly_the_datetimes_the_runtime_reads_as_UTC_for_want_of_an_offset(string text, bool offsetless)
    {
        // SCR024 (the example checks) and type: datetime (the runtime) must agree on which texts these are.
        Assert.Equal(offsetless, ScrapeDsl.Dates.DateText.ReadsAsUtcWithoutOffset(text));
        if (offsetless)
        {
            Assert.True(Conversions.TryDateTime(text, out var value));
            Assert.Equal(TimeSpan.Zero, value.Offset);
        }
    }
}
