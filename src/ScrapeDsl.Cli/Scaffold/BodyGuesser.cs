using System;
using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;

namespace ScrapeDsl.Cli.Scaffold;

/// <summary>
/// Finds the article body as the densest block of paragraph text (the idea behind Readability): every paragraph
/// long enough to be prose gives points to its parent and half to its grandparent; link-heavy blocks lose points.
/// The winning element gets a stable selector; <c>[itemprop=articleBody]</c> and <c>article</c> become fallbacks when
/// they hold the same text.
/// </summary>
internal static class BodyGuesser
{
    private const int MinParagraph = 40;

    public static FieldGuess? Guess(PageEvidence page)
    {
        var body = page.Document.Body;
        if (body is null)
        {
            return null;
        }

        var scores = new Dictionary<IElement, double>();
        var prose = new Dictionary<IElement, int>();
        foreach (var paragraph in Paragraphs(body))
        {
            var text = paragraph.TextContent;
            var length = text.Trim().Length;
            if (length < MinParagraph || PageEvidence.InChrome(paragraph))
            {
                continue;
            }

            for (var ancestor = paragraph.ParentElement; ancestor is not null && ancestor != body; ancestor = ancestor.ParentElement)
            {
                prose[ancestor] = prose.GetValueOrDefault(ancestor) + length;
            }

            var points = 1 + text.Count(c => c is ',' or '，' or '、' or '。') + Math.Min(length / 100.0, 3);
            if (paragraph.ParentElement is { } parent)
            {
                scores[parent] = scores.GetValueOrDefault(parent) + points;
                if (parent.ParentElement is { } grandparent && grandparent.LocalName != "html")
                {
                    scores[grandparent] = scores.GetValueOrDefault(grandparent) + (points / 2);
                }
            }
        }

        IElement? best = null;
        var bestScore = 0.0;
        foreach (var (element, score) in scores)
        {
            var weighted = score * (1 - LinkDensity(element));
            if (weighted > bestScore)
            {
                best = element;
                bestScore = weighted;
            }
        }

        // Ads and embeds often split an article into several blocks: climb while the parent holds clearly more prose
        // and is still mostly prose, so the body starts at the article's first paragraph, not the densest part.
        if (best is not null)
        {
            IElement? wider = null;
            var level = 0;
            for (var up = best.ParentElement; up is not null && up != body && level < 6; up = up.ParentElement, level++)
            {
                if (prose.GetValueOrDefault(up) >= prose.GetValueOrDefault(best) * 1.3 && prose.GetValueOrDefault(up) >= 0.5 * TextContent.Of(up).Length && LinkDensity(up) < 0.3)
                {
                    wider = up;
                }
            }

            best = wider ?? best;
        }

        var articleBody = page.Document.QuerySelector("[itemprop=articleBody]");
        best ??= articleBody ?? page.Document.QuerySelector("article") ?? body;
        var text0 = TextContent.Of(best);
        if (text0.Length == 0)
        {
            return null;
        }

        var selector = StableSelector.For(best);
        if (selector is null)
        {
            return null;
        }

        var sources = new List<GuessedSource> { GuessedSource.Css(selector, null, $"densest text block (<{best.LocalName}>, score {bestScore:0})") };
        var evidence = new List<string> { sources[0].Evidence };
        foreach (var (fallbackSelector, name) in new[] { ("[itemprop=articleBody]", "microdata articleBody"), ("article", "<article>") })
        {
            var other = page.Document.QuerySelector(fallbackSelector);
            if (other is not null && other != best && SameProse(other, best, text0))
            {
                // A generic fallback that also matches teasers would read one of them where the body is missing: it
                // must match this element alone, as is or narrowed down by a stable selector.
                var fallback = page.Document.QuerySelectorAll(fallbackSelector).Length == 1
                    ? fallbackSelector
                    : StableSelector.For(other, requireUnique: true) is { Stability: Stability.Stable } narrowed ? narrowed.Css : null;
                if (fallback is not null)
                {
                    sources.Add(new GuessedSource(SourceKind.Css, fallback, null, name));
                    evidence.Add(name);
                }
            }
            else if (other == best)
            {
                evidence.Add(name);
            }
        }

        if (page.JsonLd?.ArticleBody is { } jsonBody && text0.StartsWith(Start(jsonBody), StringComparison.Ordinal))
        {
            evidence.Add("JSON-LD articleBody");
        }

        return new FieldGuess("body", "string", false, false, sources, string.Join(" = ", evidence), new[] { text0 });
    }

    private static IEnumerable<IElement> Paragraphs(IElement body)
    {
        foreach (var element in body.QuerySelectorAll("p, pre, blockquote, li"))
        {
            if (element.LocalName != "li" || element.TextContent.Length > 120)
            {
                yield return element;
            }
        }

        // Old templates write prose as text nodes separated by <br>: such a div counts as one long paragraph.
        foreach (var div in body.QuerySelectorAll("div"))
        {
            var own = 0;
            foreach (var node in div.ChildNodes)
            {
                if (node is IText text)
                {
                    own += text.Data.Trim().Length;
                }
            }

            if (own > 200)
            {
                yield return div;
            }
        }
    }

    private static double LinkDensity(IElement element)
    {
        var total = element.TextContent.Length;
        if (total == 0)
        {
            return 1;
        }

        var links = 0;
        foreach (var link in element.QuerySelectorAll("a"))
        {
            links += link.TextContent.Length;
        }

        return Math.Min(1, (double)links / total);
    }

    /// <summary>True when a fallback block holds the same prose: it starts the same way and is not much longer.</summary>
    private static bool SameProse(IElement other, IElement best, string bestText)
    {
        if (!other.Contains(best) && !best.Contains(other))
        {
            return false;
        }

        var otherText = TextContent.Of(other);
        return otherText.Length > 0 && otherText.Length <= bestText.Length * 1.5 && otherText.Length >= bestText.Length * 0.6;
    }

    private static string Start(string text)
    {
        var normalized = TextContent.NormalizeInline(text);
        return normalized.Length > 40 ? normalized.Substring(0, 40) : normalized;
    }
}
