using System;
using System.Collections.Generic;
using System.Text.Json;
using AngleSharp.Dom;

namespace ScrapeDsl.Cli.Scaffold;

/// <summary>
/// The schema.org article described by a page's JSON-LD (<c>NewsArticle</c>, <c>Article</c>, <c>BlogPosting</c>…,
/// found at the top level, in arrays or in <c>@graph</c>): the values the page's publisher states for its headline,
/// authors, dates, description, image, keywords and body.
/// </summary>
internal sealed record JsonLdArticle(
    string Type,
    string? Headline,
    IReadOnlyList<string> Authors,
    string? DatePublished,
    string? Description,
    string? Image,
    IReadOnlyList<string> Keywords,
    string? ArticleBody)
{
    private static readonly HashSet<string> s_articleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle", "TechArticle", "AnalysisNewsArticle",
        "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting",
        "SocialMediaPosting", "WebPage", "Review",
    };

    /// <summary>The first article-like object in the page's JSON-LD blocks (a <c>WebPage</c> only when nothing better exists), or null.</summary>
    public static JsonLdArticle? Find(IDocument document)
    {
        JsonLdArticle? page = null;
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException)
            {
                continue;
            }

            using (json)
            {
                foreach (var node in Objects(json.RootElement))
                {
                    if (TypeOf(node) is not { } type)
                    {
                        continue;
                    }

                    var article = Read(type, node);
                    if (!type.Equals("WebPage", StringComparison.OrdinalIgnoreCase))
                    {
                        return article;
                    }

                    page ??= article;
                }
            }
        }

        return page;
    }

    private static IEnumerable<JsonElement> Objects(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in root.EnumerateArray())
            {
                foreach (var inner in Objects(item))
                {
                    yield return inner;
                }
            }
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            yield return root;
            if (root.TryGetProperty("@graph", out var graph))
            {
                foreach (var inner in Objects(graph))
                {
                    yield return inner;
                }
            }

            if (root.TryGetProperty("mainEntity", out var main))
            {
                foreach (var inner in Objects(main))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string? TypeOf(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var type))
        {
            return null;
        }

        foreach (var name in Strings(type))
        {
            if (s_articleTypes.Contains(name))
            {
                return name;
            }
        }

        return null;
    }

    private static JsonLdArticle Read(string type, JsonElement node) => new(
        type,
        First(node, "headline") ?? First(node, "name"),
        Names(node, "author"),
        First(node, "datePublished") ?? First(node, "dateCreated"),
        First(node, "description"),
        ReadImage(node),
        ReadKeywords(node),
        First(node, "articleBody"));

    private static string? First(JsonElement node, string property)
    {
        if (!node.TryGetProperty(property, out var value))
        {
            return null;
        }

        foreach (var text in Strings(value))
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text.Trim();
            }
        }

        return null;
    }

    private static List<string> Names(JsonElement node, string property)
    {
        var names = new List<string>();
        if (!node.TryGetProperty(property, out var value))
        {
            return names;
        }

        foreach (var item in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : Single(value))
        {
            var name = item.ValueKind == JsonValueKind.String ? item.GetString()
                : item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()
                : null;
            if (!string.IsNullOrWhiteSpace(name))
            {
                names.Add(name.Trim());
            }
        }

        return names;
    }

    private static string? ReadImage(JsonElement node)
    {
        if (!node.TryGetProperty("image", out var image))
        {
            return null;
        }

        var first = image.ValueKind == JsonValueKind.Array && image.GetArrayLength() > 0 ? image[0] : image;
        return first.ValueKind switch
        {
            JsonValueKind.String => first.GetString(),
            JsonValueKind.Object when first.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String => url.GetString(),
            _ => null,
        };
    }

    private static List<string> ReadKeywords(JsonElement node)
    {
        var keywords = new List<string>();
        if (!node.TryGetProperty("keywords", out var value))
        {
            return keywords;
        }

        foreach (var text in Strings(value))
        {
            foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                keywords.Add(part);
            }
        }

        return keywords;
    }

    private static IEnumerable<string> Strings(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            yield return value.GetString()!;
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    yield return item.GetString()!;
                }
            }
        }
    }

    private static IEnumerable<JsonElement> Single(JsonElement value)
    {
        yield return value;
    }
}
