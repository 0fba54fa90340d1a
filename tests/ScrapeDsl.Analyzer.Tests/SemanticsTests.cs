using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ScrapeDsl.Examples;
using ScrapeDsl.Interpreter;
using ScrapeDsl.Language;
using Xunit;

namespace ScrapeDsl.Analyzer.Tests;

/// <summary>
/// The build-time checks copy two pieces of the runtime that a netstandard2.0 library cannot reference (selection with
/// the removed view and value emptiness; URL matching). These tests hold each copy to the runtime on the same inputs.
/// </summary>
public sealed class SemanticsTests
{
    public static TheoryData<string, string> RbcExamples => new()
    {
        { "article.scrape.yaml", "fixtures/2025-06-03-politics-south-korea-election.html" },
        { "home.scrape.yaml", "fixtures/home-page.html" },
    };

    [Theory]
    [MemberData(nameof(RbcExamples))]
    public void Checker_finds_the_same_missing_fields_and_fallbacks_as_the_runtime_on_the_RBC_pages(string ruleFile, string page)
    {
        var folder = Repository.PathOf("rules", "rbc.ru");
        var rule = RuleReader.Read(ruleFile, File.ReadAllText(Path.Combine(folder, ruleFile))).Rule!;
        AssertSameAsRuntime(rule, File.ReadAllText(Path.Combine(folder, page)));
    }

    [Fact]
    public void Checker_finds_the_same_missing_fields_and_fallbacks_as_the_runtime_on_edge_cases()
    {
        // Removed subtrees, field-level remove, invisible elements, whitespace-only text, attributes, :scope,
        // lists of records with item-relative selectors, fallbacks used by some items and not others.
        var rule = RuleReader.Read("edge.scrape.yaml", """
            name: Edge
            remove: [.ad, "aside > .promo"]
            fields:
              title: { css: h1, fallback: [{ css: "meta[name=title]", attr: content }] }
              hiddenOnly: .hidden-only
              inAd: .inside-ad
              lead: { css: .lead, remove: [.lead-extra] }
              leadExtraOnly: { css: .lead2, remove: [span] }
              htmlImage: { css: figure, value: html }
              blankAttr: { css: a.blank, attr: href }
              direct: { css: ":scope > body > p.top" }
              items:
                css: li
                many: true
                fields:
                  name: { css: b, fallback: [{ css: i }] }
                  self: { attr: data-id }
              box:
                css: .box
                fields:
                  inner: .inner
            """).Rule!;
        var html = RuleHarness.Page("""
            <meta name=title content="Meta title">
            <h1>   </h1>
            <div class=hidden-only><script>var x = 1;</script><style>p{}</style></div>
            <div class=ad><p class=inside-ad>Ad text</p></div>
            <p class=lead>Lead<span class=lead-extra>extra</span></p>
            <p class=lead2><span>only removed text</span></p>
            <figure><img src=x.png></figure>
            <a class=blank href="  ">x</a>
            <p class=top>Top</p>
            <ul><li data-id=1><b>one</b></li><li data-id=2><i>two</i></li><li data-id=3></li><li class=ad><b>ad</b></li></ul>
            <aside><div class=promo>promo</div></aside>
            <div class=box><span class=inner> </span></div>
            """);
        var outcomes = AssertSameAsRuntime(rule, html);
        Assert.Equal(
            new[]
            {
                "title => 1", "hiddenOnly => -1", "inAd => -1", "lead => 0", "leadExtraOnly => -1", "htmlImage => 0", "blankAttr => -1",
                "direct => 0", "items => 0", "items[0].name => 0", "items[1].name => 1", "items[2].name => -1", "items[0].self => 0",
                "items[1].self => 0", "items[2].self => 0", "box => 0", "box.inner => -1",
            },
            outcomes);
    }

    /// <summary>Every example of every rule in rules/ (13 sites), by name.</summary>
    public static TheoryData<string> SiteExamples()
    {
        var data = new TheoryData<string>();
        foreach (var example in ExampleCatalog.Discover(Repository.PathOf("rules"), out _))
        {
            data.Add(example.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SiteExamples))]
    public void Checker_agrees_with_the_runtime_on_every_site_example(string name)
    {
        // extends resolved, every source kind and transform the sites use, the example's own URL (yearFromUrl,
        // absoluteUrl), the page decoded as the runtime decodes it (windows-1251, KOI8-R).
        var example = ExampleCatalog.Discover(Repository.PathOf("rules"), out _).Single(e => e.ToString() == name);
        var rule = RuleResolver.ReadWithExtends(example.RulePath, File.ReadAllText(example.RulePath), path => File.Exists(path) ? File.ReadAllText(path) : null).Rule!;
        var outcomes = AssertSameAsRuntime(rule, PageText.Decode(File.ReadAllBytes(example.PagePath)), example.Url);

        // What the build cannot judge is only what runs C# (custom transforms): dates, cultures and regexes are judged here.
        var custom = rule.Fields.Where(UsesCustom).Select(f => f.Name).ToList();
        Assert.All(outcomes.Where(o => o.EndsWith(" => -2", StringComparison.Ordinal)), o => Assert.Contains(custom, f => o.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void Checker_reads_sources_and_runs_transforms_as_the_runtime_does()
    {
        // Fallback order decided by transforms: a regex that does not match, a per-fallback strip, a date with Russian
        // month names, a number, split into a list, absoluteUrl with <base>, meta/jsonld/itemprop/const, removed meta.
        var rule = RuleReader.Read("lang.scrape.yaml", """
            name: Lang
            remove: [.ad]
            fields:
              title:
                css: h1.missing
                fallback:
                  - { meta: og:title, transform: [ { stripSuffix: " | Site" } ] }
              prefixed:
                css: h1
                transform: [ { regex: "^Title: (.+)$" } ]   # the field's steps run on every source: h1 fails, the constant passes
                fallback: [ { const: "Title: from the constant" } ]
              hiddenMeta: { meta: hidden-in-ad }
              headline: { jsonld: headline, ldType: [NewsArticle] }
              authorLd: { jsonld: author.name, many: true }
              graphType: { jsonld: "@type" }
              author: { itemprop: author.name }
              section: { const: News }
              at:
                css: .when
                transform: [ { date: "d MMMM, HH:mm", culture: ru-RU, timeZone: Europe/Moscow, yearFromUrl: '/(\d{4})/' } ]
              badDate: { css: .when, transform: [ { date: "yyyy-MM-dd", timeZone: UTC } ], fallback: [ { const: none } ] }   # the date step runs on the constant too
              price: { css: .price, transform: [ { number: de-DE } ] }
              tags: { css: .tags, many: true, transform: [ { split: ',\s*' } ] }
              link: { css: a.rel, attr: href, transform: [ absoluteUrl ] }
              empty: { css: .blank, transform: [ normalize ] }
            """).Rule!;
        var html = RuleHarness.Page("""
            <base href="https://cdn.example/base/">
            <meta property=og:title content="Real title | Site">
            <div class=ad><meta name=hidden-in-ad content=x></div>
            <script type="application/ld+json">[{"@type":"WebPage","headline":"Page"},{"@graph":[{"@type":"NewsArticle","headline":"News","author":[{"name":"A"},{"name":"B"}]}]}]</script>
            <script type="application/ld+json">{ not json </script>
            <h1>No prefix here</h1>
            <div itemscope itemprop=author><span itemprop=name>Ann</span></div>
            <p class=when>3 июня, 20:14</p>
            <p class=price>1.234,50</p>
            <p class=tags>a, b,  c</p>
            <a class=rel href="x/y.html">rel</a>
            <p class=blank>   </p>
            """);
        var outcomes = AssertSameAsRuntime(rule, html, new Uri("https://news.example/2025/06/a"));
        Assert.Equal(
            new[]
            {
                "title => 1", "prefixed => 1", "hiddenMeta => -1", "headline => 0", "authorLd => 0", "graphType => 0", "author => 0",
                "section => 0", "at => 0", "badDate => -1", "price => 0", "tags => 0", "link => 0", "empty => -1",
            },
            outcomes);
    }

    private static bool UsesCustom(Field field) =>
        field.Transforms.Any(t => t.Kind == TransformKind.Custom)
        || field.Sources.Any(s => s.Transforms.Any(t => t.Kind == TransformKind.Custom))
        || field.Fields.Any(UsesCustom);

    [Theory]
    [InlineData("https://www.rbc.ru/politics/03/06/2025/683eb8659a7947eb72d0d6d9")]
    [InlineData("https://rbc.ru/wine/news/1/2/3")]
    [InlineData("https://RBC.ru/")]
    [InlineData("https://sub.sub.rbc.ru/a/b/")]
    [InlineData("https://notrbc.ru/a")]
    [InlineData("https://example.com/news/2025/x.html")]
    [InlineData("https://example.com/NEWS/2025/a/b/c")]
    [InlineData("https://example.com/")]
    [InlineData("https://lenta.example/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/2025/a")]
    [InlineData("https://lenta.example/Новости/2025/a")]
    [InlineData("https://example.com/tags/a%2Fb/c")]
    [InlineData("https://example.com/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a")]
    [InlineData("https://example.com/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab")]
    public void Url_matching_copy_agrees_with_the_runtime(string url)
    {
        var blocks = new[]
        {
            Match(new[] { "rbc.ru", "*.rbc.ru" }, new[] { "/*/*/*/*/*" }, new[] { "/wine/**" }),
            Match(new[] { "rbc.ru", "*.rbc.ru" }, new[] { "/" }, Array.Empty<string>()),
            Match(Array.Empty<string>(), new[] { "/news/**/*.html", "/n?ws/*" }, new[] { "/news/2024/**" }),
            Match(new[] { "*.ru" }, Array.Empty<string>(), Array.Empty<string>()),
            Match(Array.Empty<string>(), new[] { "/**/c" }, Array.Empty<string>()),
            Match(Array.Empty<string>(), new[] { "/новости/**" }, new[] { "/новости/2024/**" }),
            Match(Array.Empty<string>(), new[] { "/tags/*/c", "/**/a/**/a/**/a/**/b" }, Array.Empty<string>()),
            Match(Array.Empty<string>(), new[] { "/*a*a*a*a*a*a*a*a*a*a*a*a*b" }, Array.Empty<string>()),
        };
        var uri = new Uri(url);
        foreach (var block in blocks)
        {
            var runtime = new UrlPattern(block.Hosts.AsArray(), block.Paths.AsArray(), block.Exclude.AsArray());
            Assert.Equal(runtime.Matches(uri), UrlMatching.Matches(block, uri));
        }
    }

    [Fact]
    public void An_overlap_is_reported_only_with_a_URL_both_rules_accept()
    {
        var article = Match(new[] { "rbc.ru", "*.rbc.ru" }, new[] { "/*/*/*/*/*" }, new[] { "/wine/**" });
        var home = Match(new[] { "rbc.ru", "*.rbc.ru" }, new[] { "/" }, Array.Empty<string>());
        var wine = Match(new[] { "*.rbc.ru" }, new[] { "/wine/**" }, Array.Empty<string>());
        var everything = Match(Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>());
        Assert.Null(DispatchOverlap.FindSharedUrl(article, home));
        Assert.Null(DispatchOverlap.FindSharedUrl(article, wine));
        foreach (var (a, b) in new[] { (home, everything), (wine, everything), (article, everything), (wine, home with { }) })
        {
            if (DispatchOverlap.FindSharedUrl(a, b) is { } shared)
            {
                Assert.True(UrlMatching.Matches(a, new Uri(shared)) && UrlMatching.Matches(b, new Uri(shared)), shared);
            }
        }

        Assert.NotNull(DispatchOverlap.FindSharedUrl(wine, everything));
    }

    [Fact]
    public void Globs_with_many_wildcards_are_searched_for_overlaps()
    {
        var many = Match(new[] { "example.com" }, new[] { "/*/*/*/*/*/*/*/*/*/*" }, Array.Empty<string>());
        var any = Match(new[] { "example.com" }, new[] { "/**" }, Array.Empty<string>());

        var shared = DispatchOverlap.FindSharedUrl(many, any);

        Assert.NotNull(shared);
        Assert.True(UrlMatching.Matches(many, new Uri(shared)) && UrlMatching.Matches(any, new Uri(shared)), shared);
    }

    private static UrlMatch Match(string[] hosts, string[] paths, string[] exclude) =>
        new(new EquatableArray<string>(hosts), new EquatableArray<string>(paths), new EquatableArray<string>(exclude), 0);

    /// <summary>
    /// For every field (and every list item) the checker's verdict equals the runtime's report: missing, or which source
    /// won; a verdict of "cannot tell here" (-2) is not compared.
    /// </summary>
    private static List<string> AssertSameAsRuntime(Rule rule, string html, Uri? url = null)
    {
        url ??= new Uri("https://example.com/");
        var run = ExampleChecker.Run("rule.scrape.yaml", rule, new[] { new ExamplePage(new Example("page.html", url.AbsoluteUri, default), "page.html", html) });
        var result = InterpretedRule.From(rule).Extract(html, url);
        var missing = result.Problems.Where(p => p.Kind == ProblemKind.Missing).Select(p => p.Field).ToHashSet();
        var fallbacks = result.Problems.Where(p => p.Kind == ProblemKind.FallbackUsed).ToDictionary(p => p.Field, p => p.SourceIndex ?? -2);
        var checker = new List<string>();
        var runtime = new List<string>();
        var all = new List<string>();
        foreach (var outcome in run.Outcomes)
        {
            all.Add(outcome.Field + " => " + outcome.SourceIndex);
            if (outcome.SourceIndex == FieldOutcome.Unknown)
            {
                continue;
            }

            checker.Add(outcome.Field + " => " + outcome.SourceIndex);
            runtime.Add(outcome.Field + " => " + (missing.Contains(outcome.Field) ? -1 : fallbacks.TryGetValue(outcome.Field, out var index) ? index : 0));
        }

        Assert.Equal(runtime, checker);

        // And the checker saw every field the runtime reported on.
        var seen = run.Outcomes.Select(o => o.Field).ToHashSet();
        Assert.All(missing.Concat(fallbacks.Keys), field => Assert.Contains(field, seen));
        Assert.NotEmpty(run.Outcomes);
        return all;
    }
}
