using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ScrapeDsl.Rules;

namespace ScrapeDsl.Benchmarks.Floors;

/// <summary>
/// The least work ZeitEpaperArticle's rule asks for, written for this one rule: what extraction costs when nothing is
/// general. One recursive walk that tests only the ids and classes this rule names, ScrapeDsl's own text routine (the
/// meaning of <c>value: text</c>, so the record is the same), the rule's three regexes compiled, and no per-field
/// report, fallbacks, remove view, plan or pipeline. Not what a user writes (see <c>HandWritten/</c>), but a floor
/// under any extractor of these fields: <c>--fields ZeitEpaperArticle</c> measures it beside the generated extractor.
/// </summary>
public static class ZeitFloor
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;
    private static readonly HtmlParser Parser = new(Page.ParserOptions);
    private static readonly Regex Section = new(@"^(.*?)\s*·", Options);
    private static readonly Regex BeforeNames = new(@"^.*?·\s*", Options);
    private static readonly Regex NameSeparator = new(@",\s*|\s+und\s+", Options);
    private static readonly Selector[] BodyRemove = { Selector.Parse("p.title") };

    /// <summary>The record the generated extractor gives for the example page.</summary>
    public static ZeitEpaperArticle Extract(string html, Uri url)
    {
        var found = new Found();
        Walk(Parser.ParseDocument(html).DocumentElement, ref found);

        var title = found.Title is null ? null : TextContent.Of(found.Title);
        string? section = null;
        var authors = new List<string>();
        foreach (var author in found.Authors)
        {
            var text = TextContent.Of(author);
            if (section is null && Section.Match(TextContent.NormalizeInline(text.Replace('\n', ' '))) is { Success: true } match)
            {
                section = match.Groups[1].Value.Trim();
            }

            var names = BeforeNames.Replace(text, string.Empty);
            foreach (var range in NameSeparator.EnumerateSplits(names))
            {
                if (names.AsSpan(range).Trim() is { Length: > 0 } trimmed)
                {
                    authors.Add(trimmed.ToString());
                }
            }
        }

        var body = found.Content is null ? null : TextContent.Of(found.Content, removed: null, BodyRemove);
        return new ZeitEpaperArticle(title!, section, authors, "DIE ZEIT", body);
    }

    private static void Walk(IElement element, ref Found found)
    {
        // Each attribute read once, as the runtime's walk does (GetAttribute searches the list again for every name).
        string? id = null;
        string? classes = null;
        foreach (var attribute in element.Attributes)
        {
            switch (attribute.Name)
            {
                case "id":
                    id = attribute.Value;
                    break;
                case "class":
                    classes = attribute.Value;
                    break;
            }
        }

        found.Content ??= id == "articleContent" ? element : null;
        if (HasClass(classes, "article__author"))
        {
            found.Authors.Add(element);
        }

        if (found.Title is null && element.LocalName == "p" && HasClass(classes, "title") && element.ParentElement?.GetAttribute("id") == "articleContent")
        {
            found.Title = element;
        }

        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i] is IElement child)
            {
                Walk(child, ref found);
            }
        }
    }

    /// <summary><paramref name="name"/> is one of the whitespace-separated tokens of <paramref name="classes"/> (shared by the floors).</summary>
    internal static bool HasClass(string? classes, string name)
    {
        var rest = classes.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOfAny(" \t\n\r\f");
            var token = end < 0 ? rest : rest[..end];
            if (token.SequenceEqual(name))
            {
                return true;
            }

            rest = end < 0 ? default : rest[(end + 1)..];
        }

        return false;
    }

    private struct Found
    {
        public Found()
        {
        }

        public IElement? Content;
        public IElement? Title;
        public List<IElement> Authors = new(1);
    }
}

/// <summary>Rule name → its floor (<see cref="ZeitFloor"/>, <see cref="RbcArticleFloor"/>), returning the record type the generator emits.</summary>
public static class RuleFloors
{
    public static IReadOnlyDictionary<string, Func<string, Uri, IExtractedRecord>> ByRule { get; } =
        new Dictionary<string, Func<string, Uri, IExtractedRecord>>(StringComparer.Ordinal)
        {
            ["RbcArticle"] = RbcArticleFloor.Extract,
            ["ZeitEpaperArticle"] = ZeitFloor.Extract,
        };
}
