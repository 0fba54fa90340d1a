using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ganss.Xss;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ScrapeDsl.Rules;

namespace ScrapeDsl.Benchmarks.HandWritten;

/// <summary>
/// What a competent user writes instead of a rule: AngleSharp with selector strings, <c>TextContent</c>, LINQ and a
/// whitespace regex, the ads detached from the document they own. Same fields, same selectors, same fallbacks and the
/// same values as the rules (the smoke run compares the JSON), but no per-field report.
/// </summary>
public static partial class RbcHandWritten
{
    private static readonly HtmlParser Parser = new();
    private static readonly HtmlSanitizer Sanitizer = new();
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    private const string ArticleAds =
        ".banner__container__link, [data-role=fox-tail], .fox-fallback, .simple-promo-card, .lib-vertical-card, .article__inline-item, " +
        ".js-commercial-video-block, .item-in-article, .live-tv__error-message, .social-networks";

    private const string HomeAds = "[data-role=fox-tail], .fox-fallback, .lib-vertical-card, .simple-promo-card";

    private const string Feed = ".js-news-feed-list > a.news-feed__item:not([data-rm-data-element*='\"projectNick\":null'])";

    private const string Headlines =
        "a.main__big__link:not([data-rm-data-element*='\"projectNick\":null']), a.main__feed__link:not([data-rm-data-element*='\"projectNick\":null'])";

    /// <summary>The article page.</summary>
    public static RbcArticle Article(string html, Uri url)
    {
        var document = Parser.ParseDocument(html);
        foreach (var ad in document.QuerySelectorAll(ArticleAds))
        {
            ad.Remove();
        }

        var title = Text(document.QuerySelector("h1.article__header__title-in")) ?? Attr(document, "meta[property='og:title']", "content");
        var category = Text(document.QuerySelector("a.article__header__category")) ?? Attr(document, "[itemprop=articleSection]", "content");
        var date = Attr(document, "time.article__header__date", "datetime") ?? Attr(document, "meta[itemprop=datePublished]", "content");
        DateTimeOffset? publishedAt = DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
        var authors = document.QuerySelectorAll(".article__authors__author__name").Select(Text).OfType<string>().ToList();
        if (authors.Count == 0)
        {
            authors = document.QuerySelectorAll("[itemprop=author] meta[itemprop=name]").Select(e => Clean(e.GetAttribute("content"))).OfType<string>().ToList();
        }

        var lead = Text(document.QuerySelector(".article__text__overview")) ?? Attr(document, "meta[name=description]", "content");
        var image = ToUrl(url, Attr(document, ".article__main-image img", "src") ?? Attr(document, "meta[property='og:image']", "content"));
        var caption = Text(document.QuerySelector(".article__main-image__title [itemprop=description]")) ?? Attr(document, ".article__main-image img", "alt");
        var credit = Text(document.QuerySelector(".article__main-image__author")) is { } written ? CreditName().Match(written).Groups[1].Value : null;

        // Before the body: reading the body detaches the overview from the document.
        var leadHtml = document.QuerySelector(".article__text__overview") is { } overview ? Sanitizer.Sanitize(overview.InnerHtml, url.AbsoluteUri).Trim() : null;
        string? body = null;
        if ((document.QuerySelector(".article__text") ?? document.QuerySelector("[itemprop=articleBody]")) is { } container)
        {
            foreach (var inner in container.QuerySelectorAll(".article__text__overview, .article__main-image"))
            {
                inner.Remove();
            }

            body = string.Join("\n", container.QuerySelectorAll("p").Select(Text).OfType<string>());
        }

        DateOnly? publishedDate = publishedAt is { } instant ? DateOnly.FromDateTime(instant.DateTime) : null;
        var tags = document.QuerySelectorAll("a.article__tags__item").Select(Text).OfType<string>().ToList();
        var breadcrumbs = Breadcrumbs(document.QuerySelectorAll("script[type='application/ld+json']"));
        var feed = document.QuerySelectorAll(Feed)
            .Select(item => new RbcArticle.FeedItem(
                Text(item.QuerySelector(".news-feed__item__title")),
                Text(item.QuerySelector(".news-feed__item__date-text")),
                ToUrl(url, item.GetAttribute("href"))))
            .ToList();
        var rates = Rates(document, url).Select(r => new RbcArticle.RatesItem(r.Currency, r.Date, r.Rate, r.Change, r.Falling, r.Url)).ToList();

        return new RbcArticle(title!, category, publishedAt, authors, lead, image, caption, credit, body, publishedDate, leadHtml, tags, breadcrumbs, feed, rates);
    }

    /// <summary>The home page.</summary>
    public static RbcHome Home(string html, Uri url)
    {
        var document = Parser.ParseDocument(html);
        foreach (var ad in document.QuerySelectorAll(HomeAds))
        {
            ad.Remove();
        }

        var headlines = document.QuerySelectorAll(Headlines)
            .Select(link => new RbcHome.HeadlinesItem(
                Text(link.QuerySelector(".main__big__title, .main__feed__title")),
                ToUrl(url, link.GetAttribute("href"))))
            .ToList();
        var feed = document.QuerySelectorAll(Feed)
            .Select(item => new RbcHome.FeedItem(
                Text(item.QuerySelector(".news-feed__item__title")),
                Text(item.QuerySelector(".news-feed__item__date-text")),
                ToUrl(url, item.GetAttribute("href"))))
            .ToList();
        var rates = Rates(document, url).Select(r => new RbcHome.RatesItem(r.Currency, r.Date, r.Rate, r.Change, r.Falling, r.Url)).ToList();
        return new RbcHome(headlines, feed, rates);
    }

    /// <summary>The names of the BreadcrumbList in the JSON-LD <paramref name="scripts"/>, as the rule reads them (shared with the rule floor).</summary>
    internal static List<string> Breadcrumbs(IEnumerable<IElement> scripts)
    {
        var names = new List<string>();
        foreach (var script in scripts)
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent);
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("@type", out var type) && type.ValueKind == JsonValueKind.String
                    && type.GetString() == "BreadcrumbList" && json.RootElement.TryGetProperty("itemListElement", out var items))
                {
                    foreach (var item in items.EnumerateArray())
                    {
                        if (item.TryGetProperty("name", out var name) && Clean(name.GetString()) is { } text)
                        {
                            names.Add(text.StartsWith('✅') ? text.Substring(1).Trim() : text);
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // a broken block is skipped, as the rule does
            }
        }

        return names;
    }

    private static IEnumerable<(string? Currency, DateOnly? Date, decimal? Rate, decimal? Change, bool? Falling, Uri? Url)> Rates(IDocument document, Uri url)
    {
        var year = YearInUrl().Match(url.AbsolutePath) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : (int?)null;
        foreach (var item in document.QuerySelectorAll(".js-news-feed a.js-news-feed-currency"))
        {
            var title = Text(item.QuerySelector(".news-feed__item__title")) ?? string.Empty;
            var change = item.QuerySelector(".news-feed__item__change");
            DateOnly? date = null;
            if (year is not null && RateDay().Match(title) is { Success: true } day
                && DateTime.TryParseExact(day.Groups[1].Value + " " + year, "d MMMM yyyy", Russian, DateTimeStyles.None, out var parsed))
            {
                date = DateOnly.FromDateTime(parsed);
            }

            yield return (
                Currency().Match(title) is { Success: true } currency ? currency.Groups[1].Value : null,
                date,
                RussianNumber(RateValue().Match(title)),
                RussianNumber(ChangeValue().Match(Text(change) ?? string.Empty)),
                change?.ClassList.Contains("item__change_fall") == true ? true : change?.ClassList.Contains("item__change_rise") == true ? false : null,
                ToUrl(url, item.GetAttribute("href")));
        }
    }

    internal static decimal? RussianNumber(Match match) =>
        match.Success && decimal.TryParse(match.Groups[1].Value.Replace(" ", string.Empty), NumberStyles.Number, Russian, out var value) ? value : null;

    private static string? Text(IElement? element) => element is null ? null : Clean(element.TextContent);

    private static string? Attr(IDocument document, string selector, string attribute) =>
        Clean(document.QuerySelector(selector)?.GetAttribute(attribute));

    private static string? Clean(string? text)
    {
        if (text is null)
        {
            return null;
        }

        text = Whitespace().Replace(text, " ").Trim();
        return text.Length == 0 ? null : text;
    }

    internal static Uri? ToUrl(Uri baseUrl, string? href) =>
        href is not null && Uri.TryCreate(baseUrl, href.Trim(), out var absolute) ? absolute : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\(?\s*Фото:\s*(.*?)\)?$")]
    internal static partial Regex CreditName();

    [GeneratedRegex(@"/\d{2}/\d{2}/(\d{4})/")]
    internal static partial Regex YearInUrl();

    [GeneratedRegex(@"на (\d{1,2} \p{L}+)")]
    internal static partial Regex RateDay();

    [GeneratedRegex(@"([A-Z]{3}) ЦБ:")]
    internal static partial Regex Currency();

    [GeneratedRegex(@"ЦБ:\s*([\d\s]+,\d+)")]
    internal static partial Regex RateValue();

    [GeneratedRegex(@"\(([-+]?[\d\s]+,\d+)\)")]
    internal static partial Regex ChangeValue();
}

/// <summary>The hand-written extractors by rule name; rules without one are left out of that column.</summary>
public static class HandWrittenExtractors
{
    /// <summary>Rule name → extractor returning the same record type the generator emits.</summary>
    public static IReadOnlyDictionary<string, Func<string, Uri, IExtractedRecord>> ByRule { get; } =
        new Dictionary<string, Func<string, Uri, IExtractedRecord>>(StringComparer.Ordinal)
        {
            ["RbcArticle"] = RbcHandWritten.Article,
            ["RbcHome"] = RbcHandWritten.Home,
        };
}
