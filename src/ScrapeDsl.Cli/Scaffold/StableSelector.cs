using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ScrapeDsl.Cli.Scaffold;

/// <summary>
/// Builds CSS selectors for elements of a saved page that are likely to keep working on the site's other pages:
/// ids and semantic class names first, then attributes (itemprop, rel, data-testid…), then a stable ancestor plus a
/// tag, and a positional path only as the last resort. Every selector is checked on the page: for one element its
/// first match in document order must be that element (the runtime reads the first match); for a list it must
/// match exactly those elements.
/// </summary>
internal static partial class StableSelector
{
    private static readonly string[] s_semanticWords =
    {
        "title", "headline", "heading", "header", "author", "byline", "writer", "date", "time", "published", "dateline",
        "body", "content", "article", "entry", "post", "story", "text", "lead", "dek", "deck", "standfirst", "summary",
        "intro", "excerpt", "tag", "tags", "keyword", "topic", "image", "photo", "figure", "main",
    };

    private static readonly string[] s_stableAttributes = { "itemprop", "rel", "role", "data-testid", "data-test", "data-qa", "data-component", "property", "name" };

    /// <summary>
    /// A selector whose first match on the page is <paramref name="element"/>, or null: one that matches this element
    /// alone if any stable kind does (its own id, classes or attributes, then under a stable ancestor, then its tag), else
    /// the first of those that at least matches it first, else a positional path. A selector that also matches later
    /// elements reads one of them on a page of the site where this element is missing, and the build warns of it (SCR018).
    /// </summary>
    public static Built? For(IElement element, bool requireUnique = false)
    {
        var document = element.Owner!;
        Built? firstOfSeveral = null;
        foreach (var candidate in Candidates(element))
        {
            if (IsFirst(document, candidate, element, out var unique))
            {
                if (unique)
                {
                    return new Built(candidate, Stability.Stable);
                }

                firstOfSeveral ??= new Built(candidate, Stability.FirstOfSeveral);
            }
        }

        if (firstOfSeveral is not null && !requireUnique)
        {
            return firstOfSeveral;
        }

        var path = Positional(element);
        return path is not null && IsFirst(document, path, element, out _) ? new Built(path, Stability.Positional) : null;
    }

    /// <summary>The stable selectors to try for one element, most specific to the element first.</summary>
    private static IEnumerable<string> Candidates(IElement element)
    {
        foreach (var own in OwnSelectors(element))
        {
            yield return own;
        }

        // A stable ancestor narrows a plain tag or class down to this element.
        var depth = 0;
        for (var ancestor = element.ParentElement; ancestor is not null && depth < 8; ancestor = ancestor.ParentElement, depth++)
        {
            foreach (var scope in AnchorSelectors(ancestor))
            {
                foreach (var own in OwnSelectors(element, includeBareTag: true))
                {
                    yield return scope + " " + own;
                }
            }
        }

        yield return element.LocalName;
    }

    /// <summary>A selector that matches exactly <paramref name="elements"/> (in document order), or null.</summary>
    public static Built? ForAll(IReadOnlyList<IElement> elements)
    {
        if (elements.Count == 0)
        {
            return null;
        }

        var document = elements[0].Owner!;
        if (elements.Count == 1)
        {
            // A list field reads every match, so "first match" is not enough: the selector must match only this element.
            return For(elements[0], requireUnique: true) is { } single && MatchesExactly(document, single.Css, elements) ? single : null;
        }

        var shared = SharedSelectors(elements);
        foreach (var candidate in shared)
        {
            if (MatchesExactly(document, candidate, elements))
            {
                return new Built(candidate, Stability.Stable);
            }
        }

        var depth = 0;
        for (var ancestor = CommonAncestor(elements); ancestor is not null && depth < 8; ancestor = ancestor.ParentElement, depth++)
        {
            foreach (var scope in AnchorSelectors(ancestor))
            {
                foreach (var own in shared)
                {
                    var candidate = scope + " " + own;
                    if (MatchesExactly(document, candidate, elements))
                    {
                        return new Built(candidate, Stability.Stable);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>True when a class or id looks hand-written (not a hash, not an article-specific number, not a state).</summary>
    public static bool IsStableToken(string token) =>
        token.Length is > 1 and <= 40
        && Identifier().IsMatch(token)
        && !DigitRun().IsMatch(token)
        && !GeneratedPrefix().IsMatch(token)
        && !HashLike(token)
        && !s_stateClasses.Contains(token.ToLowerInvariant());

    private static readonly HashSet<string> s_stateClasses = new(StringComparer.Ordinal)
    {
        "active", "selected", "open", "hidden", "visible", "show", "hide", "clearfix", "cf", "row", "col", "container", "wrapper",
        "js", "loaded", "lazy", "lazyload", "lazyloaded", "fade", "in", "left", "right", "center", "first", "last", "odd", "even",
    };

    private static IEnumerable<string> OwnSelectors(IElement element, bool includeBareTag = false)
    {
        var tag = element.LocalName;
        if (element.Id is { } id && IsStableToken(id))
        {
            yield return "#" + id;
        }

        var classes = StableClasses(element);
        foreach (var cls in classes)
        {
            yield return tag + "." + cls;
        }

        // CSS-modules classes (ArticleTitle_root__Nb9Xh) change their hash on every deploy; their prefix does not.
        foreach (var prefix in CssModulePrefixes(element))
        {
            yield return tag + "[class*='" + prefix + "']";
        }

        foreach (var attribute in s_stableAttributes)
        {
            if (element.GetAttribute(attribute) is { } value && value.Length is > 0 and <= 40 && AttributeValue().IsMatch(value) && !DigitRun().IsMatch(value))
            {
                yield return tag + "[" + attribute + "='" + value + "']";
            }
        }

        if (includeBareTag)
        {
            yield return tag;
            yield return tag + ":first-of-type";
        }
    }

    private static List<string> SharedSelectors(IReadOnlyList<IElement> elements)
    {
        var first = elements[0];
        var tag = first.LocalName;
        var sameTag = true;
        foreach (var element in elements)
        {
            sameTag &= element.LocalName == tag;
        }

        var shared = new List<string>();
        foreach (var cls in StableClasses(first))
        {
            var all = true;
            foreach (var element in elements)
            {
                all &= element.ClassList.Contains(cls);
            }

            if (all)
            {
                shared.Add(sameTag ? tag + "." + cls : "." + cls);
            }
        }

        foreach (var attribute in s_stableAttributes)
        {
            if (first.GetAttribute(attribute) is { } value && value.Length is > 0 and <= 40 && AttributeValue().IsMatch(value))
            {
                var all = true;
                foreach (var element in elements)
                {
                    all &= element.GetAttribute(attribute) == value;
                }

                if (all)
                {
                    shared.Add((sameTag ? tag : string.Empty) + "[" + attribute + "='" + value + "']");
                }
            }
        }

        if (sameTag)
        {
            shared.Add(tag);
        }

        return shared;
    }

    private static IEnumerable<string> AnchorSelectors(IElement ancestor)
    {
        if (ancestor.LocalName is "html" or "body")
        {
            yield break;
        }

        if (ancestor.Id is { } id && IsStableToken(id))
        {
            yield return "#" + id;
        }

        foreach (var cls in StableClasses(ancestor))
        {
            yield return "." + cls;
        }

        foreach (var prefix in CssModulePrefixes(ancestor))
        {
            yield return "[class*='" + prefix + "']";
        }

        if (ancestor.GetAttribute("itemprop") is { } itemprop && AttributeValue().IsMatch(itemprop))
        {
            yield return "[itemprop='" + itemprop + "']";
        }

        if (ancestor.LocalName is "article" or "main" or "header")
        {
            yield return ancestor.LocalName;
        }
    }

    /// <summary>Stable classes, semantic ones (title, author, body…) first.</summary>
    private static List<string> StableClasses(IElement element)
    {
        var semantic = new List<string>();
        var other = new List<string>();
        foreach (var cls in element.ClassList)
        {
            if (!IsStableToken(cls))
            {
                continue;
            }

            (IsSemantic(cls) ? semantic : other).Add(cls);
        }

        semantic.AddRange(other);
        return semantic;
    }

    private static bool IsSemantic(string token)
    {
        foreach (var word in s_semanticWords)
        {
            if (token.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Positional(IElement element)
    {
        var steps = new List<string>();
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (current.Id is { } id && IsStableToken(id) && current != element)
            {
                steps.Add("#" + id);
                break;
            }

            if (current.LocalName is "body" or "html")
            {
                steps.Add(current.LocalName);
                break;
            }

            var index = 1;
            for (var sibling = current.PreviousElementSibling; sibling is not null; sibling = sibling.PreviousElementSibling)
            {
                if (sibling.LocalName == current.LocalName)
                {
                    index++;
                }
            }

            steps.Add(current.LocalName + ":nth-of-type(" + index + ")");
        }

        steps.Reverse();
        return string.Join(" > ", steps);
    }

    private static IElement? CommonAncestor(IReadOnlyList<IElement> elements)
    {
        for (var ancestor = elements[0].ParentElement; ancestor is not null; ancestor = ancestor.ParentElement)
        {
            var all = true;
            foreach (var element in elements)
            {
                all &= ancestor.Contains(element);
            }

            if (all)
            {
                return ancestor;
            }
        }

        return null;
    }

    private static bool IsFirst(IDocument document, string selector, IElement element, out bool unique)
    {
        unique = false;
        if (!Selector.TryParse(selector, out _))
        {
            return false;
        }

        IHtmlCollection<IElement> matches;
        try
        {
            matches = document.QuerySelectorAll(selector);
        }
        catch (DomException)
        {
            return false;
        }

        unique = matches.Length == 1;
        return matches.Length > 0 && matches[0] == element;
    }

    private static bool MatchesExactly(IDocument document, string selector, IReadOnlyList<IElement> elements)
    {
        if (!Selector.TryParse(selector, out _))
        {
            return false;
        }

        IHtmlCollection<IElement> matches;
        try
        {
            matches = document.QuerySelectorAll(selector);
        }
        catch (DomException)
        {
            return false;
        }

        if (matches.Length != elements.Count)
        {
            return false;
        }

        for (var i = 0; i < elements.Count; i++)
        {
            if (matches[i] != elements[i])
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> CssModulePrefixes(IElement element)
    {
        foreach (var cls in element.ClassList)
        {
            if (CssModuleCut(cls) is var cut and > 0 && IsStableToken(cls.Substring(0, cut)))
            {
                yield return cls.Substring(0, cut + 2);
            }
        }
    }

    /// <summary>Where the hash of a CSS-modules class starts (<c>Title_root__Nb9Xh</c>, <c>styles-module--headline--niWjO</c>), or -1.</summary>
    private static int CssModuleCut(string token)
    {
        foreach (var separator in new[] { "__", "--" })
        {
            var cut = token.LastIndexOf(separator, StringComparison.Ordinal);
            if (cut > 0 && IsCssModuleHash(token.Substring(cut + 2)))
            {
                return cut;
            }
        }

        return -1;
    }

    /// <summary>The hash after the last <c>__</c> of a CSS-modules class: 4–8 characters with a capital or a digit (BEM elements are lower-case words).</summary>
    private static bool IsCssModuleHash(string tail) =>
        tail.Length is >= 4 and <= 8 && Identifier().IsMatch("x" + tail) && (tail.Any(char.IsAsciiDigit) || tail.Any(char.IsAsciiLetterUpper));

    private static bool HashLike(string token)
    {
        if (CssModuleCut(token) > 0)
        {
            return true;
        }

        // css-1q2w3e, sc-bdVaJa, _3xk9Zq: short mixes of letters and digits or odd capitals are build hashes.
        var digits = 0;
        var uppers = 0;
        foreach (var c in token)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
            uppers += char.IsAsciiLetterUpper(c) ? 1 : 0;
        }

        return (digits >= 2 && token.Length <= 12) || (uppers >= 3 && !token.Contains('-') && !token.Contains('_') && token.Length <= 10);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex("[0-9]{3,}")]
    private static partial Regex DigitRun();

    [GeneratedRegex("^(css-|sc-|jsx-|svelte-|_)")]
    private static partial Regex GeneratedPrefix();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_:.-]*$")]
    private static partial Regex AttributeValue();
}

/// <summary>How much a built selector can be trusted on the site's other pages.</summary>
internal enum Stability
{
    /// <summary>Id, semantic class or attribute that matches only this element.</summary>
    Stable,

    /// <summary>A stable selector, but the page has other matches after this one.</summary>
    FirstOfSeveral,

    /// <summary>A path of <c>:nth-of-type</c> steps: works on this page, likely to break on others.</summary>
    Positional,
}

/// <summary>A selector and how stable it is.</summary>
internal sealed record Built(string Css, Stability Stability);
