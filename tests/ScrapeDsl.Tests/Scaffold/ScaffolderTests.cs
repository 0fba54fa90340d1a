using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AngleSharp.Html.Parser;
using ScrapeDsl.Cli.Scaffold;
using ScrapeDsl.Language;
using ScrapeDsl.Tests.Interpreter;
using Xunit;

namespace ScrapeDsl.Tests.Scaffold;

public sealed class ScaffolderTests : IDisposable
{
    // Folders a test writes rule files into; they go when the test ends.
    private readonly List<string> _folders = new();

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private const string RbcUrl = "https://www.rbc.ru/politics/03/06/2025/683eb8659a7947eb72d0d6d9";

    private static readonly string s_rbcPage = Path.Combine(RepositoryPaths.RulesFolder, "rbc.ru", "fixtures", "2025-06-03-politics-south-korea-election.html");

    [Fact]
    public void Scrape_new_writes_nothing_for_a_page_whose_parse_is_stopped_at_the_limit()
    {
        // Nested lists that take a minute to parse whole (ParseLimitTests): a rule guessed from the part read by then
        // would describe whatever came first.
        var rulesDir = TempFolder();
        var page = Path.Combine(rulesDir, "hostile.html");
        File.WriteAllText(page, "<h1>Title</h1>" + string.Concat(Enumerable.Repeat("<ul><li>", 60_000)));

        var exit = ScrapeDsl.Cli.Program.Main(new[] { "new", page, "--url", RbcUrl, "--rules-dir", rulesDir });

        Assert.Equal(2, exit);
        Assert.False(Directory.Exists(Path.Combine(rulesDir, "rbc.ru")));
    }

    [Fact]
    public void Scrape_new_writes_a_valid_rule_beside_a_copy_of_the_page()
    {
        var rulesDir = TempFolder();
        var exit = ScrapeDsl.Cli.Program.Main(new[] { "new", s_rbcPage, "--url", RbcUrl, "--rules-dir", rulesDir });

        Assert.Equal(0, exit);
        var rulePath = Path.Combine(rulesDir, "rbc.ru", "article.scrape.yaml");
        var file = RuleReader.Read(rulePath, File.ReadAllText(rulePath));
        Assert.False(file.HasErrors, string.Join("\n", file.Diagnostics));
        Assert.Equal("RbcArticle", file.Rule!.Name);
        var example = Assert.Single(file.Rule.Examples);
        Assert.Equal(RbcUrl, example.Url);
        Assert.Equal(File.ReadAllBytes(s_rbcPage), File.ReadAllBytes(Path.Combine(rulesDir, "rbc.ru", example.Page)));
    }

    [Fact]
    public void The_rbc_guess_finds_the_title_author_date_and_body_the_hand_written_rule_finds()
    {
        var rule = Scaffolder.Scaffold(PageText.Decode(File.ReadAllBytes(s_rbcPage)), new Uri(RbcUrl), null, "fixtures/page.html", ScaffoldOptions.Default);

        Assert.Equal("В Южной Корее после попытки переворота избрали нового президента", rule.Result["title"]);
        Assert.Equal(new[] { "Валентина Шварцман" }, rule.Result["authors"]);
        Assert.Equal(DateTimeOffset.Parse("2025-06-03T17:14:01Z"), ((DateTimeOffset)rule.Result["publishedAt"]!).ToUniversalTime());
        Assert.Contains("\nКандидат от Демократической партии «Тобуро» Ли Чжэ Мён победил", (string)rule.Result["body"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(rule.Result["lead"] as string ?? "(no lead)", (string)rule.Result["body"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_new_refuses_to_overwrite_an_existing_rule()
    {
        var rulesDir = TempFolder();
        Assert.Equal(0, ScrapeDsl.Cli.Program.Main(new[] { "new", s_rbcPage, "--url", RbcUrl, "--rules-dir", rulesDir }));

        Assert.Equal(2, ScrapeDsl.Cli.Program.Main(new[] { "new", s_rbcPage, "--url", RbcUrl, "--rules-dir", rulesDir }));
    }

    [Fact]
    public void Scrape_new_names_the_rules_that_already_take_the_url()
    {
        // www.al.com's rule takes al.com's pages too ("*.al.com" is not the bare domain, but "al.com" is listed).
        var rulesDir = TempFolder();
        var other = Path.Combine(rulesDir, "www.al.com");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "article.scrape.yaml"), "name: AlComArticle\nmatch: { hosts: [al.com, \"*.al.com\"], paths: [\"/news/**\"] }\nfields:\n  title: h1\n");
        File.WriteAllText(Path.Combine(other, "_common.scrape.yaml"), "fields:\n  section: .section\n");
        var page = Path.Combine(rulesDir, "story.html");
        File.WriteAllText(page, "<html><body><h1>A headline long enough</h1><p>Some prose that is long enough to count as a paragraph.</p></body></html>");
        var url = new Uri("https://al.com/news/birmingham/2016/12/x.html");

        Assert.Equal(0, ScrapeDsl.Cli.Program.Main(new[] { "new", page, "--url", url.AbsoluteUri, "--rules-dir", rulesDir }));

        var written = Path.Combine(rulesDir, "al.com", "article.scrape.yaml");
        var existing = ScrapeDsl.Cli.Commands.NewCommand.ExistingRules(rulesDir).ToList();
        Assert.Equal(new[] { "AlArticle", "AlComArticle" }, existing.Select(rule => rule.Rule.Name).Order(StringComparer.Ordinal));
        Assert.Equal("AlComArticle", Assert.Single(ScrapeDsl.Cli.Commands.NewCommand.OthersMatching(existing, url, written)).Rule.Name);
        Assert.Empty(ScrapeDsl.Cli.Commands.NewCommand.OthersMatching(existing, new Uri("https://al.com/sports/x.html"), written));
    }

    [Fact]
    public void A_record_name_another_rule_has_is_made_unique_with_the_subdomain()
    {
        var rulesDir = TempFolder();
        var other = Path.Combine(rulesDir, "cnet.com");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "article.scrape.yaml"), "name: CnetArticle\nfields:\n  title: h1\n");
        var page = Path.Combine(rulesDir, "story.html");
        File.WriteAllText(page, "<html><body><h1>A headline long enough</h1><p>Some prose that is long enough to count as a paragraph.</p></body></html>");

        Assert.Equal(0, ScrapeDsl.Cli.Program.Main(new[] { "new", page, "--url", "https://japan.cnet.com/article/1/", "--rules-dir", rulesDir }));

        var written = Path.Combine(rulesDir, "japan.cnet.com", "japan-cnet-article.scrape.yaml");
        Assert.Equal("JapanCnetArticle", RuleReader.Read(written, File.ReadAllText(written)).Rule!.Name);
        Assert.Equal(2, ScrapeDsl.Cli.Program.Main(new[] { "new", page, "--url", "https://japan.cnet.com/article/2/", "--rules-dir", rulesDir, "--name", "CnetArticle" }));
    }

    [Fact]
    public void Json_ld_in_a_graph_confirms_the_h1_whose_text_equals_its_headline()
    {
        var rule = Scaffold("""
            <html><head><title>Site</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
              {"@type":"NewsArticle","headline":"Rain expected all week","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}],
               "datePublished":"2025-06-03T09:00:00+02:00"}]}</script></head>
            <body><h1 class="promo">Subscribe now</h1><h1 class="story-title">Rain expected all week</h1>
            <p class="credits"><span class="writer">Ann Lee</span> and <span class="writer">Bo Chen</span></p>
            <div class="story-text"><p>The weather service says rain will fall, on and off, for the next seven days, in most parts of the country.</p>
            <p>Farmers welcome it, commuters less so, and the forecast for the weekend is, if anything, wetter still than today.</p></div></body></html>
            """);

        var title = rule.Fields.Single(f => f.Name == "title");
        Assert.Equal("h1.story-title", title.Sources[0].Path);
        Assert.Contains("JSON-LD headline", title.Evidence, StringComparison.Ordinal);
        Assert.Equal("Rain expected all week", rule.Result["title"]);
        Assert.Equal(new[] { "Ann Lee", "Bo Chen" }, rule.Result["authors"]);
    }

    [Fact]
    public void Meta_tags_are_written_as_meta_sources_which_read_the_live_page_as_well_as_the_saved_copy()
    {
        // Saved by Postlight Parser's tooling: name= and value= where the live page has property= and content=.
        var rule = Scaffold("""
            <html><head><meta name="og:title" value="Rain expected all week"><meta name="description" value="Seven wet days ahead, the weather service says.">
            <meta name="og:site_name" content="Example News"><meta property="og:image" content="/a.png"><meta name="og:image" content="/b.png"></head>
            <body><h1>Rain expected all week</h1><p>Some prose that is long enough to count as a paragraph of the article body text.</p></body></html>
            """);

        Assert.Contains("{ meta: \"og:title\" }", rule.Yaml, StringComparison.Ordinal);
        Assert.Contains("meta: \"description\"", rule.Yaml, StringComparison.Ordinal);
        Assert.Equal("Seven wet days ahead, the weather service says.", rule.Result["lead"]);
        Assert.DoesNotContain("meta[", rule.Yaml, StringComparison.Ordinal);

        // The live page: no h1, the tag as the site writes it. The rule still finds the title.
        Assert.Equal("Rain expected all week", ScrapeDsl.Interpreter.InterpretedRule.From(rule.Rule).Extract("<html><head><meta property='og:title' content='Rain expected all week'></head><body></body></html>", new Uri("https://news.example.com/2025/06/04/sun")).Partial["title"]);
    }

    [Fact]
    public void A_date_shown_only_as_text_is_read_with_a_date_step_in_the_zone_of_the_pages_language()
    {
        // Japanese pages often show the date only as text, in Japan's time: read as UTC it would be nine hours off.
        const string Body = """
            <body><h1>雨の一週間</h1><div class="pubdate">2019年3月5日 12:30</div><ul class="related"><li>2018/06/05</li></ul>
            <p>気象庁によると、今週は全国的に雨が続く見込みです。週末にかけて、さらに雨脚が強まるおそれがあります。</p></body></html>
            """;

        var rule = Scaffold("<html lang=\"ja\">" + Body);

        Assert.Contains("transform: [ { date: \"yyyy年M月d日 H:mm\", timeZone: Asia/Tokyo } ]", rule.Yaml, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.Parse("2019-03-05T03:30:00Z", System.Globalization.CultureInfo.InvariantCulture), ((DateTimeOffset)rule.Result["publishedAt"]!).ToUniversalTime());
        Assert.Equal(new[] { "div.pubdate" }, rule.Fields.Single(f => f.Name == "publishedAt").Sources.Select(source => source.Path)); // not the related article's date

        // Without a language that names one zone, no zone is guessed: no date step is written.
        Assert.DoesNotContain("timeZone", Scaffold("<html>" + Body).Yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2019年3月5日", "yyyy年M月d日")]
    [InlineData("2019年03月05日 9:05", "yyyy年M月d日 H:mm")]
    [InlineData("2019年3月5日 9時5分", "yyyy年M月d日 H時m分")]
    [InlineData("2019/03/05", "yyyy/M/d")]
    [InlineData("2019.3.5 12:00", "yyyy.M.d H:mm")]
    [InlineData("2019/03.05", null)]          // two separators
    [InlineData("公開日 2019/03/05", null)]    // not the whole text
    [InlineData("２０１９/03/05", null)]       // full-width digits: not what the date step reads
    public void Text_date_forms_give_their_format(string text, string? format) =>
        Assert.Equal(format, TextDates.FormatOf(text));

    [Fact]
    public void Json_ld_values_are_not_written_as_sources_while_the_language_has_none()
    {
        var rule = Scaffold("""
            <html><head><script type="application/ld+json">{"@type":"Article","headline":"Only in JSON-LD","datePublished":"2025-01-01T00:00:00Z"}</script></head>
            <body><h1>Visible headline</h1><p>Some prose that is long enough to count as a paragraph of the article body text.</p></body></html>
            """);

        Assert.DoesNotContain("jsonld", rule.Yaml, StringComparison.Ordinal);
        Assert.Equal("Visible headline", rule.Result["title"]);
        Assert.DoesNotContain(rule.Fields, f => f.Name == "publishedAt");
    }

    [Fact]
    public void With_the_json_ld_switch_on_json_ld_values_are_written_as_last_fallbacks_and_as_sole_sources()
    {
        var document = new HtmlParser().ParseDocument("""
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Rain all week","datePublished":"2025-06-03T09:00:00Z"}</script></head>
            <body><h1>Rain all week</h1></body></html>
            """);
        var options = new ScaffoldOptions { EmitJsonLdSources = true };
        var fields = ArticleGuesser.Guess(PageEvidence.Read(document, null), options);

        var yaml = RuleWriter.Write(SiteNames.From(new Uri("https://example.com/a"), null), new Uri("https://example.com/a"), "fixtures/a.html", fields, options);

        Assert.Contains("    css: \"h1\"\n    required: true\n    fallback:\n      - { jsonld: \"headline\" }", yaml, StringComparison.Ordinal);
        Assert.Contains("  publishedAt:   # JSON-LD datePublished\n    jsonld: \"datePublished\"\n    type: datetime\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Selectors_prefer_ids_and_semantic_classes_over_positions()
    {
        var document = new HtmlParser().ParseDocument("""
            <body><div id="post-123456"><div class="x1"><span class="byline-name">A</span></div></div>
            <div id="main"><div><p>one</p><p>two</p></div></div></body>
            """);

        Assert.Equal("span.byline-name", StableSelector.For(document.QuerySelector(".byline-name")!)!.Css);
        var second = document.QuerySelectorAll("#main p")[1];
        var built = StableSelector.For(second)!;
        Assert.Equal(Stability.Positional, built.Stability);
        Assert.StartsWith("#main", built.Css, StringComparison.Ordinal);
        Assert.Same(second, document.QuerySelector(built.Css));
    }

    [Fact]
    public void Css_modules_classes_are_selected_by_their_prefix_not_their_hash()
    {
        var document = new HtmlParser().ParseDocument("""<body><h1 class="ArticleTitle_root__Nb9Xh">T</h1><div class="article__text">x</div></body>""");

        Assert.Equal("h1[class*='ArticleTitle_root__']", StableSelector.For(document.QuerySelector("h1")!)!.Css);
        Assert.Equal("div.article__text", StableSelector.For(document.QuerySelector("div")!)!.Css);
    }

    private static ScaffoldedRule Scaffold(string html) =>
        Scaffolder.Scaffold(html, new Uri("https://news.example.com/2025/06/03/rain"), null, "fixtures/rain.html", ScaffoldOptions.Default);

    [Fact]
    public void A_selector_that_matches_the_body_alone_is_preferred_to_one_that_also_matches_a_teaser_after_it()
    {
        // Own classes make the body the first match of div.entry-content; the article's class makes it the only one.
        var html = Page("<article class='post'>" + Prose("entry-content", 6) + "</article><aside class='related'>" + Prose("entry-content", 1) + "</aside>");
        var rule = Scaffolder.Scaffold(html, new Uri("https://example.com/news/1"), null, "fixtures/page.html", ScaffoldOptions.Default);

        var body = rule.Fields.Single(field => field.Name == "body").Sources[0];
        var matches = new HtmlParser().ParseDocument(html).QuerySelectorAll(body.Path);
        Assert.Equal(Stability.Stable, body.Stability);
        var only = Assert.Single(matches);
        Assert.StartsWith("Paragraph 1 of 6", only.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_new_names_what_the_build_will_report_on_the_example_page()
    {
        // Nothing tells the body from the teaser after it but their order: the best selector matches both (SCR018).
        var rulesDir = TempFolder();
        var page = Path.Combine(rulesDir, "story.html");
        File.WriteAllText(page, Page(Prose("entry-content", 6) + Prose("entry-content", 1)));
        Assert.Equal(0, ScrapeDsl.Cli.Program.Main(new[] { "new", page, "--url", "https://example.com/news/1", "--rules-dir", rulesDir }));

        var findings = ScrapeDsl.Cli.Commands.NewCommand.Findings(Path.Combine(rulesDir, "example.com", "article.scrape.yaml"));

        var finding = Assert.Single(findings);
        Assert.Equal("SCR018", finding.Id);
        Assert.Contains("'div.entry-content' matches 2 elements", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tab_title_is_read_from_the_head_when_icons_have_titles_of_their_own()
    {
        var icon = "<svg><title>Search</title></svg>";
        var withIcon = Scaffolder.Scaffold(Page(icon + Prose("entry-content", 6)), new Uri("https://example.com/news/1"), null, "fixtures/page.html", ScaffoldOptions.Default);
        var without = Scaffolder.Scaffold(Page(Prose("entry-content", 6)), new Uri("https://example.com/news/1"), null, "fixtures/page.html", ScaffoldOptions.Default);

        Assert.Contains(withIcon.Fields.Single(field => field.Name == "title").Sources, source => source.Path == "head > title");
        Assert.Contains(without.Fields.Single(field => field.Name == "title").Sources, source => source.Path == "title");
    }

    private static string Page(string body) =>
        "<html><head><title>A headline long enough</title></head><body><h1>A headline long enough</h1>" + body + "</body></html>";

    private static string Prose(string className, int paragraphs) =>
        "<div class='" + className + "'>" + string.Concat(Enumerable.Range(1, paragraphs).Select(i =>
            $"<p>Paragraph {i} of {paragraphs}: prose long enough to count as a paragraph of an article, with a few more words.</p>")) + "</div>";

    private string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "scrape-new-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        _folders.Add(folder);
        return folder;
    }
}
