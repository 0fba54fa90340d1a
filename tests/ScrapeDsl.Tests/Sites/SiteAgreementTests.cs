using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using ScrapeDsl.Rules;
using Xunit;
using Xunit.Abstractions;

namespace ScrapeDsl.Tests.Sites;

/// <summary>
/// Runs the compiled rule of each corpus site on its fixture and compares title, author, published instant and
/// first body words with the corpus manifest (copied to <c>expected.json</c>). Where ours differs on purpose, the
/// difference is listed in <see cref="s_known"/> with the reason (and in docs/rules.md).
/// </summary>
/// <remarks>
/// Normalisation: text has whitespace runs collapsed and is trimmed. Authors: the expected string is split on
/// commas and " and "; our list (or single value) is compared item by item. Instants: both sides parsed and compared
/// in UTC. Body: all whitespace removed from both (CJK text has no word spaces), and ours must start with the expected words.
/// </remarks>
public sealed class SiteAgreementTests(ITestOutputHelper output)
{
    /// <summary>Fields where our value differs from the manifest on purpose: (host, field) → our value.</summary>
    private static readonly Dictionary<(string Host, string Field), string> s_known = new()
    {
        // The manifest keeps the section label and glues the two bylines together; we read names only.
        [("epaper.zeit.de", "author")] = "Jochen Bittner, Tina Hildebrandt",
        [("epaper.zeit.de", "body")] = "Zum Beispiel die Kollektivierung von Firmen wie",
        [("www.investmentexecutive.com", "author")] = "Paul Wiseman, Fatima Hussein, The Associated Press",
        [("news.mynavi.jp", "author")] = "後藤大地",
        [("www.itmedia.co.jp", "author")] = "田中宏昌，ITmedia",
        [("www.al.com", "author")] = "Mike Cason",

        // al.com is in Alabama (Central time): 06:47 PM CST is 00:47Z, as the page's own article:published_time says (00:47:31Z).
        [("www.al.com", "date")] = "2016-12-23T00:47:00Z",

        // ITmedia shows "2019年02月22日 14時30分 公開" (published); the manifest took the modified time 14:37:03.
        [("www.itmedia.co.jp", "date")] = "2019-02-22T05:30:00Z",
    };

    public static IEnumerable<object[]> Sites() => Load().Select(site => new object[] { site.GetProperty("host").GetString()! });

    [Theory]
    [MemberData(nameof(Sites))]
    public void Site_agrees_with_the_manifest_or_says_why_not(string host)
    {
        var site = Load().Single(s => s.GetProperty("host").GetString() == host);
        var url = new Uri(site.GetProperty("url").GetString()!);
        var extractor = ScrapeRules.Registry.Find(url);
        Assert.NotNull(extractor);
        var html = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, site.GetProperty("fixture").GetString()!));
        var result = extractor!.ExtractUntyped(html, url);
        using var json = JsonDocument.Parse(ResultJson.Serialize(result));
        var value = json.RootElement.GetProperty("value");

        var row = new List<string> { host, extractor.RuleName };
        var failures = new List<string>();
        Compare(host, "title", Text(site, "title"), Field(value, "title"), Same, row, failures);
        Compare(host, "author", Text(site, "author"), Field(value, "authors") ?? Field(value, "author"), SameAuthors, row, failures);
        Compare(host, "date", Text(site, "date_published"), Field(value, "publishedAt"), SameInstant, row, failures);
        Compare(host, "body", Text(site, "content_first_words"), Field(value, "body"), StartsWithWords, row, failures);
        output.WriteLine("| " + string.Join(" | ", row) + " |");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static void Compare(string host, string field, string? expected, string? ours, Func<string?, string?, bool> same, List<string> row, List<string> failures)
    {
        if (expected is null)
        {
            row.Add(ours is null ? "— (none expected)" : "— (ours: extra)");
            return;
        }

        if (same(expected, ours))
        {
            row.Add("same");
            return;
        }

        if (s_known.TryGetValue((host, field), out var documented) && same(documented, ours))
        {
            row.Add("differs (documented)");
            return;
        }

        row.Add("DIFFERS");
        failures.Add($"{host} {field}: expected '{expected}', ours '{ours}'");
    }

    private static bool Same(string? expected, string? ours) => Normalize(expected) == Normalize(ours);

    private static bool SameAuthors(string? expected, string? ours) =>
        Names(expected).SequenceEqual(Names(ours));

    private static bool SameInstant(string? expected, string? ours) =>
        ours is not null
        && DateTimeOffset.TryParse(expected, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var a)
        && DateTimeOffset.TryParse(ours, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var b)
        && a.UtcDateTime == b.UtcDateTime;

    private static bool StartsWithWords(string? expected, string? ours) =>
        ours is not null && NoSpace(ours).StartsWith(NoSpace(expected!), StringComparison.Ordinal);

    private static IEnumerable<string> Names(string? text) =>
        Regex.Split(Normalize(text), @"\s*,\s*|\s+and\s+").Where(n => n.Length > 0);

    private static string Normalize(string? text) => Regex.Replace(text ?? string.Empty, @"\s+", " ").Trim();

    private static string NoSpace(string text) => Regex.Replace(text, @"\s+", string.Empty);

    /// <summary>A field as text: strings as they are, lists joined with ", " (authors) or " " (body paragraphs).</summary>
    private static string? Field(JsonElement record, string name)
    {
        if (!record.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            var items = value.EnumerateArray().Select(v => v.GetString()).ToList();
            return items.Count == 0 ? null : string.Join(name == "body" ? " " : ", ", items);
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
    }

    private static string? Text(JsonElement site, string name) =>
        site.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<JsonElement> Load([CallerFilePath] string here = "")
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "expected.json")));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
