using System;
using System.Linq;
using ScrapeDsl.Rules;
using Xunit;

namespace ScrapeDsl.Tests.Extraction;

/// <summary>The compiled RbcHome rule on the saved (Tatarstan regional) home page.</summary>
public class RbcHomeTests
{
    private static readonly ExtractionResult<RbcHome> s_result = RbcHomeExtractor.Instance.Extract(RbcFixtures.Home, RbcFixtures.HomeUrl);

    private static RbcHome Home => s_result.Partial;

    [Fact]
    public void Extraction_succeeds_and_only_the_rate_dates_are_missing()
    {
        // "Курс евро на 4 июня" has no year and the home page URL has none to lend: the date stays empty, never guessed.
        Assert.True(s_result.Success);
        Assert.Equal(
            new[] { "rates[0].date", "rates[1].date" },
            s_result.Problems.Select(problem => problem.Field));
        Assert.All(s_result.Problems, problem => Assert.Equal(ProblemKind.Missing, problem.Kind));
    }

    [Fact]
    public void Central_bank_rates_are_read_as_decimals_in_russian_notation()
    {
        Assert.Equal(new[] { "EUR", "USD" }, Home.Rates.Select(rate => rate.Currency));
        Assert.Equal(new decimal?[] { 90.34m, 79.6m }, Home.Rates.Select(rate => rate.Rate));
        Assert.Equal(new decimal?[] { -0.56m, -0.01m }, Home.Rates.Select(rate => rate.Change));
        Assert.All(Home.Rates, rate => Assert.True(rate.Falling));
    }

    [Fact]
    public void Fifteen_headlines_are_read()
    {
        Assert.Equal(15, Home.Headlines.Count);
    }

    [Fact]
    public void First_three_headlines_are_the_top_story_and_the_next_two_in_page_order()
    {
        Assert.Collection(
            Home.Headlines.Take(3),
            first =>
            {
                Assert.Equal("Reuters узнал причину нежелания Трампа вводить санкции против России", first.Title);
                Assert.Equal("https://www.rbc.ru/politics/29/05/2025/683843899a794708979372a3?from=from_main_1", first.Url!.AbsoluteUri);
            },
            second =>
            {
                Assert.Equal("Кремль ответил на требования Украины «немедленно» передать меморандум", second.Title);
                Assert.Equal("https://www.rbc.ru/politics/29/05/2025/683826879a7947cba6bbc5e5?from=from_main_2", second.Url!.AbsoluteUri);
            },
            third =>
            {
                Assert.Equal("Drill, baby, drill! Почему «сланцевому буму» в США пророчат скорый конец", third.Title);
                Assert.Equal(
                    "https://pro.rbc.ru/demo/68370e559a79477785451ee3?from=from_main_3&utm_source=rbc.ru&utm_medium=inhouse_media&utm_campaign=lines_3&utm_content=68370e559a79477785451ee3&utm_term=10.4Z_noauth_base",
                    third.Url!.AbsoluteUri);
            });
    }

    [Fact]
    public void Headlines_have_absolute_urls_and_titles_without_invisible_joiners()
    {
        Assert.All(Home.Headlines, h => Assert.True(h.Url!.IsAbsoluteUri));
        Assert.All(Home.Headlines, h => Assert.DoesNotContain("\u2060", h.Title, StringComparison.Ordinal));
    }

    [Fact]
    public void Sponsored_special_project_is_left_out_of_the_headlines()
    {
        Assert.DoesNotContain(Home.Headlines, h => h.Url!.Host == "spbspecials.rbc.ru");
        Assert.DoesNotContain(Home.Headlines, h => h.Title!.StartsWith("Глава РАНХиГС", StringComparison.Ordinal));
    }

    [Fact]
    public void Side_feed_has_twelve_items_without_the_sponsored_ones()
    {
        Assert.Equal(12, Home.Feed.Count);
        Assert.DoesNotContain(Home.Feed, item => item.Time!.StartsWith("РБК и ", StringComparison.Ordinal));
        Assert.Equal("Лавров заявил о попытках НАТО милитаризировать Арктику", Home.Feed[0].Title);
        Assert.Equal("Татарстан, 15:47", Home.Feed[4].Time);
    }
}
