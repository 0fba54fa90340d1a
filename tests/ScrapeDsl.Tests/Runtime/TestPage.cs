using System;
using System.Linq;
using System.Text.Json;

namespace ScrapeDsl.Tests.Runtime;

/// <summary>Builds pages and sources the way generated extractors do, for rules written inline in a test.</summary>
internal static class TestPage
{
    public static readonly Uri Url = new("https://example.com/news/2025/story.html");

    public static Page Parse(string html, params string[] remove) =>
        Page.Parse(html, Url, remove.Select(Selector.Parse).ToArray());

    public static Source Css(string css) => new(Selector.Parse(css));

    public static Source Attr(string css, string attribute) => new(Selector.Parse(css), ValueKind.Attribute, attribute);

    public static Source Html(string css) => new(Selector.Parse(css), ValueKind.Html);

    public static Selector[] Remove(params string[] selectors) => selectors.Select(Selector.Parse).ToArray();

    /// <summary>Reads one optional scalar text field from the whole page.</summary>
    public static string? Read(Page page, params Source[] sources) =>
        page.ReadString(page.Root, new FieldRef("field"), sources, null, required: false);

    /// <summary>Parses <paramref name="html"/> and reads the text of the first match of <paramref name="css"/>.</summary>
    public static string? Text(string html, string css) => Read(Parse(html), Css(css));

    public static ExtractionResult<Empty> Result(Page page) => page.Result("Test", new Empty());

    /// <summary>A record with no fields, to get a result (success and problems) out of a page.</summary>
    internal sealed class Empty : IExtractedRecord
    {
        public void WriteJson(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
    }
}
