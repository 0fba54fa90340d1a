using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ScrapeDsl.Benchmarks.HandWritten;
using ScrapeDsl.Rules;

namespace ScrapeDsl.Benchmarks.Floors;

/// <summary>
/// The least work RbcArticle's rule asks for on its example page, written for that rule alone (see <see cref="ZeitFloor"/>):
/// one recursive walk that reads each element's attributes once, skips the ad slots the rule removes and notes the
/// elements the first sources select; then ScrapeDsl's own text and sanitized-HTML routines (the meaning of
/// <c>value: text</c> and <c>value: html</c>), the conversions of the hand-written extractor (which give the same values
/// on this page), the rule's regexes compiled, and the record built directly. No fallbacks, report, plan or pipeline.
/// </summary>
public static partial class RbcArticleFloor
{
    private static readonly HtmlParser Parser = new(Page.ParserOptions);
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");
    private static readonly Selector[] BodyRemove = { Selector.Parse(".article__text__overview"), Selector.Parse(".article__main-image") };

    /// <summary>The record the generated extractor gives for the example page.</summary>
    public static RbcArticle Extract(string html, Uri url)
    {
        var page = new Found();
        Walk(Parser.ParseDocument(html).DocumentElement, ref page, parentIsFeedList: false, inFeed: false, inMainImage: false, inMainImageTitle: false);
        var removed = page.Removed;

        string? Text(IElement? element) => element is null ? null : TextContent.Of(element, removed) is { Length: > 0 } text ? text : null;
        List<string> Texts(List<IElement> elements)
        {
            var texts = new List<string>(elements.Count);
            foreach (var element in elements)
            {
                if (Text(element) is { } text)
                {
                    texts.Add(text);
                }
            }

            return texts;
        }

        DateTimeOffset? publishedAt = DateTimeOffset.TryParse(page.Date?.GetAttribute("datetime")?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
        var credit = Text(page.Credit) is { } written && RbcHandWritten.CreditName().Match(written) is { Success: true } creditMatch ? creditMatch.Groups[1].Value.Trim() : null;
        var feed = new List<RbcArticle.FeedItem>(page.Feed.Count);
        foreach (var item in page.Feed)
        {
            feed.Add(new RbcArticle.FeedItem(Text(Descendant(item, "news-feed__item__title", removed)), Text(Descendant(item, "news-feed__item__date-text", removed)), RbcHandWritten.ToUrl(url, item.GetAttribute("href"))));
        }

        var rates = new List<RbcArticle.RatesItem>(page.Rates.Count);
        var year = RbcHandWritten.YearInUrl().Match(url.AbsolutePath) is { Success: true } yearMatch ? yearMatch.Groups[1].Value : null;
        foreach (var item in page.Rates)
        {
            var title = Text(Descendant(item, "news-feed__item__title", removed)) ?? string.Empty;
            var change = Descendant(item, "news-feed__item__change", removed);
            DateOnly? date = year is not null && RbcHandWritten.RateDay().Match(title) is { Success: true } day
                && DateTime.TryParseExact(day.Groups[1].Value + " " + year, "d MMMM yyyy", Russian, DateTimeStyles.None, out var local)
                ? DateOnly.FromDateTime(local)
                : null;
            var falling = change?.GetAttribute("class") is { } classes ? FallOrRise().Match(classes) is { Success: true } arrow ? arrow.Groups[1].Value == "fall" : (bool?)null : null;
            rates.Add(new RbcArticle.RatesItem(
                RbcHandWritten.Currency().Match(title) is { Success: true } currency ? currency.Groups[1].Value : null,
                date,
                RbcHandWritten.RussianNumber(RbcHandWritten.RateValue().Match(title)),
                RbcHandWritten.RussianNumber(RbcHandWritten.ChangeValue().Match(Text(change) ?? string.Empty)),
                falling,
                RbcHandWritten.ToUrl(url, item.GetAttribute("href"))));
        }

        return new RbcArticle(
            Text(page.Title)!,
            Text(page.Category),
            publishedAt,
            Texts(page.Authors),
            Text(page.Overview),
            RbcHandWritten.ToUrl(url, page.Image?.GetAttribute("src")),
            Text(page.Caption),
            credit,
            page.Body is null ? null : TextContent.Of(page.Body, removed, BodyRemove),
            publishedAt is { } instant ? DateOnly.FromDateTime(instant.DateTime) : null,
            page.Overview is null ? null : HtmlContent.Of(page.Overview, removed, url),
            Texts(page.Tags),
            RbcHandWritten.Breadcrumbs(page.JsonLd),
            feed,
            rates);
    }

    private static void Walk(IElement element, ref Found page, bool parentIsFeedList, bool inFeed, bool inMainImage, bool inMainImageTitle)
    {
        // Each attribute read once.
        string? classes = null;
        string? role = null;
        string? itemProp = null;
        string? type = null;
        string? analytics = null;
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            switch (attribute.Name)
            {
                case "class": classes = attribute.Value; break;
                case "data-role": role = attribute.Value; break;
                case "itemprop": itemProp = attribute.Value; break;
                case "type": type = attribute.Value; break;
                case "data-rm-data-element": analytics = attribute.Value; break;
            }
        }

        var flags = Classes(classes);
        if ((flags & Class.Removed) != 0 || role == "fox-tail")
        {
            page.Removed.Add(element);
            return;
        }

        var name = element.LocalName;
        if ((flags & Class.Title) != 0 && name == "h1") page.Title ??= element;
        if ((flags & Class.Category) != 0 && name == "a") page.Category ??= element;
        if ((flags & Class.Date) != 0 && name == "time") page.Date ??= element;
        if ((flags & Class.Author) != 0) page.Authors.Add(element);
        if ((flags & Class.Overview) != 0) page.Overview ??= element;
        if (inMainImage && name == "img") page.Image ??= element;
        if (inMainImageTitle && itemProp is not null && ZeitFloor.HasClass(itemProp, "description")) page.Caption ??= element;
        if ((flags & Class.Credit) != 0) page.Credit ??= element;
        if ((flags & Class.Body) != 0) page.Body ??= element;
        if ((flags & Class.Tag) != 0 && name == "a") page.Tags.Add(element);
        if (name == "script" && type is not null && type.Trim().Equals("application/ld+json", StringComparison.OrdinalIgnoreCase)) page.JsonLd.Add(element);
        if (parentIsFeedList && name == "a" && (flags & Class.FeedItem) != 0 && (analytics is null || !analytics.Contains("\"projectNick\":null", StringComparison.Ordinal))) page.Feed.Add(element);
        if (inFeed && name == "a" && (flags & Class.Currency) != 0) page.Rates.Add(element);

        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is IElement child)
            {
                Walk(child, ref page, (flags & Class.FeedList) != 0, inFeed || (flags & Class.Feed) != 0, inMainImage || (flags & Class.MainImage) != 0, inMainImageTitle || (flags & Class.MainImageTitle) != 0);
            }
        }
    }

    private static Class Classes(string? classes)
    {
        var flags = Class.None;
        var rest = classes.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOfAny(" \t\n\r\f");
            flags |= rest[..(end < 0 ? rest.Length : end)] switch
            {
                "banner__container__link" or "fox-fallback" or "simple-promo-card" or "lib-vertical-card" or "article__inline-item"
                    or "js-commercial-video-block" or "item-in-article" or "live-tv__error-message" or "social-networks" => Class.Removed,
                "article__header__title-in" => Class.Title,
                "article__header__category" => Class.Category,
                "article__header__date" => Class.Date,
                "article__authors__author__name" => Class.Author,
                "article__text__overview" => Class.Overview,
                "article__main-image" => Class.MainImage,
                "article__main-image__title" => Class.MainImageTitle,
                "article__main-image__author" => Class.Credit,
                "article__text" => Class.Body,
                "article__tags__item" => Class.Tag,
                "js-news-feed-list" => Class.FeedList,
                "news-feed__item" => Class.FeedItem,
                "js-news-feed" => Class.Feed,
                "js-news-feed-currency" => Class.Currency,
                _ => Class.None,
            };
            rest = end < 0 ? default : rest[(end + 1)..];
        }

        return flags;
    }

    /// <summary>The first visible descendant with the class (nested fields: a few elements per item).</summary>
    private static IElement? Descendant(IElement scope, string className, RemovedView removed)
    {
        var children = scope.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is IElement child && !removed.Contains(child))
            {
                if (ZeitFloor.HasClass(child.GetAttribute("class"), className))
                {
                    return child;
                }

                if (Descendant(child, className, removed) is { } deeper)
                {
                    return deeper;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"item__change_(fall|rise)")]
    private static partial Regex FallOrRise();

    [Flags]
    private enum Class
    {
        None = 0,
        Removed = 1 << 0,
        Title = 1 << 1,
        Category = 1 << 2,
        Date = 1 << 3,
        Author = 1 << 4,
        Overview = 1 << 5,
        MainImage = 1 << 6,
        MainImageTitle = 1 << 7,
        Credit = 1 << 8,
        Body = 1 << 9,
        Tag = 1 << 10,
        FeedList = 1 << 11,
        FeedItem = 1 << 12,
        Feed = 1 << 13,
        Currency = 1 << 14,
    }

    private struct Found
    {
        public Found()
        {
        }

        public RemovedView Removed = new();
        public IElement? Title;
        public IElement? Category;
        public IElement? Date;
        public List<IElement> Authors = new();
        public IElement? Overview;
        public IElement? Image;
        public IElement? Caption;
        public IElement? Credit;
        public IElement? Body;
        public List<IElement> Tags = new();
        public List<IElement> JsonLd = new();
        public List<IElement> Feed = new();
        public List<IElement> Rates = new();
    }
}
