using System;
using ScrapeDsl.Language;
using Xunit;

namespace ScrapeDsl.Tests.Language2;

public sealed class DateTransformTests
{
    private const string Url = "https://www.rbc.ru/politics/03/06/2025/683eb8659a7947eb72d0d6d9";

    private static string? Run(string yaml, string html, string url = Url)
    {
        var file = RuleReader.Read("t.scrape.yaml", yaml);
        Assert.False(file.HasErrors, string.Join("\n", file.Diagnostics));
        var result = ScrapeDsl.Interpreter.InterpretedRule.From(file.Rule!).Extract(html, new Uri(url));
        return result.Partial["at"] is DateTimeOffset at ? at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    private const string RussianRule = """
        name: T
        fields:
          at:
            css: time
            type: datetime
            transform:
              - date: ["d MMM, HH:mm", "d MMMM yyyy, HH:mm"]
                culture: ru-RU
                timeZone: Europe/Moscow
                yearFromUrl: '/\d{2}/\d{2}/(\d{4})/'
        """;

    [Theory]
    [InlineData("03 июн, 20:14", "2025-06-03T20:14:00+03:00")]
    [InlineData("03 июня, 20:14", "2025-06-03T20:14:00+03:00")]
    [InlineData("03 июнь, 20:14", "2025-06-03T20:14:00+03:00")]
    [InlineData("03 июн., 20:14", "2025-06-03T20:14:00+03:00")]
    [InlineData("03 ИЮН, 20:14", "2025-06-03T20:14:00+03:00")]
    [InlineData("12 сент., 09:05", "2025-09-12T09:05:00+03:00")]
    [InlineData("1 мая, 10:00", "2025-05-01T10:00:00+03:00")]
    [InlineData("1 марта 2024, 10:00", "2024-03-01T10:00:00+03:00")]
    public void Russian_month_names_parse_in_every_case_in_Moscow_time(string visible, string expected) =>
        Assert.Equal(expected, Run(RussianRule, "<time>" + visible + "</time>"));

    [Fact]
    public void A_format_without_a_year_takes_it_from_the_url_never_the_clock() =>
        Assert.Null(Run(RussianRule, "<time>03 июн, 20:14</time>", "https://www.rbc.ru/rbcfreenews/683fd24d9a794788bc926020"));

    [Fact]
    public void A_date_that_does_not_parse_falls_through_to_the_next_source()
    {
        const string rule = """
            name: T
            fields:
              at:
                css: time
                type: datetime
                transform:
                  - date: "dd.MM.yyyy HH:mm"
                    timeZone: Asia/Tokyo
                fallback:
                  - const: "01.02.2019 03:04"
            """;
        Assert.Equal("2019-02-01T03:04:00+09:00", Run(rule, "<time>yesterday</time>"));
    }

    [Fact]
    public void Japanese_dates_parse_in_Tokyo_time()
    {
        const string rule = """
            name: T
            fields:
              at:
                css: span
                type: datetime
                transform:
                  - date: "yyyy年MM月dd日 HH時mm分"
                    culture: ja-JP
                    timeZone: Asia/Tokyo
            """;
        Assert.Equal("2019-04-13T09:00:00+09:00", Run(rule, "<span>2019年04月13日 09時00分</span>"));
    }

    [Fact]
    public void A_calendar_date_without_a_time_zone_is_the_day_the_page_names()
    {
        // Midnight of 4 June in Moscow is 3 June in UTC: a calendar date has no zone to move it to another day.
        const string rule = """
            name: T
            fields:
              day:
                css: span
                type: date
                transform:
                  - regex: 'на (\d{1,2} \p{L}+)'
                  - date: "d MMMM"
                    culture: ru-RU
                    yearFromUrl: '/\d{2}/\d{2}/(\d{4})/'
              written:
                css: span
                transform:
                  - regex: 'на (\d{1,2} \p{L}+)'
                  - date: "d MMMM"
                    culture: ru-RU
                    yearFromUrl: '/\d{2}/\d{2}/(\d{4})/'
            """;
        var file = RuleReader.Read("t.scrape.yaml", rule);
        Assert.False(file.HasErrors, string.Join("\n", file.Diagnostics));

        var result = ScrapeDsl.Interpreter.InterpretedRule.From(file.Rule!).Extract("<span>Курс евро на 4 июня</span>", new Uri(Url));

        Assert.Equal(new DateOnly(2025, 6, 4), result.Partial["day"]);
        Assert.Equal("2025-06-04", result.Partial["written"]);
    }
}
