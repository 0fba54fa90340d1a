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
internal static partial class ArticleGuesser
{
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
            candidates.Add(new Candidate(GuessedSource.Meta(metaTags, "article:tag meta"), metaTags.Values, 2));
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
}
