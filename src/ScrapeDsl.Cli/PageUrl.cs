using System;
using AngleSharp.Dom;

namespace ScrapeDsl.Cli;

/// <summary>The URL a saved page states for itself: its canonical link, else <c>og:url</c>.</summary>
internal static class PageUrl
{
    public static Uri? Find(IDocument document)
    {
        var href = document.QuerySelector("link[rel=canonical][href]")?.GetAttribute("href")
            ?? document.QuerySelector("meta[property='og:url'][content]")?.GetAttribute("content");
        return href is not null && Uri.TryCreate(href.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;
    }
}
