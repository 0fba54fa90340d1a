using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AngleSharp.Dom;

namespace ScrapeDsl.Cli.Scaffold;

/// <summary>
/// Guesses the fields of an article rule from a saved page: title, authors, publishedAt, lead, body, tags and image.
/// Each field collects candidates from every kind of evidence the page offers (JSON-LD, OpenGraph and
/// <c>article:*</c> meta, microdata, <c>h1</c>, <c>time[datetime]</c>, <c>rel=author</c>, class names, the densest
/// text block) and lets <see cref="Agreement"/> pick the value most of them agree on.
/// </summary>
internal static class ArticleGuesser
{
    private static readonly string[] s_dateMetas =
    {
        "article:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate", "publish-date",
        "date", "DC.date.issued", "dc.date.issued", "dc.date", "DC.date", "sailthru.date", "parsely-pub-date",
        "article.published", "article_date_original", "published_at", "og:published_time", "publication_date", "cXenseParse:recs:publishtime", "date_published", "pub_date",
    };

    /// <summary>The fields guessed for the page, in the order they are written.</summary>
    public static List<FieldGuess> Guess(PageEvidence page, ScaffoldOptions options)
    {
        var fields = new List<FieldGuess>();
        Add(fields, Title(page, options));
        Add(fields, Authors(page, options));
        Add(fields, PublishedAt(page, options));
        var lead = Lead(page, options);
        Add(fields, lead);
        Add(fields, WithoutLead(page, BodyGuesser.Guess(page), lead));
        Add(fields, Tags(page, options));
        Add(fields, Image(page, options));
        return fields;
    }

    /// <summary>A lead printed inside the body block is removed from the body, so the two fields don't repeat each other.</summary>
    private static FieldGuess? WithoutLead(PageEvidence page, FieldGuess? body, FieldGuess? lead)
    {
        if (body is null || lead is not { Sources: [{ Kind: SourceKind.Css, Attribute: null } leadSource, ..] })
        {
            return body;
        }

        var bodyElement = page.Document.QuerySelector(body.Sources[0].Path);
        var leadElement = page.Document.QuerySelector(leadSource.Path);
        return bodyElement is not null && leadElement is not null && bodyElement != leadElement && bodyElement.Contains(leadElement)
            ? body with { Remove = new[] { leadSource.Path }, Evidence = body.Evidence + "; without the lead" }
            : body;
    }

    private static void Add(List<FieldGuess> fields, FieldGuess? field)
    {
        if (field is not null)
        {
            fields.Add(field);
        }
    }

    private static FieldGuess Title(PageEvidence page, ScaffoldOptions options)
    {
        var candidates = new List<Candidate>();
        var document = page.Document;
        var siteName = page.Meta("og:site_name")?.Value;

        var h1Strength = 3;
        foreach (var h1 in document.QuerySelectorAll("h1").Take(6))
        {
            var text = TextContent.Of(h1);
            if (text.Length < 4 || text.Length > 300 || text.Contains('\n') || text == siteName || PageEvidence.InChrome(h1))
            {
                continue;
            }

            if (StableSelector.For(h1) is { } selector)
            {
                candidates.Add(new Candidate(GuessedSource.Css(selector, null, h1Strength == 3 ? "first h1" : "h1"), new[] { text }, h1Strength));
                h1Strength = 2;
            }
        }

        AddElement(candidates, document.QuerySelector("[itemprop=headline]"), "microdata headline", 3);
        AddMeta(candidates, page, "og:title", 2);
        AddMeta(candidates, page, "twitter:title", 1);
        AddMeta(candidates, page, "title", 1);
        AddMeta(candidates, page, "parsely-title", 1);
        AddMeta(candidates, page, "sailthru.title", 1);
        foreach (var element in document.QuerySelectorAll("[class*=headline], [class*=title]").Take(40))
        {
            if (element.LocalName is not ("h1" or "meta" or "title" or "a" or "body" or "html") && !PageEvidence.InChrome(element))
            {
                var text = TextContent.Of(element);
                if (text.Length is >= 4 and <= 300 && !text.Contains('\n') && StableSelector.For(element) is { } selector)
                {
                    candidates.Add(new Candidate(GuessedSource.Css(selector, null, "class " + ClassHint(element, "title", "headline")), new[] { text }, 1));
                }
            }
        }

        if (document.QuerySelector("title") is { } title && TextContent.Of(title) is { Length: > 0 } titleText)
        {
            candidates.Add(new Candidate(new GuessedSource(SourceKind.Css, "title", null, "<title>"), new[] { titleText }, 1));
        }

        if (page.JsonLd?.Headline is { } headline)
        {
            candidates.Add(new Candidate(GuessedSource.JsonLd("headline"), new[] { Normalize(headline) }, 3));
        }

        // "Headline | Site" in <title> or og:title supports "Headline"; and a real headline shows up in <title>.
        var values = candidates.Select(c => c.Values[0]).Distinct().ToList();
        foreach (var candidate in candidates.ToList())
        {
            var value = candidate.Values[0];
            if (values.FirstOrDefault(other => other.Length >= 8 && other.Length < value.Length && StartsWithThenSeparator(value, other)) is { } shorter)
            {
                candidates.Add(new Candidate(GuessedSource.Hint(candidate.Source.Evidence + " minus its site suffix"), new[] { shorter }, candidate.Strength));
            }
        }

        var titleElement = document.QuerySelector("title") is { } t ? TextContent.Of(t) : string.Empty;
        return Agreement.Choose("title", "string", many: false, required: true, candidates, Key, options, key => key.Length > 0 && titleElement.Contains(key, StringComparison.Ordinal) ? 2 : 0)
            ?? new FieldGuess("title", "string", false, true, new[] { new GuessedSource(SourceKind.Css, "title", null, "<title> (nothing better on the page)") }, "<title>", Array.Empty<string>());
    }

    private static FieldGuess? Authors(PageEvidence page, ScaffoldOptions options)
    {
        var candidates = new List<Candidate>();
        var document = page.Document;

        AddElements(candidates, document.QuerySelectorAll("[itemprop=author] [itemprop=name]").ToList(), "microdata author name", 3, NameLike);
        AddElements(candidates, document.QuerySelectorAll("[itemprop=author]").Where(e => e.QuerySelector("[itemprop=name]") is null).ToList(), "microdata author", 2, NameLike);
        AddElements(candidates, document.QuerySelectorAll("a[rel=author]").ToList(), "rel=author", 3, NameLike);
        foreach (var key in new[] { "author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "DC.creator" })
        {
            if (page.Meta(key) is { } meta && NameLike(meta.Value))
            {
                candidates.Add(new Candidate(GuessedSource.Meta(meta.Selector, meta.Attribute, key + " meta"), new[] { meta.Value }, 2));
            }
        }

        // Links to author pages: the href pattern is the selector, when every such link on the page is a distinct name.
        foreach (var pattern in s_authorPaths)
        {
            var selector = "a[href*='" + pattern + "']";
            var links = document.QuerySelectorAll(selector);
            var names = links.Select(TextContent.Of).ToList();
            if (links.Length is > 0 and <= 4 && names.All(NameLike) && names.Distinct(StringComparer.OrdinalIgnoreCase).Count() == names.Count)
            {
                candidates.Add(new Candidate(new GuessedSource(SourceKind.Css, selector, null, "links to " + pattern + " pages"), names, 2));
            }
        }

        // Byline containers by class name: the element itself when it holds just a name, else the links in it.
        foreach (var byline in document.QuerySelectorAll("[class*=author], [class*=byline], [class*=Author], [class*=Byline]").Take(30))
        {
            if (byline.LocalName is "meta" or "body" or "html" || PageEvidence.InChrome(byline))
            {
                continue;
            }

            var text = TextContent.Of(byline);
            if (NameLike(text))
            {
                // A wrapper around the element that holds just the name: that element is the better selector.
                var inner = byline;
                while (inner.Children.FirstOrDefault(child => TextContent.Of(child) == text) is { } child)
                {
                    inner = child;
                }

                AddElements(candidates, new[] { inner }, "class " + ClassHint(byline, "author", "byline"), 1, NameLike);
            }
            else if (text.Length < 300)
            {
                AddElements(candidates, byline.QuerySelectorAll("a").Where(a => NameLike(TextContent.Of(a))).ToList(), "links in class " + ClassHint(byline, "author", "byline"), 1, NameLike);
            }
        }

        if (page.JsonLd is { Authors.Count: > 0 } jsonLd)
        {
            var names = jsonLd.Authors.Select(Normalize).ToList();
            candidates.Add(new Candidate(GuessedSource.JsonLd("author.name"), names, 3));
            var elements = names.Select(name => LeafWithText(document, name)).ToList();
            if (elements.All(e => e is not null))
            {
                AddElements(candidates, elements!, "text equal to JSON-LD author", 2, NameLike);
            }
        }

        return Agreement.Choose("authors", "string", many: true, required: false, candidates, ListKey, options);
    }

    private static FieldGuess? PublishedAt(PageEvidence page, ScaffoldOptions options)
    {
        var candidates = new List<Candidate>();
        var document = page.Document;
        foreach (var key in s_dateMetas)
        {
            if (page.Meta(key) is { } meta && IsDate(meta.Value))
            {
                candidates.Add(new Candidate(GuessedSource.Meta(meta.Selector, meta.Attribute, key + " meta"), new[] { meta.Value }, key.Contains("published", StringComparison.OrdinalIgnoreCase) || key == "datePublished" ? 3 : 2));
            }
        }

        foreach (var element in document.QuerySelectorAll("[itemprop=datePublished]:not(meta)").Take(3))
        {
            foreach (var attribute in new[] { "datetime", "content" })
            {
                if (element.GetAttribute(attribute) is { } value && IsDate(value) && StableSelector.For(element) is { } selector)
                {
                    candidates.Add(new Candidate(GuessedSource.Css(selector, attribute, "microdata datePublished"), new[] { TextContent.NormalizeInline(value) }, 3));
                }
            }
        }

        var timeStrength = 2;
        foreach (var time in document.QuerySelectorAll("time[datetime]").Take(4))
        {
            var value = TextContent.NormalizeInline(time.GetAttribute("datetime")!);
            if (IsDate(value) && !PageEvidence.InChrome(time) && !Mentions(time, "modif", "updat") && StableSelector.For(time) is { } selector)
            {
                candidates.Add(new Candidate(GuessedSource.Css(selector, "datetime", time.HasAttribute("pubdate") ? "time[pubdate]" : "time[datetime]"), new[] { value }, timeStrength));
                timeStrength = 1;
            }
        }

        // Dates in other attributes: data-published, data-date, content on a visible element…
        var found = 0;
        foreach (var element in document.Body?.QuerySelectorAll("*") ?? Enumerable.Empty<IElement>())
        {
            if (found >= 4)
            {
                break;
            }

            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name;
                if (name is "datetime" or "class" or "id" or "style" or "href" or "src" || !(name.Contains("publish") || name.Contains("date"))
                    || name.Contains("modif") || name.Contains("updat") || !IsDate(attribute.Value) || PageEvidence.InChrome(element) || StableSelector.For(element) is not { } selector)
                {
                    continue;
                }

                candidates.Add(new Candidate(GuessedSource.Css(selector, name, "attribute " + name), new[] { TextContent.NormalizeInline(attribute.Value) }, name.Contains("publish") ? 2 : 1));
                found++;
            }
        }

        foreach (var element in document.QuerySelectorAll("[class*=date], [class*=published], [class*=timestamp]").Take(20))
        {
            var text = TextContent.Of(element);
            if (element.LocalName is not ("meta" or "body") && text.Length is >= 8 and <= 40 && IsDate(text) && !Mentions(element, "modif", "updat") && StableSelector.For(element) is { } selector)
            {
                candidates.Add(new Candidate(GuessedSource.Css(selector, null, "class " + ClassHint(element, "date", "published", "timestamp") + " text"), new[] { text }, 1));
            }
        }

        if (page.JsonLd?.DatePublished is { } published && IsDate(published))
        {
            candidates.Add(new Candidate(GuessedSource.JsonLd("datePublished"), new[] { published }, 3));
        }

        return Agreement.Choose("publishedAt", "datetime", many: false, required: false, candidates, DateKey, options);
    }

    private static FieldGuess? Lead(PageEvidence page, ScaffoldOptions options)
    {
        var candidates = new List<Candidate>();
        foreach (var element in page.Document.QuerySelectorAll("[class*=lead], [class*=dek], [class*=standfirst], [class*=summary], [class*=subtitle], [class*=deck], [class*=excerpt], [class*=overview], [class*=intro], [itemprop=description]:not(meta)").Take(20))
        {
            var text = TextContent.Of(element);
            if (text.Length is >= 40 and <= 600 && !PageEvidence.InChrome(element) && element.LocalName is not ("body" or "html") && StableSelector.For(element) is { } selector)
            {
                candidates.Add(new Candidate(GuessedSource.Css(selector, null, "class " + ClassHint(element, "lead", "dek", "standfirst", "summary", "subtitle", "deck", "excerpt", "overview", "intro")), new[] { text }, 2));
            }
        }

        AddMeta(candidates, page, "description", 2);
        AddMeta(candidates, page, "og:description", 2);
        AddMeta(candidates, page, "twitter:description", 1);
        if (page.JsonLd?.Description is { } description)
        {
            candidates.Add(new Candidate(GuessedSource.JsonLd("description"), new[] { Normalize(description) }, 2));
        }

        return Agreement.Choose("lead", "string", many: false, required: false, candidates, Key, options);
    }

    private static FieldGuess? Tags(PageEvidence page, ScaffoldOptions options)
    {
        var candidates = new List<Candidate>();
        var document = page.Document;
        if (page.MetaAll("article:tag") is { } metaTags && metaTags.Values.All(TagLike))
        {
            candidates.Add(new Candidate(GuessedSource.Meta(metaTags.Selector, metaTags.Attribute, "article:tag meta"), metaTags.Values, 2));
        }

        AddElements(candidates, document.QuerySelectorAll("a[rel=tag], a[rel='category tag']").ToList(), "rel=tag", 3, TagLike);
        foreach (var container in document.QuerySelectorAll("[class*=tags], [class*=keywords], [class*=topics], [class*=tag-list]").Take(10))
        {
            if (container.LocalName is "body" or "html" or "a" || PageEvidence.InChrome(container))
            {
                continue;
            }

            var links = container.QuerySelectorAll("a").Where(a => TagLike(TextContent.Of(a))).ToList();
            if (links.Count is > 0 and <= 30)
            {
                AddElements(candidates, links, "links in class " + ClassHint(container, "tag", "keyword", "topic"), 2, TagLike);
            }
        }

        if (page.JsonLd is { Keywords.Count: > 0 } jsonLd)
        {
            candidates.Add(new Candidate(GuessedSource.JsonLd("keywords"), jsonLd.Keywords, 2));
        }

        return Agreement.Choose("tags", "string", many: true, required: false, candidates, ListKey, options);
    }

    private static FieldGuess? Image(PageEvidence page, ScaffoldOptions options)
    {
        var candidates = new List<Candidate>();
        AddMeta(candidates, page, "og:image", 3);
        AddMeta(candidates, page, "og:image:url", 2);
        AddMeta(candidates, page, "twitter:image", 2);
        AddMeta(candidates, page, "twitter:image:src", 2);
        if (page.Document.QuerySelector("link[rel=image_src][href]") is { } link)
        {
            candidates.Add(new Candidate(new GuessedSource(SourceKind.Css, "link[rel=image_src]", "href", "link rel=image_src"), new[] { TextContent.NormalizeInline(link.GetAttribute("href")!) }, 2));
        }

        if (page.Document.QuerySelector("img[itemprop=image][src]") is { } img && StableSelector.For(img) is { } selector)
        {
            candidates.Add(new Candidate(GuessedSource.Css(selector, "src", "microdata image"), new[] { TextContent.NormalizeInline(img.GetAttribute("src")!) }, 2));
        }

        if (page.JsonLd?.Image is { } image)
        {
            candidates.Add(new Candidate(GuessedSource.JsonLd("image"), new[] { image.Trim() }, 2));
        }

        return Agreement.Choose("image", "url", many: false, required: false, candidates, values => UrlKey(values, page.Url), options);
    }

    private static void AddMeta(List<Candidate> candidates, PageEvidence page, string key, int strength)
    {
        if (page.Meta(key) is { } meta)
        {
            candidates.Add(new Candidate(GuessedSource.Meta(meta.Selector, meta.Attribute, key + " meta"), new[] { meta.Value }, strength));
        }
    }

    private static void AddElement(List<Candidate> candidates, IElement? element, string evidence, int strength)
    {
        if (element is null)
        {
            return;
        }

        var attribute = element.LocalName == "meta" || (element.HasAttribute("content") && TextContent.Of(element).Length == 0) ? "content" : null;
        var value = PageEvidence.ValueOf(element, attribute);
        if (value.Length > 0 && StableSelector.For(element) is { } selector)
        {
            candidates.Add(new Candidate(GuessedSource.Css(selector, attribute, evidence), new[] { value }, strength));
        }
    }

    /// <summary>Adds a list candidate for elements that each give an acceptable, distinct value, if one selector matches exactly them.</summary>
    private static void AddElements(List<Candidate> candidates, IReadOnlyList<IElement> elements, string evidence, int strength, Func<string, bool> accept)
    {
        if (elements.Count == 0)
        {
            return;
        }

        var attribute = elements[0].LocalName == "meta" ? "content" : null;
        var kept = new List<IElement>();
        var values = new List<string>();
        foreach (var element in elements)
        {
            var value = PageEvidence.ValueOf(element, attribute);
            if (value.Length == 0 || !accept(value))
            {
                return; // the rule would read this element too: a list with junk in it is no candidate
            }

            if (!values.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                values.Add(value);
                kept.Add(element);
            }
        }

        if (values.Count > 4 && evidence.Contains("author", StringComparison.Ordinal))
        {
            return; // more names than a byline has: a list of other stories' authors
        }

        if (StableSelector.ForAll(kept) is { } selector)
        {
            candidates.Add(new Candidate(GuessedSource.Css(selector, attribute, evidence), values, strength));
        }
    }

    private static IElement? LeafWithText(IDocument document, string text)
    {
        foreach (var element in document.Body?.QuerySelectorAll("a, span, div, p, strong, b, li, address") ?? Enumerable.Empty<IElement>())
        {
            if (element.ChildElementCount <= 1 && string.Equals(TextContent.Of(element), text, StringComparison.OrdinalIgnoreCase))
            {
                return element;
            }
        }

        return null;
    }

    private static readonly string[] s_authorPaths = { "/author/", "/authors/", "/profile/", "/people/", "/staff/", "/writer/", "/writers/", "/contributor/", "/contributors/", "/journalist/", "/by/" };

    private static readonly char[] s_notInNames = { '©', '|', '/', '(', ')', '[', ']', '#', '»', '«' };

    /// <summary>"By Jane Doe", "ByJane Doe" (a byline whose "By" sits in its own element), "by: Jane".</summary>
    private static bool StartsWithBy(string text) =>
        text.Length > 3 && text.StartsWith("by", StringComparison.OrdinalIgnoreCase) && (text[2] is ' ' or ':' || char.IsUpper(text[2]));

    private static bool StartsWithThenSeparator(string text, string prefix)
    {
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text.AsSpan(prefix.Length).TrimStart();
        return rest.Length > 0 && rest[0] is '|' or '-' or '–' or '—' or ':' or '：' or '｜' or '/' or '«' or '·' or '•';
    }

    private static bool NameLike(string text)
    {
        if (text.Length is < 3 or > 60 || text.Contains('\n') || text.Contains("http", StringComparison.OrdinalIgnoreCase) || text.Contains('@'))
        {
            return false;
        }

        if (text.Any(char.IsDigit) || text.IndexOfAny(s_notInNames) >= 0 || StartsWithBy(text) || text.Contains("photo", StringComparison.OrdinalIgnoreCase) || text.Contains("image", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return words <= 6 && !text.Contains("author", StringComparison.OrdinalIgnoreCase) && !text.EndsWith(':');
    }

    private static bool TagLike(string text) => text.Length is > 0 and <= 50 && !text.Contains('\n');

    private static bool IsDate(string text) => Conversions.TryDateTime(text.Trim(), out var instant) && instant.Year is >= 1995 and <= 2100;

    private static bool Mentions(IElement element, params string[] words)
    {
        var hay = (element.ClassName ?? string.Empty) + " " + (element.GetAttribute("itemprop") ?? string.Empty) + " " + (element.ParentElement?.ClassName ?? string.Empty);
        return words.Any(word => hay.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    private static string ClassHint(IElement element, params string[] words)
    {
        foreach (var cls in element.ClassList)
        {
            if (words.Any(word => cls.Contains(word, StringComparison.OrdinalIgnoreCase)))
            {
                return cls;
            }
        }

        return element.ClassName ?? element.LocalName;
    }

    /// <summary>Whitespace collapsed and trimmed (what the runtime does to text).</summary>
    public static string Normalize(string text) => TextContent.NormalizeInline(text);

    private static string? Key(IReadOnlyList<string> values) => values.Count == 1 ? Normalize(values[0]) : null;

    private static string? ListKey(IReadOnlyList<string> values) => string.Join("|", values.Select(v => Normalize(v).ToLowerInvariant()));

    private static string? DateKey(IReadOnlyList<string> values) =>
        values.Count == 1 && Conversions.TryDateTime(values[0].Trim(), out var instant) ? instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : null;

    private static string? UrlKey(IReadOnlyList<string> values, Uri? pageUrl) =>
        values.Count == 1 && Conversions.TryUrl(values[0].Trim(), pageUrl, out var url) && url.IsAbsoluteUri ? url.AbsoluteUri : null;
}
