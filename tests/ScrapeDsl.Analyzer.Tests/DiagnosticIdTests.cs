using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace ScrapeDsl.Analyzer.Tests;

/// <summary>
/// One test per diagnostic id: a small rule in, the exact diagnostics out (id, severity, span, message), from the
/// analyzer and the generator together as a build reports them. Snapshots: Snapshots/DiagnosticIdTests.*.verified.txt.
/// </summary>
public sealed class DiagnosticIdTests
{
    private const string Page = "site/fixtures/page.html";

    [Fact]
    public void SCR001_yaml_syntax_error_is_reported_where_the_parser_stopped() => Check([("site/rule.scrape.yaml", """
        name: Article
        fields:
          title: [h1
        """)]);

    [Fact]
    public void SCR002_unknown_key_suggests_the_near_miss() => Check([("site/rule.scrape.yaml", """
        name: Article
        fields:
          title:
            csss: h1
            reqired: true
        """)]);

    [Fact]
    public void SCR003_wrong_kind_of_value_is_reported_on_the_value() => Check([("site/rule.scrape.yaml", """
        name: [Article]
        fields:
          title: h1
        """)]);

    [Fact]
    public void SCR004_missing_fields_is_reported_on_the_first_key() => Check([("site/rule.scrape.yaml", """
        # a rule without fields
        name: Article
        """)]);

    [Fact]
    public void SCR005_duplicate_key_points_at_the_second_one() => Check([("site/rule.scrape.yaml", """
        name: Article
        fields:
          title: h1
          title: h2
        """)]);

    [Fact]
    public void SCR006_keyword_as_record_name_is_invalid() => Check([("site/rule.scrape.yaml", """
        name: class
        fields:
          title: h1
        """)]);

    [Fact]
    public void SCR007_two_fields_with_one_property_name_collide() => Check([("site/rule.scrape.yaml", """
        name: Article
        fields:
          published_at: time
          publishedAt: .date
        """)]);

    [Fact]
    public void SCR007_two_rules_with_one_record_name_collide_on_both_files() => Check([
        ("a.example/article.scrape.yaml", """
        name: Article
        match: { hosts: [a.example] }
        fields:
          title: h1
        """),
        ("b.example/article.scrape.yaml", """
        name: Article
        match: { hosts: [b.example] }
        fields:
          title: h1
        """)]);

    [Fact]
    public void SCR008_jquery_pseudo_class_gets_a_hint() => Check([("site/rule.scrape.yaml", """
        name: Article
        fields:
          title: "h1:eq(0)"
          lead: { css: "p:first" }
        """)]);

    [Fact]
    public void SCR009_blank_selector_is_an_error() => Check([("site/rule.scrape.yaml", """
        name: Article
        fields:
          title: "   "
        """)]);

    [Fact]
    public void SCR010_unknown_type_suggests_the_near_miss() => Check([("site/rule.scrape.yaml", """
        name: Article
        fields:
          publishedAt: { css: time, attr: datetime, type: datetme }
        """)]);

    [Fact]
    public void SCR011_anchors_are_not_part_of_the_language() => Check([("site/rule.scrape.yaml", """
        name: Article
        fields:
          title: &t h1
        """)]);

    [Fact]
    public void SCR012_field_without_source_is_reported_on_its_name() => Check([("site/rule.scrape.yaml", """
        name: Article
        fields:
          title: { required: true }
        """)]);

    [Fact]
    public void SCR013_html_value_with_a_type_conflicts() => Check([("site/rule.scrape.yaml", """
        name: Article
        fields:
          count: { css: .n, value: html, type: int }
        """)]);

    [Fact]
    public void SCR014_two_rules_claiming_one_url_without_priority_is_ambiguous() => Check([
        ("site/article.scrape.yaml", """
        name: Article
        match:
          hosts: [news.example]
          paths: ["/news/*"]
        fields:
          title: h1
        """),
        ("site/wide.scrape.yaml", """
        name: Wide
        match:
          hosts: ["*.example", news.example]
          paths: ["/**"]
          exclude: ["/about/**"]
        fields:
          title: h1
        """)]);

    [Fact]
    public void SCR015_example_page_that_is_not_there() => Check([("site/rule.scrape.yaml", """
        name: Article
        fields:
          title: h1
        examples:
          - page: fixtures/missing.html
            url: https://news.example/a
        """)]);

    [Fact]
    public void SCR016_required_field_empty_on_an_example_names_the_page() => Check([
        ("site/rule.scrape.yaml", """
        name: Article
        fields:
          title: { css: h1, required: true }
          items:
            css: li
            many: true
            fields:
              name: { css: b, required: true }
        examples:
          - page: fixtures/page.html
        """),
        (Page, RuleHarness.Page("<h1>  </h1><ul><li><b>one</b></li><li>two</li><li><b>three</b></li></ul>"))]);

    [Fact]
    public void SCR017_fallback_that_matches_nothing_is_stale() => Check([
        ("site/rule.scrape.yaml", """
        name: Article
        fields:
          title:
            css: h1
            fallback:
              - { css: "meta[property='og:title']", attr: content }
        examples:
          - page: fixtures/page.html
        """),
        (Page, RuleHarness.Page("<h1>Title</h1>"))]);

    [Fact]
    public void SCR018_scalar_selector_matching_several_elements_gives_the_count() => Check([
        ("site/rule.scrape.yaml", """
        name: Article
        fields:
          lead: p
          tags: { css: .tag, many: true }
          description: { css: "meta[name=description]", attr: content }
          byline: .byline
          image: { css: "meta[property='og:image']", attr: content }
          credit: { css: .credit, remove: [.ad] }
          note: .note
        examples:
          - page: fixtures/page.html
        """),
        (Page, RuleHarness.Page(
            "<meta name=description content='Same text'><meta name=description content=' Same  text '>"
            + "<meta property=og:image content=/a.jpg><meta property=og:image content=/b.jpg>"
            + "<p>one</p><p>two</p><p>three</p><a class=tag>a</a><a class=tag>b</a>"
            + "<span class=byline>By <b>Ann</b></span><span class=byline>By Ann</span>"
            + "<i class=credit>Photo: Bo<b class=ad>Buy</b></i><i class=credit>Photo: Bo</i>"
            + string.Concat(Enumerable.Repeat("<s class=note>Same</s>", 17))))]);

    [Fact]
    public void SCR019_remove_selector_matching_nothing_is_info() => Check([
        ("site/rule.scrape.yaml", """
        name: Article
        remove: [.ad, .gone]
        fields:
          body:
            css: article
            remove: [.also-gone]
        examples:
          - page: fixtures/page.html
        """),
        (Page, RuleHarness.Page("<article>Text<div class=ad>Buy</div></article>"))]);

    [Fact]
    public void SCR020_an_exception_while_reading_becomes_a_diagnostic()
    {
        var files = new Microsoft.CodeAnalysis.AdditionalText[]
        {
            new TestAdditionalText(RuleHarness.Root + "site/rule.scrape.yaml", new System.InvalidOperationException("disk on fire")),
        };
        var run = RuleHarness.Run(files);
        Assert.Empty(run.Exceptions);
        var diagnostic = Assert.Single(run.RuleDiagnostics);
        Assert.Equal("SCR020", diagnostic.Id);
        Assert.StartsWith("ScrapeDsl failed while reading the rule file (InvalidOperationException: disk on fire", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(RuleHarness.Root + "site/rule.scrape.yaml", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void SCR021_example_url_the_rule_does_not_match() => Check([
        ("site/rule.scrape.yaml", """
        name: Article
        match:
          hosts: [news.example]
          paths: ["/news/**"]
        fields:
          title: h1
        examples:
          - page: fixtures/page.html
            url: https://news.example/sport/1
        """),
        (Page, RuleHarness.Page("<h1>Title</h1>"))]);

    [Fact]
    public void SCR023_a_step_that_leaves_nothing_on_every_page_names_the_value_it_was_given() => Check([
        ("site/rule.scrape.yaml", """
        name: Article
        fields:
          updated:                      # the format does not fit the page's text: reported at the step
            css: time
            type: datetime
            transform:
              - date: "dddd MMMM dd yyyy hh:mm"
                timeZone: America/New_York
          published:                    # the field's date step runs on the fallback too, which it cannot read
            css: .dateline
            type: datetime
            transform:
              - date: "MMMM d, yyyy h:mm tt"
                culture: en-US
                timeZone: America/New_York
            fallback:
              - { meta: "article:published_time" }
          section:                      # a regex that never matches, on the field's own source
            css: .kicker
            transform: [ { regex: 'Section: (\w+)' } ]
          day:                          # no year in the example's URL: the format is not blamed
            css: time
            transform:
              - date: "dddd MMMM d"
                culture: en-US
                yearFromUrl: '/(\d{4})/'
          tag:                          # a filter that lets a value through on the page: fine
            css: .tags a
            many: true
            transform: [ { regex: '^#(\w+)$' } ]
        examples:
          - page: fixtures/page.html
            url: https://news.example/story
        """),
        (Page, RuleHarness.Page(
            "<meta property='article:published_time' content='2020-04-07T19:49:00Z'><time>Tuesday April 7, 2020 3:49 pm</time>"
            + "<p class=dateline>April 7, 2020 3:49 PM</p><p class=kicker>Politics</p><p class=tags><a>#vote</a><a>news</a></p>"))]);

    [Fact]
    public void SCR024_a_datetime_without_an_offset_is_named_once_per_rule_file() => Check([
        ("site/rule.scrape.yaml", """
        name: Article
        fields:
          published:                    # no offset: read as UTC, which the page may not mean
            meta: article_date
            type: datetime
          updated:                      # a second one: the same fix, not reported again
            css: .updated
            type: datetime
          modified:                     # an offset: fine
            meta: "article:modified_time"
            type: datetime
          shown:                        # a date step says the zone: fine
            css: .shown
            type: datetime
            transform: [ { date: "yyyy-MM-dd HH:mm", timeZone: America/Chicago } ]
        examples:
          - page: fixtures/page.html
        """),
        (Page, RuleHarness.Page(
            "<meta name=article_date content='2016-12-22 18:47:00'><meta property='article:modified_time' content='2016-12-23T00:47:31Z'>"
            + "<p class=updated>December 23, 2016 9:00 AM</p><p class=shown>2016-12-22 18:47</p>"))]);

    [Fact]
    public void SCR052_id_selector_read_as_a_yaml_comment_is_reported_at_the_comment() => Check([("site/rule.scrape.yaml", """
        name: Article
        remove:
          - aside #related
        fields:
          body:
            css: article #main-text   # the body
        """)]);

    [Fact]
    public void SCR053_a_field_option_that_lost_its_indentation_is_named() => Check([("site/rule.scrape.yaml", """
        name: Article
        fields:
          authors:
            css: .byline a
          many: true
          type: { css: .article-type }
        """)]);

    private static void Check((string Path, string Text)[] files, [CallerMemberName] string method = "", [CallerFilePath] string file = "")
    {
        var run = RuleHarness.Run(files);
        Assert.Empty(run.Exceptions);
        var text = RuleHarness.Render(run.RuleDiagnostics, files.ToDictionary(f => f.Path, f => f.Text));
        text += "C# errors in generated code: " + (run.CompilationErrors.Length == 0 ? "none" : string.Join("; ", run.CompilationErrors)) + "\n";
        Snapshot.Verify(text, file, method);
    }
}
