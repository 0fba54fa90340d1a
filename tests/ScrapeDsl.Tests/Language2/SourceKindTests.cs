using System;
using System.Collections.Generic;
using System.Linq;
using ScrapeDsl.Interpreter;
using ScrapeDsl.Language;
using Xunit;

namespace ScrapeDsl.Tests.Language2;

public sealed class SourceKindTests
{
    private static InterpretedRecord Run(string yaml, string html, string url = "https://example.com/a/b")
    {
        var file = RuleReader.Read("t.scrape.yaml", yaml);
        Assert.False(file.HasErrors, string.Join("\n", file.Diagnostics));
        return InterpretedRule.From(file.Rule!).Extract(html, new Uri(url)).Partial;
    }

    private const string JsonLdPage = """
        <html><head>
        <script type="application/ld+json">{ this is not json </script>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Site"},
          {"@type":["NewsArticle"],"headline":"Head","datePublished":"2024-01-02T03:04:05Z",
           "author":[{"@type":"Person","name":"A. One"},{"@type":"Person","name":"B. Two"}]}]}</script>
        </head><body></body></html>
        """;

    [Fact]
    public void Jsonld_paths_flatten_graph_and_arrays_and_skip_malformed_blocks()
    {
        var record = Run("""
            name: T
            fields:
              headline: { jsonld: headline }
              authors: { jsonld: author.name, many: true }
              at: { jsonld: datePublished, type: datetime }
            """, JsonLdPage);
        Assert.Equal("Head", record["headline"]);
        Assert.Equal(new[] { "A. One", "B. Two" }, (IReadOnlyList<string>)record["authors"]!);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), record["at"]);
    }

    [Fact]
    public void Ldtype_limits_jsonld_to_objects_of_that_type()
    {
        var record = Run("""
            name: T
            fields:
              site: { jsonld: name, ldType: WebSite }
              none: { jsonld: name, ldType: Recipe }
            """, JsonLdPage);
        Assert.Equal("Site", record["site"]);
        Assert.Null(record["none"]);
    }

    [Fact]
    public void Meta_reads_name_or_property_and_itemprop_follows_microdata_value_rules()
    {
        var record = Run("""
            name: T
            fields:
              title: { meta: "og:title" }
              description: { meta: description }
              published: { itemprop: datePublished }
              author: { itemprop: author.name }
              link: { itemprop: url, type: url }
              fixed: { const: "  kept as written  " }
            """, """
            <html><head><meta property="og:title" content=" T "><meta name="Description" content="D"></head><body>
            <time itemprop="datePublished" datetime="2024-05-06">6 May</time>
            <div itemprop="author" itemscope><span itemprop="name">N</span></div>
            <a itemprop="url" href="/x">x</a></body></html>
            """);
        Assert.Equal("T", record["title"]);
        Assert.Equal("D", record["description"]);
        Assert.Equal("2024-05-06", record["published"]);
        Assert.Equal("N", record["author"]);
        Assert.Equal(new Uri("https://example.com/x"), record["link"]);
        Assert.Equal("  kept as written  ", record["fixed"]); // a constant is the text as written
    }

    [Fact]
    public void Transforms_run_in_order_and_split_makes_a_list()
    {
        var record = Run("""
            name: T
            fields:
              authors:
                css: p
                many: true
                transform:
                  - { stripPrefix: "By " }
                  - { replace: '\s*\(.*?\)', with: "" }
                  - { split: ',\s*|\s+and\s+' }
              price:
                css: b
                type: decimal
                transform: [ { number: de-DE } ]
              url:
                css: a
                attr: href
                transform: [ absoluteUrl ]
            """, "<p>By A (Reuters), B and C</p><b>1.234,5</b><a href='../c'>c</a>");
        Assert.Equal(new[] { "A", "B", "C" }, ((IReadOnlyList<string>)record["authors"]!).ToArray());
        Assert.Equal(1234.5m, record["price"]);
        Assert.Equal("https://example.com/c", record["url"]);
    }
}
