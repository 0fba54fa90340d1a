using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Xunit;

namespace ScrapeDsl.Tests.Indexing;

/// <summary>
/// The one-walk index (<see cref="PagePlan"/>) must give exactly what a walk per selector gives: same visible elements,
/// same first match, same order, same removals, same field values. Each case opens the same document twice, once the
/// old way (remove list) and once with a plan, and compares element identities and read values.
/// </summary>
public class PageIndexTests
{
    private static readonly HtmlParser Parser = new();

    private const string Tricky = """
        <!DOCTYPE html>
        <html class="root no-js" lang="en"><head>
          <meta property="og:title" content="OG title">
          <meta name="Description" content="Mixed-case attribute value">
          <meta itemprop="datePublished" content="2025-06-03T20:14:01+03:00">
        </head><body>
          <div id="Main" class="Page page">
            <h1 class="title"> Heading <span class="ad">AD</span> text </h1>
            <div class="ad"><p class="para">inside a removed block</p><div class="ad">nested ad</div></div>
            <section class="feed">
              <a class="item" href="/a" data-x='{"p":"x"}'><span class="t">A</span></a>
              <a class="item ad" href="/b"><span class="t">B</span></a>
              <a class="item" href="/c" data-x='{"p":null}'><span class="t">C</span></a>
              <a class="ITEM" href="/d"><span class="t">D</span></a>
              <div class="wrap"><a class="item" href="/e"><span class="t">E</span></a></div>
            </section>
            <p class="para first">One</p><p class="para">Two <b class="x">bold</b></p>
            <ul><li class="li">1</li><li class="li ad">2</li><li class="li">3</li></ul>
            <svg class="icon" viewBox="0 0 10 10"><rect class="r" width="1"/><foreignObject class="fo"></foreignObject></svg>
            <div itemprop="author" class="author"><meta itemprop="name" content="Author Name"></div>
            <div class="body"><p>Body <span class="skip">skip</span> one</p><p class="inline">remove me</p><p>Body two</p></div>
            <span class="  spaced	tab
        newline  ">spaces</span>
            <div class="a-b_c">dash</div>
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"LD headline","author":[{"@type":"Person","name":"A"},{"name":"B"}]}</script>
            <div class="ad"><script type=" Application/LD+JSON ">{"@type":"NewsArticle","headline":"removed"}</script><meta name="description" content="removed meta"></div>
            <div itemscope itemprop="author"><span itemprop="name">Span author</span><div itemprop="author"><span itemprop="name">nested</span></div></div>
            <span itemprop="headline">first</span><span itemprop="other  headline">second</span><p class="ad" itemprop="headline">removed</p>
          </div>
        </body></html>
        """;

    private static readonly string[] Removes = { ".ad", "[data-missing]", ".nope", "li.li:nth-child(3)" };

    private static readonly string[] Selectors =
    {
        ".title", "h1", "h1 span", ".item", "a.item", ".feed > a.item", ".feed > a.item:not([data-x*='\"p\":null'])",
        ".feed .item", "a", "a[href]", "a[href='/c']", "a[HREF='/C']", ".ITEM", "[class~=item]", ".para", "p.para",
        "p:first-child", "p + p", ".first ~ p", "li", "li:nth-child(2)", ".li:last-child", "*", "div", "div *",
        ":not(.item)", "section :is(.t)", ".t", "#Main", "#main", ".page", ".Page", ".root .title", "html .title",
        ".no-js h1", "rect", "svg rect", ".r", "foreignObject", "foreignobject", "[viewBox]", "[viewbox]",
        "meta[property='og:title']", "meta[name=description]", "meta[name=Description]", "[itemprop=author] meta[itemprop=name]",
        "meta[itemprop=datePublished]", ".spaced", ".tab", ".newline", ".a-b_c", ".body", ".body p", ".x", "b",
        "span.t", ".wrap .item", "div:has(> .item)", ".feed a:nth-of-type(2)", "body > div > h1",
    };

    public static IEnumerable<object[]> Pages()
    {
        yield return new object[] { "tricky", Tricky, "https://example.com/x/y", Removes };
        foreach (var (name, page, url) in RbcFixtures())
        {
            yield return new object[] { name, page, url, RbcRemoves };
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_selector_selects_what_a_walk_selects(string name, string html, string url, string[] removes)
    {
        var document = Parser.ParseDocument(html);
        var remove = removes.Select(Selector.Parse).ToArray();
        var selectors = Selectors.Concat(RbcSelectors).Select(Selector.Parse).ToArray();
        var sources = selectors.Select(s => new[] { new Source(s) }).ToArray();
        var walked = Page.Open(document, new Uri(url), remove);
        var indexed = Page.Open(document, new Uri(url), new PagePlan(remove, sources));

        foreach (var source in sources)
        {
            var field = new FieldRef("f");
            var expected = walked.SelectItems(walked.Root, field, source, required: false);
            var actual = indexed.SelectItems(indexed.Root, field, source, required: false);
            Assert.True(expected.SequenceEqual(actual), $"{name}: '{source[0].Css}' selected {Describe(actual)}, a walk selects {Describe(expected)}");
            Assert.Same(walked.SelectItem(walked.Root, field, source, false), indexed.SelectItem(indexed.Root, field, source, false));
            Assert.Equal(
                walked.ReadStrings(walked.Root, field, source, null, false),
                indexed.ReadStrings(indexed.Root, field, source, null, false));
        }

        Assert.Equal(walked.Problems.Select(p => p.Field + p.Kind), indexed.Problems.Select(p => p.Field + p.Kind));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Fallbacks_select_what_a_walk_selects(string name, string html, string url, string[] removes)
    {
        // Every selector is a fallback behind a first source that matches nothing, so each read goes to the fallbacks' walk.
        var document = Parser.ParseDocument(html);
        var remove = removes.Select(Selector.Parse).ToArray();
        var nothing = new Source(Selector.Parse(".matches-nothing"));
        var fallbacks = Selectors.Concat(RbcSelectors)
            .Select(s => new Source(Selector.Parse(s)))
            .Concat(new[] { Source.Meta("og:title"), Source.Meta("description"), Source.JsonLd("headline"), Source.ItemProp("author.name") });
        var sources = fallbacks.Select(fallback => new[] { nothing, fallback }).ToArray();
        var walked = Page.Open(document, new Uri(url), remove);
        var indexed = Page.Open(document, new Uri(url), new PagePlan(remove, sources));

        var read = 0;
        foreach (var source in sources)
        {
            read += AssertReadsAlike(walked, indexed, source);
            if (source[1].Css is not null)
            {
                var field = new FieldRef("f");
                var actual = indexed.SelectItems(indexed.Root, field, source, required: false);
                Assert.True(walked.SelectItems(walked.Root, field, source, false).SequenceEqual(actual), $"{name}: fallback '{source[1].Css}' selected {Describe(actual)}");
                Assert.Same(walked.SelectItem(walked.Root, field, source, false), indexed.SelectItem(indexed.Root, field, source, false));
            }
        }

        Assert.True(indexed.FallbacksWalked);
        Assert.True(read >= 20, $"{name}: the fallbacks read only {read} values, too few to compare");
        Assert.Equal(walked.Problems.Select(p => p.Field + p.Kind + p.Message), indexed.Problems.Select(p => p.Field + p.Kind + p.Message));
    }

    [Fact]
    public void The_fallbacks_are_walked_only_when_a_page_reads_one()
    {
        var document = Parser.ParseDocument(Tricky);
        var remove = Removes.Select(Selector.Parse).ToArray();
        var title = new[] { new Source(Selector.Parse(".title")), new Source(Selector.Parse("h1")) };
        var description = new[] { Source.Meta("description"), Source.Meta("og:title") };
        var para = new[] { new Source(Selector.Parse(".matches-nothing")), new Source(Selector.Parse("p.para")) };
        var page = Page.Open(document, null, new PagePlan(remove, title, description, para));

        Assert.Equal("Heading text", page.ReadString(page.Root, new FieldRef("title"), title, null, false));
        Assert.Equal("Mixed-case attribute value", page.ReadString(page.Root, new FieldRef("description"), description, null, false));
        Assert.False(page.FallbacksWalked);

        // The paragraph inside the removed block stays removed in the second walk.
        Assert.Equal("One", page.ReadString(page.Root, new FieldRef("para"), para, null, false));
        Assert.True(page.FallbacksWalked);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Field_removes_and_nested_scopes_read_the_same(string name, string html, string url, string[] removes)
    {
        var document = Parser.ParseDocument(html);
        var remove = removes.Select(Selector.Parse).ToArray();
        var items = new[] { new Source(Selector.Parse(".item, .news-feed__item, .article__text, .body")) };
        var inner = new[] { new Source(Selector.Parse(".t, .news-feed__item__title, p")) };
        var fieldRemove = new[] { Selector.Parse(".skip"), Selector.Parse(".inline"), Selector.Parse(".article__text__overview") };
        var walked = Page.Open(document, new Uri(url), remove);
        var indexed = Page.Open(document, new Uri(url), new PagePlan(remove, items, inner));

        var field = new FieldRef("f");
        var a = walked.SelectItems(walked.Root, field, items, false);
        var b = indexed.SelectItems(indexed.Root, field, items, false);
        Assert.Equal(a.Count, b.Count);
        for (var i = 0; i < a.Count; i++)
        {
            Assert.Same(a[i], b[i]);
            Assert.Equal(walked.ReadString(a[i], field, inner, fieldRemove, false), indexed.ReadString(b[i], field, inner, fieldRemove, false));
            Assert.Equal(walked.ReadString(a[i], field, items, fieldRemove, false), indexed.ReadString(b[i], field, items, fieldRemove, false));
            Assert.Equal(walked.ReadString(a[i], field, new[] { new Source(null) }, fieldRemove, false), indexed.ReadString(b[i], field, new[] { new Source(null) }, fieldRemove, false));
        }

        Assert.Equal(
            walked.ReadString(walked.Root, field, inner, fieldRemove, false),
            indexed.ReadString(indexed.Root, field, inner, fieldRemove, false));
        _ = name;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Meta_jsonld_and_itemprop_sources_read_what_a_walk_reads(string name, string html, string url, string[] removes)
    {
        var document = Parser.ParseDocument(html);
        var remove = removes.Select(Selector.Parse).ToArray();
        var sources = new[]
        {
            Source.Meta("og:title"), Source.Meta("description"), Source.Meta("og:image"), Source.Meta("absent"),
            Source.JsonLd("headline"), Source.JsonLd("author.name"), Source.JsonLd("headline", "NewsArticle"),
            Source.JsonLd("itemListElement.name", "BreadcrumbList"),
            Source.ItemProp("author.name"), Source.ItemProp("author"), Source.ItemProp("headline"), Source.ItemProp("datePublished"),
            Source.ItemProp("articleSection"), Source.ItemProp("absent"),
        }.Select(source => new[] { source }).ToArray();
        var walked = Page.Open(document, new Uri(url), remove);
        var indexed = Page.Open(document, new Uri(url), new PagePlan(remove, sources));

        var read = 0;
        foreach (var source in sources)
        {
            read += AssertReadsAlike(walked, indexed, source);
        }

        Assert.True(read >= 3, $"{name}: the sources read only {read} values, too few to compare");
    }

    [Fact]
    public void Indexed_microdata_does_not_look_inside_a_taken_item_and_skips_removed_elements()
    {
        var document = Parser.ParseDocument(Tricky);
        var remove = Removes.Select(Selector.Parse).ToArray();
        var sources = new[] { new[] { Source.ItemProp("author") }, new[] { Source.ItemProp("headline") }, new[] { Source.Meta("description") } };
        var page = Page.Open(document, null, new PagePlan(remove, sources));

        // The first author is a meta-only item (no text: left out); the nested author is part of the second, not a third.
        var author = Assert.Single(page.ReadStrings(page.Root, new FieldRef("a"), sources[0], null, false));
        Assert.StartsWith("Span author", author, StringComparison.Ordinal);
        Assert.EndsWith("nested", author, StringComparison.Ordinal);
        Assert.Equal(new[] { "first", "second" }, page.ReadStrings(page.Root, new FieldRef("h"), sources[1], null, false));
        Assert.Equal("Mixed-case attribute value", page.ReadString(page.Root, new FieldRef("d"), sources[2], null, false));
    }

    [Fact]
    public void Attribute_names_spelt_in_capitals_are_matched_as_AngleSharp_matches_them()
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsPreservingAttributeNames = true });
        var document = parser.ParseDocument("<html><body><p CLASS=\"a\" ID=\"X\">1</p><p class=\"a\">2</p><p Data-Role=\"ad\">3</p><p class=\"b\">4</p></body></html>");
        var remove = new[] { Selector.Parse("[data-role=ad]") };
        var sources = new[] { ".a", "#X", "p", "[CLASS]", "[class]", ".b", "[ID=X]" }.Select(s => new[] { new Source(Selector.Parse(s)) }).ToArray();
        var walked = Page.Open(document, null, remove);
        var indexed = Page.Open(document, null, new PagePlan(remove, sources));
        foreach (var source in sources)
        {
            Assert.Equal(
                walked.SelectItems(walked.Root, new FieldRef("f"), source, false),
                indexed.SelectItems(indexed.Root, new FieldRef("f"), source, false));
        }
    }

    [Fact]
    public void A_source_not_in_the_plan_is_walked_as_before()
    {
        var document = Parser.ParseDocument(Tricky);
        var remove = Removes.Select(Selector.Parse).ToArray();
        var page = Page.Open(document, null, new PagePlan(remove));
        var li = new[] { new Source(Selector.Parse("li")) };
        Assert.Equal(new[] { "1" }, page.ReadStrings(page.Root, new FieldRef("li"), li, null, false));
    }

    [Fact]
    public void The_document_is_not_changed()
    {
        var document = Parser.ParseDocument(Tricky);
        var before = document.DocumentElement.OuterHtml;
        var remove = Removes.Select(Selector.Parse).ToArray();
        var sources = Selectors.Select(s => new[] { new Source(Selector.Parse(s)) }).ToArray();
        var page = Page.Open(document, null, new PagePlan(remove, sources));
        foreach (var source in sources)
        {
            page.ReadStrings(page.Root, new FieldRef("f"), source, Removes.Select(Selector.Parse).ToArray(), false);
        }

        Assert.Equal(before, document.DocumentElement.OuterHtml);
    }

    [Fact]
    public void More_removed_elements_than_the_scan_limit_are_hashed_and_still_found()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Range(0, 300).Select(i => $"<p class=\"ad\">{i}</p><p class=\"keep\">{i}</p>")) + "</body></html>";
        var document = Parser.ParseDocument(html);
        var remove = new[] { Selector.Parse(".ad") };
        var keep = new[] { new Source(Selector.Parse("p")) };
        var walked = Page.Open(document, null, remove);
        var indexed = Page.Open(document, null, new PagePlan(remove, keep));
        var expected = walked.ReadStrings(walked.Root, new FieldRef("p"), keep, null, false);
        Assert.Equal(300, expected.Count);
        Assert.Equal(expected, indexed.ReadStrings(indexed.Root, new FieldRef("p"), keep, null, false));
        Assert.Equal(walked.ReadString(walked.Root, new FieldRef("b"), new[] { new Source(Selector.Parse("body")) }, null, false),
            indexed.ReadString(indexed.Root, new FieldRef("b"), new[] { new Source(Selector.Parse("body")) }, null, false));
    }

    private static readonly string[] RbcRemoves =
    {
        ".banner__container__link", "[data-role=fox-tail]", ".fox-fallback", ".article__inline-item", ".js-commercial-video-block",
        ".item-in-article", ".live-tv__error-message", ".simple-promo-card", ".lib-vertical-card", ".social-networks",
    };

    private static readonly string[] RbcSelectors =
    {
        "h1.article__header__title-in", "a.article__header__category", "[itemprop=articleSection]", "time.article__header__date",
        ".article__authors__author__name", ".article__text__overview", "meta[name=description]", ".article__main-image img",
        "meta[property='og:image']", ".article__main-image__title [itemprop=description]", ".article__main-image__author",
        ".article__text", "[itemprop=articleBody]", "a.article__tags__item",
        ".js-news-feed-list > a.news-feed__item:not([data-rm-data-element*='\"projectNick\":null'])", ".news-feed__item__title",
        "a.main__big__link:not([data-rm-data-element*='\"projectNick\":null']), a.main__feed__link:not([data-rm-data-element*='\"projectNick\":null'])",
        ".main__big__title, .main__feed__title", ".news-feed__item", "img", "script", "meta", "[data-role]", "[class*=banner]",
    };

    private static IEnumerable<(string Name, string Html, string Url)> RbcFixtures()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ScrapeDsl.sln")))
        {
            folder = folder.Parent;
        }

        if (folder is null)
        {
            yield break;
        }

        var fixtures = Path.Combine(folder.FullName, "rules", "rbc.ru", "fixtures");
        yield return ("rbc article", PageText.Decode(File.ReadAllBytes(Path.Combine(fixtures, "2025-06-03-politics-south-korea-election.html"))), "https://www.rbc.ru/politics/03/06/2025/683eb8659a7947eb72d0d6d9");
        yield return ("rbc home", PageText.Decode(File.ReadAllBytes(Path.Combine(fixtures, "home-page.html"))), "https://www.rbc.ru/");
    }

    /// <summary>The field reads the same values, as a list and as a scalar, from both pages; returns how many values.</summary>
    private static int AssertReadsAlike(Page walked, Page indexed, Source[] sources)
    {
        var field = new FieldRef("f");
        var expected = walked.ReadStrings(walked.Root, field, sources, null, false);
        Assert.Equal(expected, indexed.ReadStrings(indexed.Root, field, sources, null, false));
        Assert.Equal(walked.ReadString(walked.Root, field, sources, null, false), indexed.ReadString(indexed.Root, field, sources, null, false));
        return expected.Count;
    }

    private static string Describe(IReadOnlyList<IElement> elements) =>
        elements.Count + " [" + string.Join(", ", elements.Take(5).Select(e => e.LocalName + "." + e.ClassName)) + (elements.Count > 5 ? ", …" : "") + "]";
}
